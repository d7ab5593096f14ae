//! Pure rules of attachment files: what a file is (from its first bytes),
//! the name it is shown and served under, and how it is served.

use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// How many first bytes of an upload decide its type.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// What a file is, from its first bytes (`head`, up to [`SNIFF_BYTES`]) and
/// its name. Images by their signature; PDF; Office files and zips (a zip
/// signature and a matching extension); plain text and CSV (UTF-8 without
/// NUL bytes, the head possibly cut inside a character).
pub fn sniff(name: &str, head: &[u8]) -> AppResult<&'static str> {
    let ext = extension(name).to_ascii_lowercase();
    let refused = || AppError::validation("file", ErrorKey::AttachmentTypeRefused);
    let mime = if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        "image/gif"
    } else if head.len() > 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        "image/webp"
    } else if head.starts_with(b"%PDF-") {
        "application/pdf"
    } else if head.starts_with(b"PK\x03\x04") {
        match ext.as_str() {
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "zip" => "application/zip",
            _ => return Err(refused()),
        }
    } else if matches!(ext.as_str(), "txt" | "csv") && !head.contains(&0) && utf8_prefix(head) {
        if ext == "csv" {
            "text/csv"
        } else {
            "text/plain"
        }
    } else {
        return Err(refused());
    };
    Ok(mime)
}

/// Is `b` UTF-8, but for a character cut off at its end?
fn utf8_prefix(b: &[u8]) -> bool {
    match std::str::from_utf8(b) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

pub fn is_image(mime: &str) -> bool {
    mime.starts_with("image/")
}

/// The extensions a type is served under; the first is the one given to a
/// name without one of them.
fn extensions_of(mime: &str) -> &'static [&'static str] {
    // Parameters (`; charset=utf-8`) do not change the type.
    let mime = mime.split(';').next().unwrap_or("").trim();
    match mime {
        "image/png" => &["png"],
        "image/jpeg" => &["jpg", "jpeg"],
        "image/gif" => &["gif"],
        "image/webp" => &["webp"],
        "application/pdf" => &["pdf"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => &["xlsx"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => &["docx"],
        "application/zip" => &["zip"],
        "text/csv" => &["csv"],
        "text/plain" => &["txt"],
        _ => &["bin"],
    }
}

fn extension(name: &str) -> &str {
    name.rsplit_once('.').map(|(_, e)| e).unwrap_or("")
}

/// Unicode format characters (general category Cf): bidi overrides and
/// isolates, zero-width characters, soft hyphens, tags. In a file name they
/// make `invoice<U+202E>fdp.exe` look like `invoiceexe.pdf`.
pub fn is_format_char(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}'
        | '\u{890}'..='\u{891}' | '\u{8E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// A file name kept for display: the last path part, without format
/// characters, at most 100 characters. Control characters are refused.
pub fn clean_name(name: &str) -> AppResult<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let base: String = base.chars().filter(|c| !is_format_char(*c)).collect();
    let base = base.trim();
    if base.is_empty() || base.chars().any(char::is_control) {
        return Err(AppError::validation(
            "name",
            ErrorKey::AttachmentNameInvalid,
        ));
    }
    Ok(base.chars().take(100).collect())
}

/// The name a file of type `mime` is shown and served under: `name` cleaned
/// of format characters, with an extension of its type (the uploader's when
/// it is one of them, else the type's own: `x.hta` holding a PDF is `x.pdf`).
pub fn served_name(name: &str, mime: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !is_format_char(*c) && !c.is_control())
        .collect();
    let clean = clean.trim();
    let exts = extensions_of(mime);
    let ext = extension(clean);
    if exts.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
        return clean.to_owned();
    }
    let stem = match clean.rsplit_once('.') {
        Some((stem, _)) => stem,
        None => clean,
    };
    let stem = stem.trim_end_matches(['.', ' ']);
    let stem = if stem.is_empty() { "file" } else { stem };
    format!("{stem}.{}", exts[0])
}

