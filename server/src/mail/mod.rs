//! Outgoing mail: SMTP in production, `.eml` files in `<data dir>/outbox` by
//! default (so a fresh install needs no mail server, and tests read real mail).

use anyhow::Context;
use lettre::message::{header::ContentType, Mailbox};
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
        let message = Message::builder()
            .from(self.from.clone())
            .to(mail.to.parse().context("recipient address")?)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)?;
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
