//! `pricingseed`: the quote benchmark's catalogue in the server's database
//! (DATABASE_URL): the engine bench's 500 channels × 20 zones × 10 breaks
//! (100,000 price rows, `benches/support`), priced from today for a year,
//! with ONT8 served by one channel in 25 (20 plans a search, as a real
//! catalogue gives; the engine bench prices all 500). Refuses a database
//! that has channels already.

use shipdesk::pricing::{service, DateRange};
use shipdesk::state::{AppState, Config};

#[path = "../../../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

#[tokio::main]
async fn main() -> Result<(), String> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/shipdesk.db".into());
    let db = shipdesk::db::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    shipdesk::db::migrate(&db)
        .await
        .map_err(|e| e.to_string())?;
    if shipdesk::pricing::repo::channel::count(&db)
        .await
        .map_err(|e| e.to_string())?
        > 0
    {
        return Err("the database has channels already".into());
    }
    let state = AppState::new(db, Config::default());
    let today = service::today(&state);
    let mut channels = support::channels(500, 20, 10);
    for (c, ch) in channels.iter_mut().enumerate() {
        ch.validity = DateRange {
            from: today.add_days(-30),
            to: today.add_days(365),
        };
        ch.special = ch.special.map(|_| DateRange {
            from: today.add_days(-3),
            to: today.add_days(30),
        });
        if c % 25 != 0 {
            for code in &mut ch.zones[0].fba_codes {
                if code == "ONT8" {
                    *code = "ONT9".into();
                }
            }
        }
    }
    let rows: usize = (channels.iter())
        .flat_map(|c| &c.zones)
        .map(|z| z.rates.len())
        .sum();
    let n = service::load_channels(&state, &channels)
        .await
        .map_err(|e| e.to_string())?;
    println!("{n} channels, {rows} price rows");
    Ok(())
}
