//! One test binary for the crate, so linking stays fast: each format reads
//! its file back with an independent reader.

mod docx;
mod ics;
mod support;
mod xlsx;
