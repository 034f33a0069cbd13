//! Makes sure the front-end packages (design system, htmx) are installed
//! before they are embedded, so `cargo run` and `cargo test` work on a fresh
//! clone with nothing but Rust and Node.js/npm.

use std::path::Path;
use std::process::Command;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("cargo:rerun-if-changed=../package-lock.json");
    // sqlx::migrate! embeds the migrations at compile time.
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=../node_modules/dkfds/package.json");
    if root.join("node_modules/dkfds/dist/css/dkfds.min.css").exists()
        && root.join("node_modules/htmx.org/dist/htmx.min.js").exists()
    {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root)
        .status()
        .expect("npm is needed to install the front-end packages (install Node.js with npm)");
    assert!(status.success(), "`npm ci` failed in {}", root.display());
}
