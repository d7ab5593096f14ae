//! `shipdesk-site pkg`: turns the compiled front-end wasm into the site's
//! `pkg` directory (what `scripts/site.sh` calls after the cargo builds).
//!
//! 1. splits the wasm at its lazy routes (`#[lazy_route]`, `#[lazy]`), so a
//!    page downloads only the code of its section;
//! 2. generates the JS glue with wasm-bindgen (the library the CLI wraps);
//! 3. with `--optimize`, runs binaryen's `wasm-opt -Oz` on every module;
//! 4. names the directory after a hash of its content (`pkg/<hash>/`, written
//!    to `pkg.current` for the server), so every file can be cached forever;
//! 5. writes a brotli and a gzip copy of every file next to it.
//!
//! Output names follow cargo-leptos (`shipdesk.js`, `shipdesk.wasm`,
//! `__wasm_split.______________________.js`, `__wasm_split_manifest.json`),
//! so `cargo leptos watch` keeps working with the same server.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const OUTPUT_NAME: &str = "shipdesk";
const SPLIT_LINK: &str = "./__wasm_split.______________________.js";
const MANIFEST: &str = "__wasm_split_manifest.json";

type Result<T> = std::result::Result<T, String>;

struct Args {
    wasm: PathBuf,
    site: PathBuf,
    css: Option<PathBuf>,
    optimize: bool,
}

fn usage() -> String {
    "usage: shipdesk-site pkg --wasm <front.wasm> --site <site root> [--css <file>] [--optimize]"
        .into()
}

fn parse_args() -> Result<Args> {
    let mut it = std::env::args().skip(1);
    if it.next().as_deref() != Some("pkg") {
        return Err(usage());
    }
    let (mut wasm, mut site, mut css, mut optimize) = (None, None, None, false);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--wasm" => wasm = it.next().map(PathBuf::from),
            "--site" => site = it.next().map(PathBuf::from),
            "--css" => css = it.next().map(PathBuf::from),
            "--optimize" => optimize = true,
            _ => return Err(format!("unknown argument `{a}`\n{}", usage())),
        }
    }
    Ok(Args {
        wasm: wasm.ok_or_else(usage)?,
        site: site.ok_or_else(usage)?,
        css,
        optimize,
    })
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shipdesk-site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn err<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> String + '_ {
    move |e| format!("{what}: {e}")
}

