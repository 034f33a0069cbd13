//! Who is asking: passwords, login sessions, one-time links, CSRF, rate
//! limits, and the extractors that prove a check passed (`Member`, `OrgAdmin`).

pub mod client;
pub mod csrf;
pub mod extract;
pub mod known_browser;
pub mod password;
pub mod rate_limit;
pub mod reset_mail;
pub mod session;
pub mod tokens;

pub use extract::{Member, OrgAdmin, Viewer};
