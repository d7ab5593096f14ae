//! Client addresses behind proxies, pure: which hop of `X-Forwarded-For` is
//! the client, and the key a per-address limit counts under.
//!
//! Rules: a forwarded header is believed only when the TCP peer is a trusted
//! proxy; then the client is the right-most hop that is not itself a trusted
//! proxy (hops left of it can be forged by the client). IPv6 clients are
//! keyed on their /64, the block one subscriber holds.

use std::net::{IpAddr, Ipv6Addr};

/// An address block (`10.0.0.0/8`, `2001:db8::/32`, or one address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Parses `addr` or `addr/prefix`.
    pub fn parse(s: &str) -> Result<IpNet, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("`{s}` is not an IP address or CIDR block"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("`{s}`: the prefix must be 0–{max}"))?,
        };
        Ok(IpNet { addr, prefix })
    }

    /// Parses a comma-separated list (empty entries ignored).
    pub fn parse_list(s: &str) -> Result<Vec<IpNet>, String> {
        s.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(IpNet::parse)
            .collect()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - self.prefix as u32).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - self.prefix as u32).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`) as the IPv4 they are.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

fn trusted(ip: IpAddr, proxies: &[IpNet]) -> bool {
    proxies.iter().any(|n| n.contains(ip))
}

/// The client's address: the peer, or, when the peer is a trusted proxy, the
/// right-most untrusted hop of `forwarded_for` (all `X-Forwarded-For` header
/// values joined by commas, in order). Unparseable hops end the walk.
pub fn client_addr(peer: IpAddr, forwarded_for: Option<&str>, proxies: &[IpNet]) -> IpAddr {
    let peer = canonical(peer);
    if !trusted(peer, proxies) {
        return peer;
    }
    let Some(hops) = forwarded_for else {
        return peer;
    };
    let mut client = peer;
    for hop in hops.rsplit(',') {
        let Some(ip) = parse_hop(hop) else { break };
        client = canonical(ip);
        if !trusted(client, proxies) {
            break;
        }
    }
    client
}

/// A hop as proxies write it: `1.2.3.4`, `1.2.3.4:567`, `2001:db8::1` or `[2001:db8::1]:567`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Some(rest) = hop.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    hop.rsplit_once(':')?.0.parse().ok()
}

/// The key a per-address limit counts under: an IPv4 address as it is, an
/// IPv6 address as its /64 (`2001:db8:1:2::/64`).
pub fn limit_key(ip: IpAddr) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let net = u128::from(v6) & (u128::MAX << 64);
            format!("{}/64", Ipv6Addr::from(net))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_parse_and_contain_their_addresses() {
        let n = IpNet::parse("10.0.0.0/8").unwrap();
        assert!(n.contains(ip("10.200.1.1")));
        assert!(!n.contains(ip("11.0.0.1")));
        assert!(n.contains(ip("::ffff:10.1.2.3")));
        assert!(IpNet::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        assert!(IpNet::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert!(IpNet::parse("127.0.0.1").unwrap().contains(ip("127.0.0.1")));
        assert!(IpNet::parse("10.0.0.0/33").is_err());
        assert!(IpNet::parse("proxy.local").is_err());
        assert_eq!(IpNet::parse_list(" 10.0.0.1, ,::1 ").unwrap().len(), 2);
    }

    #[test]
    fn a_forwarded_header_counts_only_from_a_trusted_peer() {
        let proxies = IpNet::parse_list("10.0.0.0/8").unwrap();
        assert_eq!(
            client_addr(ip("203.0.113.9"), Some("1.1.1.1"), &proxies),
            ip("203.0.113.9"),
            "a client cannot name its own address"
        );
        assert_eq!(
            client_addr(ip("10.0.0.2"), Some("1.1.1.1, 198.51.100.7"), &proxies),
            ip("198.51.100.7"),
            "the right-most untrusted hop, not the forgeable left one"
        );
        assert_eq!(
            client_addr(ip("10.0.0.2"), Some("198.51.100.7, 10.0.0.3"), &proxies),
            ip("198.51.100.7"),
            "a chain of trusted proxies is walked through"
        );
        assert_eq!(
            client_addr(ip("10.0.0.2"), Some("[2001:db8::5]:443"), &proxies),
            ip("2001:db8::5")
        );
        assert_eq!(client_addr(ip("10.0.0.2"), None, &proxies), ip("10.0.0.2"));
        assert_eq!(
            client_addr(ip("10.0.0.2"), Some("1.1.1.1"), &[]),
            ip("10.0.0.2"),
            "no proxies configured: the peer"
        );
    }

    #[test]
    fn ipv6_clients_share_a_key_per_64() {
        assert_eq!(
            limit_key(ip("2001:db8:1:2:aaaa::1")),
            limit_key(ip("2001:db8:1:2:bbbb::9"))
        );
        assert_eq!(limit_key(ip("2001:db8:1:2::1")), "2001:db8:1:2::/64");
        assert_ne!(
            limit_key(ip("2001:db8:1:3::1")),
            limit_key(ip("2001:db8:1:2::1"))
        );
        assert_eq!(limit_key(ip("::ffff:1.2.3.4")), "1.2.3.4");
    }
}
