//! `shipdesk`: serve (default), migrate, seed-demo, create-admin.

use leptos::prelude::*;

/// mimalloc: glibc malloc was a quarter of a signed-in page's CPU; with it
/// the list pages' ceilings rose by about half and the RSS after an overload
/// fell from 1.9 GB to 1.1 GB (`scripts/bench.sh`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use shipdesk::state::AppState;
use shipdesk_server::config::Settings;

const HELP: &str = "shipdesk — the Shipdesk logistics platform

USAGE: shipdesk [COMMAND] [--help]

COMMANDS:
  serve         migrate the database, then serve HTTP (default)
  migrate       run the database migrations and exit
  seed-demo     load demo data (staff of every role, customers) and print the accounts
  create-admin  create an admin, or reset one: --account NAME [--name NAME]; the password
                comes from SHIPDESK_ADMIN_PASSWORD or the first line of stdin

ENVIRONMENT: DATABASE_URL, SHIPDESK_DATA_DIR, LEPTOS_SITE_ADDR, LEPTOS_SITE_ROOT,
  SHIPDESK_ENV (dev|production), SHIPDESK_SECRET, SHIPDESK_SMS_URL, SHIPDESK_SMS_KEY,
  SHIPDESK_SMS_TEMPLATE, SHIPDESK_TRUSTED_PROXIES, SHIPDESK_PUBLIC_ORIGIN,
  SHIPDESK_SESSION_IDLE_SECS, SHIPDESK_SESSION_ABSOLUTE_SECS, SHIPDESK_UPLOAD_DIR,
  SHIPDESK_UPLOAD_MAX_BYTES, SHIPDESK_UPLOAD_DAILY_BYTES, SHIPDESK_PRESENCE_GRACE_SECS,
  SHIPDESK_WEBHOOK_ALLOW, SHIPDESK_COMPAT_PREFIX, SHIPDESK_KUAIDI100_CUSTOMER,
  SHIPDESK_KUAIDI100_KEY, SHIPDESK_KUAIDI100_CALLBACK_URL, SHIPDESK_KUAIDI100_SALT,
  SHIPDESK_KUAIDI100_BASE_URL, SHIPDESK_TRACKING_DEMO,
  SHIPDESK_ADMIN_PASSWORD (create-admin), RUST_LOG
  (see README.md)";

fn command_help(cmd: &str) -> &'static str {
    match cmd {
        "serve" => "shipdesk serve: migrate, then listen on LEPTOS_SITE_ADDR (default 127.0.0.1:3000)\nserving the site in LEPTOS_SITE_ROOT (default target/site).",
        "migrate" => "shipdesk migrate: run the migrations against DATABASE_URL (default sqlite://data/shipdesk.db) and exit.",
        "seed-demo" => "shipdesk seed-demo: migrate and load demo data; safe to run twice. Prints the demo accounts.\nRefused when SHIPDESK_ENV=production.",
        "create-admin" => "shipdesk create-admin --account NAME [--name NAME]\nCreates the admin, or makes an existing account admin with the new password.\nThe password is read from SHIPDESK_ADMIN_PASSWORD, else from the first line of stdin\n(never from the command line, where other users of the machine could see it):\n  echo 'a-long-password' | shipdesk create-admin --account root",
        _ => HELP,
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args
        .first()
        .filter(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| "serve".into());
    if args.iter().any(|a| a == "--help" || a == "-h") || cmd == "help" {
        println!("{}", command_help(&cmd));
        return;
    }
    if let Err(e) = run(&cmd, &args).await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// The new admin's password: `SHIPDESK_ADMIN_PASSWORD`, else stdin's first line.
fn admin_password(args: &[String]) -> Result<String, String> {
    if args.iter().any(|a| a == "--password") {
        return Err(
            "--password is not accepted (the command line is visible to every user of \
             the machine): set SHIPDESK_ADMIN_PASSWORD or pipe it on stdin"
                .into(),
        );
    }
    if let Some(p) = std::env::var("SHIPDESK_ADMIN_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(p);
    }
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        eprint!("password for the admin (shown as typed): ");
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("reading the password from stdin: {e}"))?;
    let pw = line.trim_end_matches(['\r', '\n']).to_owned();
    if pw.is_empty() {
        return Err("no password: set SHIPDESK_ADMIN_PASSWORD or pipe it on stdin".into());
    }
    Ok(pw)
}

async fn run(cmd: &str, args: &[String]) -> Result<(), String> {
    let settings = Settings::from_env()?;
    let db = shipdesk::db::connect(&settings.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    shipdesk::db::migrate(&db)
        .await
        .map_err(|e| format!("migrations: {e}"))?;
    shipdesk::db::init_ids(&db)
        .await
        .map_err(|e| format!("id node: {e}"))?;
    let mut state = AppState::new(db, settings.core.clone());
    if let Some(sms) = &settings.sms {
        state.sms = std::sync::Arc::new(shipdesk::auth::sms::HttpSmsSender::new(
            &sms.url,
            &sms.key,
            &sms.template,
        )?);
    }
    let db = state.db.clone();
    let result = command(cmd, args, state).await;
    if let Err(e) = shipdesk::db::release_ids(&db).await {
        tracing::warn!(error = %e, "releasing the id node failed");
    }
    result
}

async fn command(cmd: &str, args: &[String], state: AppState) -> Result<(), String> {
    match cmd {
        "migrate" => {
            println!("migrations applied");
            Ok(())
        }
        "seed-demo" if !state.config.dev_mode => Err(
            "seed-demo is refused in production: it creates accounts with a known password".into(),
        ),
        "seed-demo" => {
            let lines = shipdesk::demo::seed(&state)
                .await
                .map_err(|e| format!("seeding: {e}"))?;
            println!("demo data loaded\n{}", lines.join("\n"));
            Ok(())
        }
        "create-admin" => {
            let account = flag(args, "--account").ok_or("--account is required")?;
            let password = admin_password(args)?;
            let name = flag(args, "--name").unwrap_or_else(|| "管理员".into());
            let s = shipdesk::auth::service::ensure_admin(&state, &account, &name, &password)
                .await
                .map_err(|e| format!("create-admin: {e}"))?;
            println!("admin ready: {}", s.account);
            Ok(())
        }
        "serve" => serve(state).await,
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    }
}

async fn serve(state: AppState) -> Result<(), String> {
    let conf = get_configuration(None).map_err(|e| format!("leptos configuration: {e}"))?;
    let mut options = conf.leptos_options;
    shipdesk_server::current_pkg_dir(&mut options);
    let addr = options.site_addr;
    if state.config.dev_mode {
        tracing::warn!(
            "DEV MODE on {addr}: SMS codes are shown on the login page and written to the log, \
             cookies are not Secure, the demo SMS sender delivers nothing. \
             Set SHIPDESK_ENV=production to serve real users."
        );
    }
    shipdesk_server::start_fan_out(&state).await?;
    let router = shipdesk_server::router(state.clone(), options);
    shipdesk_server::spawn_jobs(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("bind {addr}: {e}"))?;
    tracing::info!("listening on http://{addr}");
    shipdesk_server::serve(listener, router)
        .await
        .map_err(|e| e.to_string())
}
