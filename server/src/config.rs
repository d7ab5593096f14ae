//! Configuration from the environment (all listed in the README).

use std::path::PathBuf;

use shipdesk::state::Config;

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub core: Config,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Settings {
    pub fn from_env() -> Result<Settings, String> {
        let data_dir = PathBuf::from(env("SHIPDESK_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = env("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("shipdesk.db").display()));
        let production = env("SHIPDESK_ENV").as_deref() == Some("production");
        let mut core = Config {
            dev_mode: !production,
            upload_dir: env("SHIPDESK_UPLOAD_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("uploads")),
            ..Config::default()
        };
        if let Some(v) = env("SHIPDESK_UPLOAD_MAX_BYTES") {
            core.upload_max_bytes = v
                .parse()
                .map_err(|_| "SHIPDESK_UPLOAD_MAX_BYTES: not a number")?;
        }
        match env("SHIPDESK_SECRET") {
            Some(s) if s.len() >= 32 => core.otp_secret = s.into_bytes(),
            Some(_) => return Err("SHIPDESK_SECRET must be at least 32 characters".into()),
            None if production => {
                return Err("SHIPDESK_SECRET is required when SHIPDESK_ENV=production".into())
            }
            None => {}
        }
        if let Some(v) = env("SHIPDESK_SESSION_IDLE_SECS") {
            core.session_idle_secs = v
                .parse()
                .map_err(|_| "SHIPDESK_SESSION_IDLE_SECS: not a number")?;
        }
        if let Some(v) = env("SHIPDESK_SESSION_ABSOLUTE_SECS") {
            core.session_absolute_secs = v
                .parse()
                .map_err(|_| "SHIPDESK_SESSION_ABSOLUTE_SECS: not a number")?;
        }
        if let Some(v) = env("SHIPDESK_PRESENCE_GRACE_SECS") {
            core.presence_grace_secs = v
                .parse()
                .map_err(|_| "SHIPDESK_PRESENCE_GRACE_SECS: not a number")?;
        }
        // Webhook targets allowed although not public (comma-separated).
        if let Some(v) = env("SHIPDESK_WEBHOOK_ALLOW") {
            core.webhook_allow = shipdesk::webhook::target::AllowList::parse(&v)
                .map_err(|e| format!("SHIPDESK_WEBHOOK_ALLOW: {e}"))?;
        }
        Ok(Settings {
            database_url,
            data_dir,
            core,
        })
    }
}
