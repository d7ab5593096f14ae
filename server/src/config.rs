//! Configuration from the environment (all listed in the README). It fails
//! closed: an unknown `SHIPDESK_ENV`, a bad number or a zero timeout stops
//! the server with a message naming the variable, and without
//! `SHIPDESK_ENV` the server runs in dev mode only on a loopback address.

use std::net::SocketAddr;
use std::path::PathBuf;

use shipdesk::net::IpNet;
use shipdesk::state::Config;
use shipdesk::tracking::provider::kuaidi100::DEFAULT_BASE_URL;
use shipdesk::tracking::provider::{Kuaidi100Config, TrackingConfig};

/// An SMS provider reached over HTTP (`SHIPDESK_SMS_URL`, `_KEY`, `_TEMPLATE`).
#[derive(Debug, Clone)]
pub struct SmsSettings {
    pub url: String,
    pub key: String,
    pub template: String,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub core: Config,
    /// None: the dev log sender (refused in production).
    pub sms: Option<SmsSettings>,
}

/// The default listen address (`LEPTOS_SITE_ADDR` overrides it).
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";

fn number<T: std::str::FromStr + PartialOrd + Default + Copy>(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    into: &mut T,
) -> Result<(), String> {
    if let Some(v) = get(name) {
        let n: T = v
            .trim()
            .parse()
            .map_err(|_| format!("{name}: `{v}` is not a whole number"))?;
        if n <= T::default() {
            return Err(format!("{name}: must be greater than zero"));
        }
        *into = n;
    }
    Ok(())
}

/// Dev or production, from `SHIPDESK_ENV` and the listen address.
fn dev_mode(env: Option<&str>, addr: &str) -> Result<bool, String> {
    match env {
        Some("dev") => Ok(true),
        Some("production") => Ok(false),
        Some(other) => Err(format!(
            "SHIPDESK_ENV must be `dev` or `production`, not `{other}`"
        )),
        None => {
            let loopback = addr
                .parse::<SocketAddr>()
                .map(|a| a.ip().is_loopback())
                .unwrap_or(false);
            if loopback {
                Ok(true)
            } else {
                Err(format!(
                    "listening on {addr} (not loopback) needs SHIPDESK_ENV: `production` \
                     (with SHIPDESK_SECRET and an SMS provider) or, knowingly, `dev`"
                ))
            }
        }
    }
}

/// An https URL, or plain http to this machine (a local relay).
fn secure_or_local(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?']).next().unwrap_or("");
    let host = host
        .rsplit_once(':')
        .filter(|(h, p)| !h.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        .map(|(h, _)| h)
        .unwrap_or(host);
    host == "localhost"
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A path prefix for the older APIs: `/` and segments of letters, digits,
/// `.`, `_`, `~` or `-` (`/legacy`, `/api/v1/old`); a trailing `/` is dropped.
fn compat_prefix(v: &str) -> Result<String, String> {
    let v = v.trim().trim_end_matches('/');
    let ok = v.starts_with('/')
        && v[1..].split('/').all(|seg| {
            !seg.is_empty()
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '~' | '-'))
        });
    if v.is_empty() || ok {
        Ok(v.to_owned())
    } else {
        Err(format!(
            "SHIPDESK_COMPAT_PREFIX: `{v}` is not a path prefix like /legacy"
        ))
    }
}

/// The Kuaidi100 account's settings, all four or none.
const KUAIDI100: [&str; 4] = [
    "SHIPDESK_KUAIDI100_CUSTOMER",
    "SHIPDESK_KUAIDI100_KEY",
    "SHIPDESK_KUAIDI100_CALLBACK_URL",
    "SHIPDESK_KUAIDI100_SALT",
];

