//! The built front end under `/pkg`: the current content-named directory
//! from `pkg.current`, precompressed copies chosen by `Accept-Encoding`, and
//! year-long caching only for content-named directories.

mod support;

use std::path::{Path, PathBuf};

use leptos::prelude::LeptosOptions;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};
use support::*;

/// A site root with one built file and its two compressed copies.
fn site(pkg_dir: &str, marker: Option<&str>) -> PathBuf {
    let root = std::env::temp_dir().join(format!("sdsite-{}", shipdesk::db::new_id()));
    let dir = root.join(pkg_dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("shipdesk.js"), "export const plain = 1;").unwrap();
    std::fs::write(dir.join("shipdesk.js.br"), "brotli bytes").unwrap();
    std::fs::write(dir.join("shipdesk.js.gz"), "gzip bytes").unwrap();
    if let Some(m) = marker {
        std::fs::write(root.join("pkg.current"), m).unwrap();
    }
    root
}

async fn serve_site(root: &Path) -> (TestApp, LeptosOptions) {
    let mut options = LeptosOptions::builder()
        .output_name("shipdesk")
        .site_root(root.to_string_lossy().into_owned())
        .build();
    shipdesk_server::current_pkg_dir(&mut options);
    let app = spawn_app_with_options(shipdesk::testing::test_state().await, options.clone()).await;
    (app, options)
}

#[tokio::test]
async fn the_current_build_is_served_precompressed_and_cached_for_a_year() {
    let root = site("pkg/0a1b2c3d4e5f6789", Some("pkg/0a1b2c3d4e5f6789\n"));
    let (app, options) = serve_site(&root).await;
    assert_eq!(options.site_pkg_dir.as_ref(), "pkg/0a1b2c3d4e5f6789");
    let url = format!("{}/pkg/0a1b2c3d4e5f6789/shipdesk.js", app.base);
    let c = bare_client();

    let br = c
        .get(&url)
        .header(ACCEPT_ENCODING, "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(br.status(), 200);
    assert_eq!(br.headers()[CONTENT_ENCODING], "br");
    assert!(br.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert_eq!(
        br.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(br.text().await.unwrap(), "brotli bytes");

    let gz = c
        .get(&url)
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
    assert_eq!(gz.text().await.unwrap(), "gzip bytes");

    let plain = c
        .get(&url)
        .header(ACCEPT_ENCODING, "identity")
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    assert_eq!(plain.text().await.unwrap(), "export const plain = 1;");

    // Pages link the stylesheet of the current build.
    let page = c
        .get(format!("{}/admin/login", app.base))
        .send()
        .await
        .unwrap();
    let html = page.text().await.unwrap();
    assert!(
        html.contains("/pkg/0a1b2c3d4e5f6789/shipdesk.css"),
        "{html}"
    );

    let missing = c
        .get(format!("{}/pkg/0a1b2c3d4e5f6789/nothing.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn a_plain_pkg_directory_is_revalidated_and_a_bad_marker_is_ignored() {
    let root = site("pkg", Some("../../etc\n"));
    let (app, options) = serve_site(&root).await;
    assert_eq!(options.site_pkg_dir.as_ref(), "pkg");
    let res = bare_client()
        .get(format!("{}/pkg/shipdesk.js", app.base))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CACHE_CONTROL], "no-cache");
    assert_eq!(res.headers()[CONTENT_ENCODING], "br");
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn the_icons_and_the_web_manifest_are_served_from_public() {
    let root = site("pkg", None);
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    for f in std::fs::read_dir(&public).unwrap() {
        let f = f.unwrap().path();
        if f.is_file() {
            std::fs::copy(&f, root.join(f.file_name().unwrap())).unwrap();
        }
    }
    let (app, _) = serve_site(&root).await;
    let c = bare_client();

    let ico = c
        .get(format!("{}/favicon.ico", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ico.status(), 200);
    let bytes = ico.bytes().await.unwrap();
    assert_eq!(&bytes[..4], &[0, 0, 1, 0], "an ICO header");

    let manifest: serde_json::Value = c
        .get(format!("{}/manifest.webmanifest", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(manifest["start_url"], "/h5");
    let icons = manifest["icons"].as_array().unwrap();
    assert!(icons.iter().any(|i| i["sizes"] == "512x512"));
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        let r = c.get(format!("{}{src}", app.base)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{src}");
        assert_eq!(r.headers()[CONTENT_TYPE], "image/png", "{src}");
    }
    let touch = c
        .get(format!("{}/apple-touch-icon.png", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(touch.status(), 200);
}
