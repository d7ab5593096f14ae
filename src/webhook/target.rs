//! Where a webhook may point (server-side request forgery): only public
//! addresses, unless `SHIPDESK_WEBHOOK_ALLOW` lists a host or network.
//!
//! Refused: loopback, private (RFC 1918), link-local, CGNAT (100.64/10),
//! unique-local IPv6 (fc00::/7), unspecified, multicast, broadcast,
//! documentation, benchmarking and reserved ranges, and those embedded in
//! IPv6 (v4-mapped, NAT64, 6to4). A URL naming such an address is refused
//! when created and when sent; a host name is checked when connecting, on
//! the addresses it resolves to then (see `client`), so a name that resolves
//! elsewhere later (DNS rebinding) gains nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use reqwest::Url;

use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// Hosts and networks exempt from the address check (tests, intranet hooks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowList {
    /// Host names, lower case (`localhost`, `erp.intra`).
    hosts: Vec<String>,
    /// Networks as (address, prefix length).
    nets: Vec<(IpAddr, u8)>,
}

impl AllowList {
    /// Comma-separated host names, addresses and CIDRs:
    /// `localhost, 127.0.0.1, 10.0.0.0/8, [::1], fd00::/8`.
    pub fn parse(s: &str) -> Result<AllowList, String> {
        let mut out = AllowList::default();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let bare = item.trim_start_matches('[').trim_end_matches(']');
            if let Some((addr, len)) = bare.split_once('/') {
                let ip: IpAddr = addr
                    .trim_end_matches(']')
                    .parse()
                    .map_err(|_| format!("{item}: not a network"))?;
                let max = if ip.is_ipv4() { 32 } else { 128 };
                let len: u8 = len
                    .parse()
                    .ok()
                    .filter(|l| *l <= max)
                    .ok_or_else(|| format!("{item}: bad prefix length"))?;
                out.nets.push((ip, len));
            } else if let Ok(ip) = bare.parse::<IpAddr>() {
                out.nets.push((ip, if ip.is_ipv4() { 32 } else { 128 }));
            } else if item
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            {
                out.hosts.push(item.to_ascii_lowercase());
            } else {
                return Err(format!("{item}: not a host, address or network"));
            }
        }
        Ok(out)
    }

    pub fn is_empty(&self) -> bool {
        self.hosts.is_empty() && self.nets.is_empty()
    }

    /// Is this host name listed (then any address it resolves to is fine)?
    pub fn host_allowed(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.iter().any(|h| *h == host)
    }

    /// Is this address in a listed network?
    pub fn ip_allowed(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.nets
            .iter()
            .any(|(net, len)| in_network(ip, canonical(*net), *len))
    }

    /// May a webhook connect to `ip`?
    pub fn permits(&self, ip: IpAddr) -> bool {
        !is_forbidden(ip) || self.ip_allowed(ip)
    }
}

/// An IPv4 address carried in IPv6 as v4-mapped, as itself.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

fn in_network(ip: IpAddr, net: IpAddr, len: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
            u32::from(a) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
            u128::from(a) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

fn v4_forbidden(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // CGNAT 100.64/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240 // reserved
}

fn v6_forbidden(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_forbidden(v4);
    }
    if s[0] == 0x64 && s[1] == 0xff9b {
        // NAT64 64:ff9b::/96 reaches the embedded IPv4 address.
        let v4 = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
        return v4_forbidden(v4);
    }
    if s[0] == 0x2002 {
        // 6to4 2002::/16 carries an IPv4 address in bits 16..48.
        let v4 = Ipv4Addr::new((s[1] >> 8) as u8, s[1] as u8, (s[2] >> 8) as u8, s[2] as u8);
        return v4_forbidden(v4);
    }
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (s[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated) fec0::/10
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0 && s[4] == 0 && s[5] == 0)
    // IPv4-compatible
}

