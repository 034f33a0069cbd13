//! `/password/forgot` queues the mail instead of sending it inline, so the
//! answer (and its timing) does not depend on whether the address has an
//! account; the mail still arrives.

use crate::both_backends;
use crate::support::TestApp;

/// Waits up to five seconds for `n` mails to `to`.
pub async fn mails_arriving(app: &TestApp, to: &str, n: usize) -> Vec<(String, String)> {
    for _ in 0..100 {
        let mails = app.mails_to(to);
        if mails.len() >= n {
            return mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    app.mails_to(to)
}

/// Waits until the background worker has handled every queued reset
/// request for `email` (sent its mail, or dropped it for an unknown address),
/// so a test can tell "no mail" from "not yet".
pub async fn reset_handled(app: &TestApp, email: &str) {
    for _ in 0..200 {
        if queued(app, email).await == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the reset request for {email} was never handled");
}

async fn queued(app: &TestApp, email: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM password_reset_requests WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// The queued rows for `email` once none is left, or after five seconds.
async fn drained(app: &TestApp, email: &str) -> i64 {
    for _ in 0..100 {
        if queued(app, email).await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    queued(app, email).await
}

both_backends!(forgot_password_queues_the_mail_for_known_and_unknown_alike, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    // Mail cannot be delivered for now: the outbox is not a folder.
    let outbox = app.data_dir.join("outbox");
    std::fs::remove_dir_all(&outbox).unwrap();
    std::fs::write(&outbox, b"not a folder").unwrap();

    // Sent inline, the known address would fail here while the unknown one
    // succeeded. Queued, both get the same answer at once.
    let client = app.client();
    let known = client.post_form("/password/forgot", &[("email", "hr@rm.dk")]).await;
    let unknown = client.post_form("/password/forgot", &[("email", "ingen@rm.dk")]).await;
    assert_eq!(known.status(), 200);
    assert_eq!(unknown.status(), 200);
    let (known, unknown) = (known.text().await.unwrap(), unknown.text().await.unwrap());
    let strip_csrf = |b: &str| b.replace(&crate::support::app::csrf_in(b).unwrap_or_default(), "");
    assert_eq!(strip_csrf(&known), strip_csrf(&unknown), "the same page either way");

    // The known address's request waits in the queue until mail can go out;
    // the unknown one leaves without a mail.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(queued(&app, "hr@rm.dk").await, 1);
    ledertrivsel::auth::reset_mail::send_pending(&app.state, time::OffsetDateTime::now_utc()).await.unwrap();
    assert_eq!(queued(&app, "hr@rm.dk").await, 1, "a failed mail is kept for the next try");
    assert_eq!(drained(&app, "ingen@rm.dk").await, 0);

    std::fs::remove_file(&outbox).unwrap();
    std::fs::create_dir(&outbox).unwrap();
    ledertrivsel::auth::reset_mail::send_pending(&app.state, time::OffsetDateTime::now_utc()).await.unwrap();
    let mails = mails_arriving(&app, "hr@rm.dk", 1).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "Vælg en ny adgangskode til Ledertrivsel");
    assert!(mails[0].1.contains("http://test.invalid/password/reset/"), "{}", mails[0].1);
    assert!(app.mails_to("ingen@rm.dk").is_empty());
    assert_eq!(queued(&app, "hr@rm.dk").await, 0);
});

both_backends!(forgot_password_mail_arrives_by_itself, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let r = app.client().post_form("/password/forgot", &[("email", "hr@rm.dk")]).await;
    assert_eq!(r.status(), 200);
    let mails = mails_arriving(&app, "hr@rm.dk", 1).await;
    assert_eq!(mails.len(), 1, "the worker sends it without waiting for its next round");
    // The row goes once the mail is out (just after the file is written).
    assert_eq!(drained(&app, "hr@rm.dk").await, 0);
});
