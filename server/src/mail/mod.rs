//! Outgoing mail: SMTP in production, `.eml` files in `<data dir>/outbox` by
//! default (so a fresh install needs no mail server, and tests read real mail).
//! A mail is plain text, optionally with attachments (a calendar invitation).

use anyhow::Context;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

#[derive(Clone)]
pub enum Transport {
    Outbox(AsyncFileTransport<Tokio1Executor>),
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
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&outbox)
                    .with_context(|| format!("could not create the mail outbox {}", outbox.display()))?;
                Transport::Outbox(AsyncFileTransport::new(outbox))
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
        match &self.transport {
            Transport::Outbox(t) => {
                t.send(message).await?;
            }
            Transport::Smtp(t) => {
                t.send(message).await?;
            }
        }
        metrics::counter!("ledertrivsel_mails_sent_total").increment(1);
        Ok(())
    }
}