/// Where tracking events come from: a Kuaidi100 account, or the demo
/// provider (`SHIPDESK_TRACKING_DEMO=1`, dev mode only), or neither.
fn tracking(get: &impl Fn(&str) -> Option<String>, dev: bool) -> Result<TrackingConfig, String> {
    let demo = match get("SHIPDESK_TRACKING_DEMO").as_deref() {
        None | Some("0") => false,
        Some("1") => true,
        Some(_) => return Err("SHIPDESK_TRACKING_DEMO must be 0 or 1".into()),
    };
    let values: Vec<Option<String>> = KUAIDI100.iter().map(|n| get(n)).collect();
    let base = get("SHIPDESK_KUAIDI100_BASE_URL");
    let kuaidi100 = if values.iter().all(Option::is_none) {
        if base.is_some() {
            return Err("SHIPDESK_KUAIDI100_BASE_URL needs the Kuaidi100 account (SHIPDESK_KUAIDI100_CUSTOMER, _KEY, _CALLBACK_URL, _SALT)".into());
        }
        None
    } else {
        let v: Vec<String> = values
            .into_iter()
            .zip(KUAIDI100)
            .map(|(v, name)| {
                v.ok_or(format!(
                    "{name} is required with the other SHIPDESK_KUAIDI100_ settings"
                ))
            })
            .collect::<Result<_, _>>()?;
        let (customer, key, callback_url, salt) =
            (v[0].trim(), v[1].trim(), v[2].trim(), v[3].trim());
        let base_url = base
            .unwrap_or_else(|| DEFAULT_BASE_URL.into())
            .trim()
            .trim_end_matches('/')
            .to_owned();
        for (name, url) in [
            ("SHIPDESK_KUAIDI100_CALLBACK_URL", callback_url),
            ("SHIPDESK_KUAIDI100_BASE_URL", base_url.as_str()),
        ] {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(format!("{name}: `{url}` is not an http(s) URL"));
            }
            if !dev && !secure_or_local(url) {
                return Err(format!("{name}: production talks to Kuaidi100 only over https (or to a loopback address), not `{url}`"));
            }
        }
        if salt.chars().count() < 8 {
            return Err("SHIPDESK_KUAIDI100_SALT must be at least 8 characters".into());
        }
        Some(Kuaidi100Config {
            customer: customer.to_owned(),
            key: key.to_owned(),
            callback_url: callback_url.to_owned(),
            salt: salt.to_owned(),
            base_url,
        })
    };
    if demo && kuaidi100.is_some() {
        return Err("SHIPDESK_TRACKING_DEMO=1 with a Kuaidi100 account: choose one".into());
    }
    if demo && !dev {
        return Err(
            "SHIPDESK_TRACKING_DEMO=1 is refused in production: it makes up tracking events".into(),
        );
    }
    Ok(TrackingConfig { kuaidi100, demo })
}

