//! Asking before an action that cannot be undone (issue 17, item 3): one
//! question, shown two ways from one template. On the page it is a closed
//! native `<dialog>` (`templates/ask.html`) that app.js opens from a link
//! marked `data-ask`; the link's own address is the same question as a page
//! of its own (`AskPage`), which is how it works without JavaScript. Either
//! way the action is a POST from a form inside the question.

use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;

/// The question: what will happen, the button that does it, and where
/// "cancel" goes back to.
pub struct Ask {
    /// The dialog's id; the link names it in `data-ask`.
    pub id: &'static str,
    pub title: String,
    pub text: String,
    /// Where the confirming form posts.
    pub action: String,
    pub confirm: String,
    /// Where the page without JavaScript goes back to.
    pub back: String,
}

/// The question as a page of its own (no JavaScript).
#[derive(Template, WebTemplate)]
#[template(path = "ask_page.html")]
pub struct AskPage {
    pub page: Page,
    pub ask: Ask,
}
