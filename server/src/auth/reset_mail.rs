//! The password-reset mail, sent in the background. `/password/forgot` only
//! queues the address it was given (`enqueue`), known or not, so the page
//! does the same work and answers in the same time either way; sending it
//! inline made a known address measurably slower (the token, the mail, with
//! SMTP a round trip), which told anyone who has an account.
//!
//! The queue is a table, so a request survives a restart and any server may
//! send it: each row is claimed (`claimed_at`) before its mail goes out, and
//! only the claim that took sends it; a claim left by a server that died is
//! taken over after `CLAIM_EXPIRES`. A mail that fails is given back and
//! tried again. A request older than the reset link's lifetime is dropped:
//! its link would be dead on arrival, and the person will have asked again.
//! Rows for addresses without an account are deleted without a mail.

use crate::auth::tokens;
use crate::i18n::{Lang, Tr};
use crate::mail::Mail;
use crate::state::AppState;
use crate::storage::{to_text, Db};
use domain::input::Email;
use time::{Duration, OffsetDateTime};

/// How often the worker looks again without being woken (a mail that failed).
pub const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(60);
/// A claim older than this belonged to a server that stopped mid-send.
const CLAIM_EXPIRES: Duration = Duration::minutes(10);
/// As long as a reset link works (`tokens::Kind::PasswordReset`).
const STALE_AFTER: Duration = Duration::hours(2);

/// Queues a reset mail for `email`, whether or not it has an account.
pub async fn enqueue(db: &Db, email: &Email, now: OffsetDateTime) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO password_reset_requests (id, email, requested_at) VALUES ($1, $2, $3)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(email.as_str())
        .bind(to_text(now))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Sends every queued reset mail this run can claim; the number sent.
pub async fn send_pending(state: &AppState, now: OffsetDateTime) -> anyhow::Result<usize> {
    let db = &state.db;
    sqlx::query("DELETE FROM password_reset_requests WHERE requested_at < $1")
        .bind(to_text(now - STALE_AFTER))
        .execute(&db.pool)
        .await?;
    let expired = to_text(now - CLAIM_EXPIRES);
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, email FROM password_reset_requests WHERE claimed_at IS NULL OR claimed_at < $1 \
         ORDER BY requested_at LIMIT 100",
    )
    .bind(&expired)
    .fetch_all(&db.pool)
    .await?;
    let mut sent = 0;
    for (id, email) in rows {
        let claimed = sqlx::query(
            "UPDATE password_reset_requests SET claimed_at = $1 WHERE id = $2 AND (claimed_at IS NULL OR claimed_at < $3)",
        )
        .bind(to_text(now))
        .bind(&id)
        .bind(&expired)
        .execute(&db.pool)
        .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        match send_one(state, &Email::from_db(email)).await {
            Ok(mailed) => {
                sqlx::query("DELETE FROM password_reset_requests WHERE id = $1").bind(&id).execute(&db.pool).await?;
                sent += usize::from(mailed);
            }
            Err(e) => {
                tracing::warn!(error = %e, "password-reset mail not sent; will try again");
                sqlx::query("UPDATE password_reset_requests SET claimed_at = NULL WHERE id = $1")
                    .bind(&id)
                    .execute(&db.pool)
                    .await?;
            }
        }
    }
    Ok(sent)
}

/// Mails a fresh reset link when `email` has an account; false when not.
async fn send_one(state: &AppState, email: &Email) -> anyhow::Result<bool> {
    let Some(creds) = crate::org::store::credentials(&state.db, email).await? else { return Ok(false) };
    let secret = tokens::issue(&state.db, tokens::Kind::PasswordReset, Some(&creds.account_id), None, state.clock.now()).await?;
    let locale: Option<(String,)> = sqlx::query_as("SELECT locale FROM accounts WHERE id = $1")
        .bind(creds.account_id.as_str())
        .fetch_optional(&state.db.pool)
        .await?;
    let tr = Tr::new(locale.and_then(|(l,)| Lang::parse(&l)).unwrap_or_default());
    let link = format!("{}/password/reset/{}", state.public_url, secret);
    state
        .mailer
        .send(Mail {
            to: email.as_str().to_string(),
            subject: tr.t("mail-reset-subject"),
            body: tr.t_args("mail-reset-body", &[("link", link)]),
        })
        .await?;
    Ok(true)
}

/// Sends queued mails whenever `/password/forgot` wakes it, and every
/// `RETRY_EVERY` for mails that failed or were queued by another server.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match send_pending(&state, state.clock.now()).await {
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not send password-reset mails"),
            }
            tokio::select! {
                _ = state.reset_mail.notified() => {}
                _ = tokio::time::sleep(RETRY_EVERY) => {}
            }
        }
    })
}