impl Settings {
    pub fn from_env() -> Result<Settings, String> {
        Settings::from_vars(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads the settings through `get` (the environment, or a test's map).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Settings, String> {
        let data_dir = PathBuf::from(get("SHIPDESK_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = get("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("shipdesk.db").display()));
        let addr = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| DEFAULT_ADDR.into());
        let dev = dev_mode(get("SHIPDESK_ENV").as_deref(), &addr)?;
        let mut core = Config {
            dev_mode: dev,
            upload_dir: get("SHIPDESK_UPLOAD_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("uploads")),
            ..Config::default()
        };
        number(
            &get,
            "SHIPDESK_UPLOAD_MAX_BYTES",
            &mut core.upload_max_bytes,
        )?;
        number(
            &get,
            "SHIPDESK_SESSION_IDLE_SECS",
            &mut core.session_idle_secs,
        )?;
        number(
            &get,
            "SHIPDESK_SESSION_ABSOLUTE_SECS",
            &mut core.session_absolute_secs,
        )?;
        number(
            &get,
            "SHIPDESK_PRESENCE_GRACE_SECS",
            &mut core.presence_grace_secs,
        )?;
        number(
            &get,
            "SHIPDESK_UPLOAD_DAILY_BYTES",
            &mut core.upload_daily_bytes,
        )?;
        match get("SHIPDESK_SECRET") {
            Some(s) if s.len() >= 32 => core.otp_secret = s.into_bytes(),
            Some(_) => return Err("SHIPDESK_SECRET must be at least 32 characters".into()),
            None if !dev => {
                return Err("SHIPDESK_SECRET is required when SHIPDESK_ENV=production".into())
            }
            None => {}
        }
        if let Some(v) = get("SHIPDESK_TRUSTED_PROXIES") {
            core.trusted_proxies =
                IpNet::parse_list(&v).map_err(|e| format!("SHIPDESK_TRUSTED_PROXIES: {e}"))?;
        }
        if let Some(v) = get("SHIPDESK_PUBLIC_ORIGIN") {
            let v = v.trim().trim_end_matches('/').to_owned();
            let ok = match v.split_once("://") {
                Some(("https" | "http", host)) => !host.is_empty() && !host.contains('/'),
                _ => false,
            };
            if !ok {
                return Err(format!(
                    "SHIPDESK_PUBLIC_ORIGIN: `{v}` is not an origin like https://desk.example.com"
                ));
            }
            core.public_origin = Some(v);
        }
        let sms =
            match (get("SHIPDESK_SMS_URL"), get("SHIPDESK_SMS_KEY")) {
                (Some(url), _) if !dev && !secure_or_local(&url) => {
                return Err(format!(
                    "SHIPDESK_SMS_URL: production sends codes only over https (or to a loopback address), not `{url}`"
                ))
            }
            (Some(url), Some(key)) => Some(SmsSettings {
                    url,
                    key,
                    template: get("SHIPDESK_SMS_TEMPLATE").unwrap_or_else(|| "login_code".into()),
                }),
                (Some(_), None) => return Err("SHIPDESK_SMS_URL needs SHIPDESK_SMS_KEY".into()),
                (None, Some(_)) => return Err("SHIPDESK_SMS_KEY needs SHIPDESK_SMS_URL".into()),
                (None, None) if !dev => return Err(
                    "production needs an SMS provider: set SHIPDESK_SMS_URL and SHIPDESK_SMS_KEY"
                        .into(),
                ),
                (None, None) => None,
            };
        // Webhook targets allowed although not public (comma-separated).
        if let Some(v) = get("SHIPDESK_WEBHOOK_ALLOW") {
            core.webhook_allow = shipdesk::webhook::target::AllowList::parse(&v)
                .map_err(|e| format!("SHIPDESK_WEBHOOK_ALLOW: {e}"))?;
        }
        if let Some(v) = get("SHIPDESK_COMPAT_PREFIX") {
            core.compat_prefix = compat_prefix(&v)?;
        }
        core.tracking = tracking(&get, dev)?;
        // A benchmark's comparison only: the catalogue from the database per search.
        core.pricing_from_db = match get("SHIPDESK_PRICING_FROM_DB").as_deref() {
            None | Some("0") => false,
            Some("1") => true,
            Some(_) => return Err("SHIPDESK_PRICING_FROM_DB must be 0 or 1".into()),
        };
        Ok(Settings {
            database_url,
            data_dir,
            core,
            sms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_vars(|k| map.get(k).cloned())
    }

    const PROD: &[(&str, &str)] = &[
        ("SHIPDESK_ENV", "production"),
        ("SHIPDESK_SECRET", "0123456789abcdef0123456789abcdef"),
        ("SHIPDESK_SMS_URL", "https://sms.example.com/send"),
        ("SHIPDESK_SMS_KEY", "provider-key-0123456789"),
    ];

    #[test]
    fn an_unknown_environment_name_refuses_to_start() {
        let e = settings(&[("SHIPDESK_ENV", "prod")]).unwrap_err();
        assert!(e.contains("SHIPDESK_ENV"), "{e}");
    }

    #[test]
    fn unset_environment_is_dev_only_on_loopback() {
        assert!(settings(&[]).unwrap().core.dev_mode);
        assert!(
            settings(&[("LEPTOS_SITE_ADDR", "[::1]:3000")])
                .unwrap()
                .core
                .dev_mode
        );
        let e = settings(&[("LEPTOS_SITE_ADDR", "0.0.0.0:3000")]).unwrap_err();
        assert!(e.contains("SHIPDESK_ENV"), "{e}");
        let explicit = settings(&[
            ("LEPTOS_SITE_ADDR", "0.0.0.0:3000"),
            ("SHIPDESK_ENV", "dev"),
        ]);
        assert!(explicit.unwrap().core.dev_mode);
    }

    #[test]
    fn production_needs_a_secret_and_an_sms_provider() {
        let ok = settings(PROD).unwrap();
        assert!(!ok.core.dev_mode);
        assert!(ok.sms.is_some());
        let no_sms: Vec<_> = PROD
            .iter()
            .copied()
            .filter(|(k, _)| !k.starts_with("SHIPDESK_SMS"))
            .collect();
        assert!(settings(&no_sms).unwrap_err().contains("SMS"));
        let no_secret: Vec<_> = PROD
            .iter()
            .copied()
            .filter(|(k, _)| *k != "SHIPDESK_SECRET")
            .collect();
        assert!(settings(&no_secret)
            .unwrap_err()
            .contains("SHIPDESK_SECRET"));
    }

    #[test]
    fn production_texts_codes_only_over_https_or_to_this_machine() {
        let with_url = |url: &'static str| -> Vec<(&str, &str)> {
            PROD.iter()
                .copied()
                .map(|(k, v)| {
                    if k == "SHIPDESK_SMS_URL" {
                        (k, url)
                    } else {
                        (k, v)
                    }
                })
                .collect()
        };
        let e = settings(&with_url("http://sms.example.com/send")).unwrap_err();
        assert!(e.starts_with("SHIPDESK_SMS_URL"), "{e}");
        assert!(settings(&with_url("http://127.0.0.1:8080/send")).is_ok());
        assert!(settings(&with_url("http://[::1]:8080/send")).is_ok());
        assert!(settings(&with_url("http://localhost/send")).is_ok());
    }

    #[test]
    fn zero_negative_and_garbled_numbers_name_their_variable() {
        for v in ["0", "-5", "ten"] {
            let e = settings(&[("SHIPDESK_SESSION_IDLE_SECS", v)]).unwrap_err();
            assert!(e.starts_with("SHIPDESK_SESSION_IDLE_SECS"), "{e}");
        }
        let e = settings(&[("SHIPDESK_PRESENCE_GRACE_SECS", "0")]).unwrap_err();
        assert!(e.starts_with("SHIPDESK_PRESENCE_GRACE_SECS"), "{e}");
    }

    #[test]
    fn the_compat_prefix_is_a_clean_path() {
        assert_eq!(settings(&[]).unwrap().core.compat_prefix, "");
        let s = settings(&[("SHIPDESK_COMPAT_PREFIX", "/legacy/")]).unwrap();
        assert_eq!(s.core.compat_prefix, "/legacy");
        for bad in ["legacy", "/a//b", "/a b", "/a?x"] {
            let e = settings(&[("SHIPDESK_COMPAT_PREFIX", bad)]).unwrap_err();
            assert!(e.starts_with("SHIPDESK_COMPAT_PREFIX"), "{e}");
        }
    }

    const KUAIDI100_ACCOUNT: &[(&str, &str)] = &[
        ("SHIPDESK_KUAIDI100_CUSTOMER", "CUST123"),
        ("SHIPDESK_KUAIDI100_KEY", "key-0123456789"),
        (
            "SHIPDESK_KUAIDI100_CALLBACK_URL",
            "https://desk.example.com/tracking/kuaidi100/push",
        ),
        ("SHIPDESK_KUAIDI100_SALT", "salt-0123456789"),
    ];

    #[test]
    fn a_kuaidi100_account_is_all_four_settings_or_none() {
        assert!(settings(&[]).unwrap().core.tracking.kuaidi100.is_none());
        let k = settings(KUAIDI100_ACCOUNT)
            .unwrap()
            .core
            .tracking
            .kuaidi100
            .unwrap();
        assert_eq!(k.customer, "CUST123");
        assert_eq!(k.base_url, "https://poll.kuaidi100.com");
        for missing in KUAIDI100 {
            let partial: Vec<_> = KUAIDI100_ACCOUNT
                .iter()
                .copied()
                .filter(|(n, _)| *n != missing)
                .collect();
            let e = settings(&partial).unwrap_err();
            assert!(e.starts_with(missing), "{e}");
        }
        let mut short = KUAIDI100_ACCOUNT.to_vec();
        short[3].1 = "salt";
        assert!(settings(&short)
            .unwrap_err()
            .starts_with("SHIPDESK_KUAIDI100_SALT"));
        let mut local = KUAIDI100_ACCOUNT.to_vec();
        local.push(("SHIPDESK_KUAIDI100_BASE_URL", "http://127.0.0.1:9100/"));
        let k = settings(&local).unwrap().core.tracking.kuaidi100.unwrap();
        assert_eq!(k.base_url, "http://127.0.0.1:9100");
        let e = settings(&[("SHIPDESK_KUAIDI100_BASE_URL", "http://127.0.0.1:9100")]).unwrap_err();
        assert!(e.starts_with("SHIPDESK_KUAIDI100_BASE_URL"), "{e}");
    }

    #[test]
    fn production_pushes_over_https_and_never_makes_up_events() {
        let mut prod: Vec<_> = PROD.to_vec();
        prod.extend(KUAIDI100_ACCOUNT);
        assert!(settings(&prod).unwrap().core.tracking.kuaidi100.is_some());
        let mut plain = prod.clone();
        plain.retain(|(n, _)| *n != "SHIPDESK_KUAIDI100_CALLBACK_URL");
        plain.push((
            "SHIPDESK_KUAIDI100_CALLBACK_URL",
            "http://desk.example.com/push",
        ));
        assert!(settings(&plain)
            .unwrap_err()
            .starts_with("SHIPDESK_KUAIDI100_CALLBACK_URL"));
        let mut demo: Vec<_> = PROD.to_vec();
        demo.push(("SHIPDESK_TRACKING_DEMO", "1"));
        assert!(settings(&demo).unwrap_err().contains("production"));
        assert!(
            settings(&[("SHIPDESK_TRACKING_DEMO", "1")])
                .unwrap()
                .core
                .tracking
                .demo
        );
        let mut both = KUAIDI100_ACCOUNT.to_vec();
        both.push(("SHIPDESK_TRACKING_DEMO", "1"));
        assert!(settings(&both).unwrap_err().contains("choose one"));
        assert!(settings(&[("SHIPDESK_TRACKING_DEMO", "yes")]).is_err());
    }

    #[test]
    fn proxies_and_public_origin_are_validated() {
        let s = settings(&[
            ("SHIPDESK_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1"),
            ("SHIPDESK_PUBLIC_ORIGIN", "https://desk.example.com/"),
        ])
        .unwrap();
        assert_eq!(s.core.trusted_proxies.len(), 2);
        assert_eq!(
            s.core.public_origin.as_deref(),
            Some("https://desk.example.com")
        );
        assert!(settings(&[("SHIPDESK_TRUSTED_PROXIES", "proxy")]).is_err());
        assert!(settings(&[("SHIPDESK_PUBLIC_ORIGIN", "desk.example.com")]).is_err());
        assert!(settings(&[("SHIPDESK_PUBLIC_ORIGIN", "https://desk.example.com/app")]).is_err());
    }
}
