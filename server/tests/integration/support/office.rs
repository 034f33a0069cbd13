//! LibreOffice headless, to show that a document the product makes opens in
//! a real word processor: converted to PDF (must be a real PDF) and to plain
//! text (to read what the document says). Missing LibreOffice skips the
//! check, unless `LEDERTRIVSEL_TEST_REQUIRE_ALL=1`, then it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

fn soffice() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"].into_iter().map(PathBuf::from).find(|p| p.exists())
}

fn convert(binary: &Path, file: &Path, to: &str, out: &Path, profile: &Path) {
    let status = Command::new(binary)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("running LibreOffice");
    assert!(status.status.success(), "LibreOffice failed: {}", String::from_utf8_lossy(&status.stderr));
}

/// Opens `bytes` (a .docx) in LibreOffice; returns its text, or `None` when
/// LibreOffice is missing and not required.
pub fn open_docx(bytes: &[u8]) -> Option<String> {
    let Some(binary) = soffice() else {
        if std::env::var("LEDERTRIVSEL_TEST_REQUIRE_ALL").as_deref() == Ok("1") {
            panic!("LibreOffice (soffice) is missing and LEDERTRIVSEL_TEST_REQUIRE_ALL=1");
        }
        eprintln!("LibreOffice check not run: soffice is missing");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("document.docx");
    std::fs::write(&file, bytes).unwrap();
    let profile = dir.path().join("profile");
    convert(&binary, &file, "pdf", dir.path(), &profile);
    let pdf = std::fs::read(dir.path().join("document.pdf")).expect("LibreOffice wrote no PDF");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 5_000, "not a real PDF ({} bytes)", pdf.len());
    convert(&binary, &file, "txt:Text (encoded):UTF8", dir.path(), &profile);
    Some(std::fs::read_to_string(dir.path().join("document.txt")).expect("LibreOffice wrote no text"))
}
