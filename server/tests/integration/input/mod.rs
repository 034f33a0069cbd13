//! What the server reads from a request body (issue 16): only forms of the
//! kind our pages send, with the hidden `csrf` field that marks a whole
//! form; text that is UTF-8 and free of hidden characters, on forms and on
//! the live sessions' WebSocket. Anything else is refused in Danish and
//! changes nothing.

mod bytes;
mod content_type;
mod incomplete;

use crate::support::TestClient;

/// The Danish error page's message for a body that is not a form.
pub const NOT_A_FORM: &str = "Det sendte var ikke en formular fra siden";
/// The Danish message for bytes that are not UTF-8.
pub const UNREADABLE: &str = "Formularen indeholdt tegn, der ikke kunne læses";
/// The Danish message for hidden characters such as NUL.
pub const HIDDEN: &str = "Teksten indeholder usynlige kontroltegn";

/// POSTs `body` as it is, with `content_type` and the session's valid
/// token in the `X-CSRF-Token` header, as a script would.
pub async fn post_with_header(client: &TestClient, path: &str, content_type: &str, body: Vec<u8>) -> reqwest::Response {
    let token = client.csrf().await;
    client
        .http
        .post(format!("{}{}", client.base, path))
        .header("content-type", content_type)
        .header("x-csrf-token", token)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// A multipart body with the token in its own `csrf` field, as a form with
/// `enctype="multipart/form-data"` would send it.
pub async fn post_multipart(client: &TestClient, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let token = client.csrf().await;
    let mut form = reqwest::multipart::Form::new().text("csrf", token.clone());
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    client.http.post(format!("{}{}", client.base, path)).header("x-csrf-token", token).multipart(form).send().await.unwrap()
}

/// A urlencoded body given as raw bytes (the token is added, encoded).
pub async fn post_bytes(client: &TestClient, path: &str, body: &[u8]) -> reqwest::Response {
    let token = client.csrf().await;
    let mut all = format!("csrf={token}&").into_bytes();
    all.extend_from_slice(body);
    client
        .http
        .post(format!("{}{}", client.base, path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(all)
        .send()
        .await
        .unwrap()
}