fn run(args: &Args) -> Result<()> {
    let pkg_root = args.site.join("pkg");
    let staging = pkg_root.join(".staging");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(err("clearing the staging directory"))?;
    }
    std::fs::create_dir_all(&staging).map_err(err("creating the staging directory"))?;

    let t = Instant::now();
    let input = std::fs::read(&args.wasm).map_err(err("reading the wasm"))?;
    let main_split = staging.join(format!("{OUTPUT_NAME}_split.wasm"));
    let main_module = format!("./{OUTPUT_NAME}.js");
    let split = wasm_split_cli_support::transform({
        let mut o = wasm_split_cli_support::Options::new(&input);
        o.output_dir = &staging;
        o.main_out_path = &main_split;
        o.main_module = &main_module;
        o.link_name = SPLIT_LINK;
        o
    })
    .map_err(|e| format!("splitting the wasm (is it linked with --emit-relocs?): {e:?}"))?;
    drop(input);
    let manifest =
        serde_json::to_string_pretty(&split.prefetch_map).map_err(err("the split manifest"))?;
    std::fs::write(staging.join(MANIFEST), manifest).map_err(err("writing the manifest"))?;
    say(&format!(
        "split into the main module and {} lazy chunks in {:.1?}",
        split.split_modules.len(),
        t.elapsed()
    ));

    let t = Instant::now();
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&main_split)
        .out_name(OUTPUT_NAME)
        .web(true)
        .map_err(err("wasm-bindgen"))?
        .typescript(false)
        .keep_lld_exports(true)
        .demangle(false)
        .generate(&staging)
        .map_err(|e| format!("wasm-bindgen: {e:?}"))?;
    std::fs::remove_file(&main_split).map_err(err("removing the split input"))?;
    let main_wasm = staging.join(format!("{OUTPUT_NAME}.wasm"));
    std::fs::rename(staging.join(format!("{OUTPUT_NAME}_bg.wasm")), &main_wasm)
        .map_err(err("renaming the wasm"))?;
    say(&format!("wasm-bindgen in {:.1?}", t.elapsed()));

    if args.optimize {
        let t = Instant::now();
        let mut modules = vec![main_wasm.clone()];
        modules.extend(split.split_modules.iter().cloned());
        optimize(&modules)?;
        say(&format!(
            "wasm-opt -Oz on {} modules in {:.1?}",
            modules.len(),
            t.elapsed()
        ));
    }
    if let Some(css) = &args.css {
        std::fs::copy(css, staging.join(format!("{OUTPUT_NAME}.css")))
            .map_err(err("copying the stylesheet"))?;
    }

    let hash = content_hash(&staging)?;
    let dest = pkg_root.join(&hash);
    // The build being served stays beside the new one: a page loaded from
    // it still fetches its lazy chunks until the server restarts. Older ones go.
    let previous = std::fs::read_to_string(args.site.join("pkg.current"))
        .ok()
        .map(|p| args.site.join(p.trim()))
        .filter(|p| *p != dest);
    for entry in std::fs::read_dir(&pkg_root).map_err(err("listing pkg"))? {
        let path = entry.map_err(err("listing pkg"))?.path();
        if path != staging && Some(&path) != previous.as_ref() {
            remove(&path)?;
        }
    }
    std::fs::rename(&staging, &dest).map_err(err("moving the build into place"))?;

    let t = Instant::now();
    let sizes = compress_all(&dest, args.optimize)?;
    say(&format!("compressed in {:.1?}", t.elapsed()));
    std::fs::write(args.site.join("pkg.current"), format!("pkg/{hash}\n"))
        .map_err(err("writing pkg.current"))?;
    report(&sizes, &split.prefetch_map);
    say(&format!("site ready: {}", dest.display()));
    Ok(())
}

fn say(s: &str) {
    println!("\x1b[1;34m[site]\x1b[0m {s}");
}

fn remove(path: &Path) -> Result<()> {
    let r = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    r.map_err(err("removing an old build"))
}

/// `wasm-opt -Oz` with npm's binaryen (Debian's is too old and breaks the
/// module silently), through `optimize.mjs`: binaryen loads once per Node
/// process, not once per module. One process per core, modules dealt out
/// largest first.
fn optimize(modules: &[PathBuf]) -> Result<()> {
    let mut queue: Vec<(u64, PathBuf)> = modules
        .iter()
        .map(|m| (std::fs::metadata(m).map_or(0, |md| md.len()), m.clone()))
        .collect();
    queue.sort_by(|a, b| b.cmp(a));
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut shares: Vec<Vec<PathBuf>> = vec![vec![]; workers];
    let mut load = vec![0u64; workers];
    for (size, m) in queue {
        let least = (0..workers).min_by_key(|&i| load[i]).unwrap_or(0);
        load[least] += size;
        shares[least].push(m);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("optimize.mjs");
    let children: Vec<_> = shares
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|share| {
            Command::new("node")
                .arg(&script)
                .args(&share)
                .spawn()
                .map_err(|e| format!("running node (for wasm-opt): {e}"))
        })
        .collect::<Result<_>>()?;
    for mut child in children {
        let status = child.wait().map_err(|e| format!("waiting for node: {e}"))?;
        if !status.success() {
            return Err(format!("optimising the wasm failed ({status})"));
        }
    }
    Ok(())
}

fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(err("listing the build"))? {
            let p = entry.map_err(err("listing the build"))?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// 16 hex digits of a SHA-256 over every file's relative name and bytes.
fn content_hash(dir: &Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for f in files(dir)? {
        let rel = f.strip_prefix(dir).unwrap_or(&f);
        h.update(rel.to_string_lossy().as_bytes());
        h.update([0]);
        h.update(std::fs::read(&f).map_err(err("hashing the build"))?);
    }
    let digest = h.finalize();
    Ok(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
}

struct Sizes {
    raw: u64,
    br: u64,
    gz: u64,
}

/// Writes `<file>.br` and `<file>.gz` for every file, in parallel.
fn compress_all(dir: &Path, best: bool) -> Result<BTreeMap<String, Sizes>> {
    let quality = if best { 11 } else { 5 };
    let handles: Vec<_> = files(dir)?
        .into_iter()
        .map(|f| {
            let name = f
                .strip_prefix(dir)
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            std::thread::spawn(move || compress(&f, quality).map(|s| (name, s)))
        })
        .collect();
    let mut out = BTreeMap::new();
    for h in handles {
        let (name, s) = h
            .join()
            .map_err(|_| "compression thread panicked".to_string())??;
        out.insert(name, s);
    }
    Ok(out)
}

fn compress(file: &Path, quality: u32) -> Result<Sizes> {
    let data = std::fs::read(file).map_err(err("reading for compression"))?;
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 64 * 1024, quality, 22);
        w.write_all(&data).map_err(err("brotli"))?;
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&data).map_err(err("gzip"))?;
    let gz = gz.finish().map_err(err("gzip"))?;
    let with = |ext: &str| {
        let mut p = file.as_os_str().to_owned();
        p.push(ext);
        PathBuf::from(p)
    };
    std::fs::write(with(".br"), &br).map_err(err("writing .br"))?;
    std::fs::write(with(".gz"), &gz).map_err(err("writing .gz"))?;
    Ok(Sizes {
        raw: data.len() as u64,
        br: br.len() as u64,
        gz: gz.len() as u64,
    })
}

/// Prints every file's sizes, what every page fetches (the main module, its
/// glue, the split loader and the stylesheet), and on top of that what the
/// first load of each lazy route fetches (its chunks and the shared ones).
fn report(
    sizes: &BTreeMap<String, Sizes>,
    prefetch: &std::collections::HashMap<String, Vec<String>>,
) {
    let kb = |n: u64| format!("{:.1} KB", n as f64 / 1024.0);
    let mut first = Sizes {
        raw: 0,
        br: 0,
        gz: 0,
    };
    for (name, s) in sizes {
        println!(
            "  {name:<48} {:>10} raw {:>10} br {:>10} gz",
            kb(s.raw),
            kb(s.br),
            kb(s.gz)
        );
        let on_first_load = name == &format!("{OUTPUT_NAME}.js")
            || name == &format!("{OUTPUT_NAME}.wasm")
            || name == &format!("{OUTPUT_NAME}.css")
            || name.starts_with("__wasm_split.");
        if on_first_load {
            first.raw += s.raw;
            first.br += s.br;
            first.gz += s.gz;
        }
    }
    println!(
        "  every page (main wasm + js + split loader + css): {} raw, {} brotli, {} gzip",
        kb(first.raw),
        kb(first.br),
        kb(first.gz)
    );
    let mut routes: Vec<(u64, u64, &String, usize)> = prefetch
        .iter()
        .map(|(route, deps)| {
            let (raw, br) = deps.iter().fold((first.raw, first.br), |(r, b), d| {
                let s = sizes.get(&format!("{d}.wasm"));
                (r + s.map_or(0, |s| s.raw), b + s.map_or(0, |s| s.br))
            });
            (br, raw, route, deps.len())
        })
        .collect();
    routes.sort_by(|a, b| b.cmp(a));
    println!("  first load of each lazy route (brotli, largest first):");
    for (br, raw, route, n) in routes {
        let name = route
            .trim_start_matches("__")
            .split("_route_view")
            .next()
            .unwrap_or(route);
        println!(
            "    {name:<20} {:>10} ({} raw, {n} chunks)",
            kb(br),
            kb(raw)
        );
    }
}
