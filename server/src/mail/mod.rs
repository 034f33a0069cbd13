//! Outgoing mail: SMTP in production, `.eml` files in `<data dir>/outbox` by
//! default (so a fresh install needs no mail server, and tests read real mail).
//! A mail is plain text, optionally with attachments (a calendar invitation).
//!
//! A send that fails returns the error; callers that must not lose the mail
//! (reminders, queued reset mails) keep their claim and try again later.
//! `/metrics` says whether mail is failing (`ledertrivsel_mail_failing`, 1
//! after a failed send until the next one succeeds) and counts the failures
//! (`ledertrivsel_mail_failures_total`), so operations notice a dead mail
//! server before people miss their reminders.

use anyhow::Context;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

/// How long one SMTP conversation may take before the send counts as failed.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

#[derive(Clone)]
pub enum Transport {
    /// The outbox folder. Each mail is written beside its final name and
    /// renamed when complete (lettre's file transport writes in place), so
    /// whoever reads the folder never finds half a mail.
    Outbox(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

/// A mail ready to send, already in the recipient's language.
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// A file sent along with a mail.
pub struct Attachment {
    pub filename: String,
    /// The full MIME type with its parameters.
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Attachment {
    /// A calendar invitation (`.ics`). `method` is the iTIP method the file
    /// says (`REQUEST`, `CANCEL`): mail clients read it from the MIME type
    /// and show the invitation with accept and decline buttons.
    pub fn calendar(method: &str, ics: String) -> Attachment {
        Attachment {
            filename: "invitation.ics".into(),
            content_type: format!("text/calendar; charset=UTF-8; method={method}"),
            body: ics.into_bytes(),
        }
    }
}

impl Mailer {
    pub fn new(smtp_url: Option<&str>, outbox: PathBuf, from: &str) -> anyhow::Result<Self> {
        let from: Mailbox = from.parse().context("LEDERTRIVSEL_MAIL_FROM is not a valid address")?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("LEDERTRIVSEL_SMTP_URL is not a valid smtp:// or smtps:// URL")?
                    // An unreachable server fails the send in seconds, so
                    // the reminder run goes on and tries again next time.
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&outbox)
                    .with_context(|| format!("could not create the mail outbox {}", outbox.display()))?;
                Transport::Outbox(outbox)
            }
        };
        Ok(Self { transport, from })
    }

    pub async fn send(&self, mail: Mail) -> anyhow::Result<()> {
        self.send_with(mail, Vec::new()).await
    }

    /// Sends `mail` with files attached; without any it is a plain text mail.
    pub async fn send_with(&self, mail: Mail, attachments: Vec<Attachment>) -> anyhow::Result<()> {
        let builder = Message::builder()
            .from(self.from.clone())
            .to(mail.to.parse().context("recipient address")?)
            .subject(mail.subject);
        let message = if attachments.is_empty() {
            builder.header(ContentType::TEXT_PLAIN).body(mail.body)?
        } else {
            let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(mail.body));
            for a in attachments {
                let content_type = ContentType::parse(&a.content_type).context("attachment content type")?;
                parts = parts.singlepart(lettre::message::Attachment::new(a.filename).body(a.body, content_type));
            }
            builder.multipart(parts)?
        };
        let sent = match &self.transport {
            Transport::Outbox(dir) => write_whole(dir, &message.formatted()).await,
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(anyhow::Error::from),
        };
        match sent {
            Ok(()) => {
                metrics::counter!("ledertrivsel_mails_sent_total").increment(1);
                metrics::gauge!("ledertrivsel_mail_failing").set(0.0);
                Ok(())
            }
            Err(e) => {
                metrics::counter!("ledertrivsel_mail_failures_total").increment(1);
                metrics::gauge!("ledertrivsel_mail_failing").set(1.0);
                Err(e.context("the mail was not sent"))
            }
        }
    }
}

/// Writes one mail into the outbox as `<uuid>.eml`, whole or not at all.
async fn write_whole(dir: &std::path::Path, raw: &[u8]) -> anyhow::Result<()> {
    let id = uuid::Uuid::now_v7();
    let partial = dir.join(format!(".{id}.eml.partial"));
    tokio::fs::write(&partial, raw).await.with_context(|| format!("could not write {}", partial.display()))?;
    tokio::fs::rename(&partial, dir.join(format!("{id}.eml"))).await.context("could not move the mail into the outbox")?;
    Ok(())
}