/// The `Content-Disposition` of a served file: images inline, everything
/// else as a download, under [`served_name`] (RFC 6266: an ASCII fallback
/// and the UTF-8 name percent-encoded, so Chinese names survive).
pub fn content_disposition(name: &str, mime: &str) -> String {
    let served = served_name(name, mime);
    let encoded: String = served
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let how = if is_image(mime) {
        "inline"
    } else {
        "attachment"
    };
    let fallback = format!("file.{}", extensions_of(mime)[0]);
    format!("{how}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes_not_the_name() {
        assert_eq!(
            sniff("a.png", b"\x89PNG\r\n\x1a\nrest").unwrap(),
            "image/png"
        );
        assert_eq!(
            sniff("photo.txt", &[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(),
            "image/jpeg"
        );
        assert_eq!(sniff("bill.pdf", b"%PDF-1.7").unwrap(), "application/pdf");
        assert!(sniff("list.xlsx", b"PK\x03\x04xx")
            .unwrap()
            .contains("spreadsheet"));
        assert_eq!(
            sniff("a.csv", "单号,件数\nSD1,3".as_bytes()).unwrap(),
            "text/csv"
        );
        // A head cut inside a character is still text.
        assert_eq!(
            sniff("a.txt", &"单号".as_bytes()[..4]).unwrap(),
            "text/plain"
        );
        for (name, bytes) in [
            ("evil.exe", &b"MZ\x90\x00"[..]),
            ("page.html", b"<html>"),
            ("x.png", b"<svg onload=alert(1)>"),
            ("macro.docm", b"PK\x03\x04"),
            ("bin.txt", b"a\x00b"),
            ("bad.txt", b"\xff\xfe"),
        ] {
            assert_eq!(
                sniff(name, bytes).unwrap_err().key(),
                "attachment.type_refused",
                "{name}"
            );
        }
    }

    #[test]
    fn names_keep_only_their_last_part_without_format_characters() {
        assert_eq!(clean_name("C:\\Users\\me\\发票.pdf").unwrap(), "发票.pdf");
        assert_eq!(clean_name("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(
            clean_name("invoice\u{202E}fdp.exe").unwrap(),
            "invoicefdp.exe"
        );
        assert_eq!(
            clean_name("a\u{200B}\u{2066}b.png\u{2069}").unwrap(),
            "ab.png"
        );
        assert!(clean_name(" ").is_err());
        assert!(clean_name("\u{202E}").is_err());
        assert!(clean_name("a\nb.png").is_err());
    }

    #[test]
    fn served_names_take_their_extension_from_the_type() {
        let pdf = "application/pdf";
        assert_eq!(served_name("x.hta", pdf), "x.pdf");
        assert_eq!(served_name("报关单.PDF", pdf), "报关单.PDF");
        assert_eq!(served_name("scan", pdf), "scan.pdf");
        assert_eq!(served_name("a.pdf.exe", pdf), "a.pdf.pdf");
        assert_eq!(served_name(".hta", pdf), "file.pdf");
        assert_eq!(served_name("photo.jpeg", "image/jpeg"), "photo.jpeg");
        assert_eq!(served_name("photo.txt", "image/jpeg"), "photo.jpg");
        assert_eq!(served_name("invoice\u{202E}fdp.exe", pdf), "invoicefdp.pdf");
        let csv = "text/csv; charset=utf-8";
        assert_eq!(served_name("订单导出.csv", csv), "订单导出.csv");
        assert!(content_disposition("订单导出.csv", csv)
            .starts_with("attachment; filename=\"file.csv\""));
    }

    #[test]
    fn files_download_and_images_show_under_their_served_name() {
        assert_eq!(
            content_disposition("x.hta", "application/pdf"),
            "attachment; filename=\"file.pdf\"; filename*=UTF-8''x.pdf"
        );
        assert_eq!(
            content_disposition("图.png", "image/png"),
            "inline; filename=\"file.png\"; filename*=UTF-8''%E5%9B%BE.png"
        );
        assert_eq!(
            content_disposition("a\u{202E}gnp.hta", "image/png"),
            "inline; filename=\"file.png\"; filename*=UTF-8''agnp.png"
        );
    }
}