/// Is `ip` one a webhook must not reach without being allowed?
pub fn is_forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4_forbidden(v4),
        IpAddr::V6(v6) => v6_forbidden(v6),
    }
}

/// Names that mean this machine whatever DNS says.
fn is_local_name(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost" || host.ends_with(".localhost")
}

/// A webhook URL as it will be sent: http(s) with a host; an address (or a
/// local name) that is not public is refused unless allowed. Host names
/// are checked again, on their addresses, when connecting.
pub fn check_url(s: &str, allow: &AllowList) -> AppResult<Url> {
    let invalid = || AppError::validation("url", ErrorKey::WebhookUrlInvalid);
    let url = Url::parse(s.trim()).map_err(|_| invalid())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid());
    }
    let forbidden = || AppError::validation("url", ErrorKey::WebhookUrlForbidden);
    match url.host() {
        None => Err(invalid()),
        Some(url::Host::Ipv4(ip)) if !allow.permits(IpAddr::V4(ip)) => Err(forbidden()),
        Some(url::Host::Ipv6(ip)) if !allow.permits(IpAddr::V6(ip)) => Err(forbidden()),
        Some(url::Host::Domain(d)) if is_local_name(d) && !allow.host_allowed(d) => {
            Err(forbidden())
        }
        Some(_) => Ok(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_forbidden_and_public_ones_are_not() {
        for bad in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::1",
        ] {
            assert!(is_forbidden(ip(bad)), "{bad}");
        }
        for good in [
            "8.8.8.8",
            "1.1.1.1",
            "100.128.0.1",
            "172.32.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(!is_forbidden(ip(good)), "{good}");
        }
    }

    #[test]
    fn the_allow_list_takes_hosts_addresses_and_networks() {
        let a = AllowList::parse(" localhost , 127.0.0.1, 10.0.0.0/8,[::1], fd00::/8 ").unwrap();
        assert!(a.host_allowed("LOCALHOST."));
        assert!(!a.host_allowed("example.com"));
        assert!(a.permits(ip("127.0.0.1")));
        assert!(!a.permits(ip("127.0.0.2")));
        assert!(a.permits(ip("10.200.0.1")));
        assert!(a.permits(ip("::ffff:10.0.0.1")));
        assert!(a.permits(ip("::1")));
        assert!(a.permits(ip("fd00::5")));
        assert!(!a.permits(ip("192.168.0.1")));
        assert!(AllowList::parse("").unwrap().is_empty());
        for bad in ["10.0.0.0/33", "::/129", "a b", "http://x"] {
            assert!(AllowList::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_naming_internal_addresses_are_refused_unless_allowed() {
        let none = AllowList::default();
        for bad in [
            "http://127.0.0.1:9000/x",
            "http://2130706433/x",
            "http://0x7f.1/x",
            "http://[::1]/x",
            "http://[::ffff:169.254.169.254]/latest",
            "http://169.254.169.254/latest/meta-data",
            "https://localhost/x",
            "https://api.localhost./x",
            "http://10.0.0.1/",
        ] {
            let e = check_url(bad, &none).unwrap_err();
            assert_eq!(e.field(), Some("url"), "{bad}");
            assert_eq!(e.key(), "webhook.url_forbidden", "{bad}");
        }
        for bad in ["ftp://x.example/", "https://", "javascript:alert(1)"] {
            assert_eq!(
                check_url(bad, &none).unwrap_err().key(),
                "webhook.url_invalid"
            );
        }
        assert!(check_url("https://erp.example.com/hooks", &none).is_ok());
        assert!(check_url("http://8.8.8.8/hooks", &none).is_ok());
        let tests = AllowList::parse("127.0.0.1,localhost").unwrap();
        assert!(check_url("http://127.0.0.1:9000/x", &tests).is_ok());
        assert!(check_url("https://localhost:8443/x", &tests).is_ok());
        assert!(check_url("http://[::1]/x", &tests).is_err());
    }
}
