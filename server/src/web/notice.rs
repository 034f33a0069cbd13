//! A notice after a redirect ("Aftalen er gemt."): the handler that redirects
//! names it in `?notice=key`, and the page shows the text of a key it knows.
//! Only known keys are shown, so a link cannot put words on the page.

use crate::web::Page;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct NoticeQuery {
    pub notice: Option<String>,
}

impl NoticeQuery {
    /// The text of `prefix` + the key, when the key is one of `known`.
    pub fn text(&self, page: &Page, prefix: &str, known: &[&str]) -> Option<String> {
        self.notice.as_deref().filter(|k| known.contains(k)).map(|k| page.t(&format!("{prefix}{k}")))
    }
}
