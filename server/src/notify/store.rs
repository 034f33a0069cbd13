//! SQL for notifications. Every function takes the `OrgId` first. Recording
//! runs on the caller's connection, inside the transaction of the action it
//! tells about, so a rolled-back action tells nobody anything.

use super::{Kind, MailChoice};
use crate::storage::{to_text, Db};
use domain::ids::{AccountId, GroupId, NotificationId, OrgId, PersonId};
use sqlx::AnyConnection;
use time::OffsetDateTime;

/// Something one person should hear about.
pub struct Event<'a> {
    pub to: &'a PersonId,
    pub kind: Kind,
    /// Who acted, only where the reader may know it.
    pub actor: Option<&'a PersonId>,
    pub group: Option<&'a GroupId>,
    /// The page that shows it, a path on this server.
    pub link: &'a str,
}

/// Records `event` for its reader, unless the reader is the one who acted,
/// or is not a person in `org`, or already has the same news unread and not
/// yet mailed (three comments in a row are one piece of news).
pub async fn record(conn: &mut AnyConnection, org: &OrgId, event: Event<'_>, now: OffsetDateTime) -> anyhow::Result<()> {
    if event.actor == Some(event.to) {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO notifications (id, org_id, person_id, kind, actor_id, group_id, link, created_at) \
         SELECT $1, p.org_id, p.id, $2, $3, $4, $5, $6 FROM persons p WHERE p.org_id = $7 AND p.id = $8 \
         AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.org_id = p.org_id AND n.person_id = p.id \
           AND n.kind = $2 AND n.link = $5 AND n.read_at IS NULL AND n.mailed_at IS NULL)",
    )
    .bind(NotificationId::new().as_str())
    .bind(event.kind.code())
    .bind(event.actor.map(|a| a.as_str().to_string()))
    .bind(event.group.map(|g| g.as_str().to_string()))
    .bind(event.link)
    .bind(to_text(now))
    .bind(org.as_str())
    .bind(event.to.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes back unread news whose item the reader may no longer open (an
/// agreement no longer shared with them, a lift withdrawn): every unread
/// row of `kinds` whose link matches, for whoever it was.
pub async fn forget(conn: &mut AnyConnection, org: &OrgId, kinds: &[Kind], link: Link<'_>) -> anyhow::Result<()> {
    // Our links are paths of UUIDs and words: no `%` or `_` to escape.
    let pattern = match link {
        Link::StartsWith(p) => format!("{p}%"),
        Link::EndsWith(p) => format!("%{p}"),
    };
    for kind in kinds {
        sqlx::query("DELETE FROM notifications WHERE org_id = $1 AND kind = $2 AND read_at IS NULL AND link LIKE $3")
            .bind(org.as_str())
            .bind(kind.code())
            .bind(&pattern)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Which links `forget` takes back.
pub enum Link<'a> {
    StartsWith(&'a str),
    EndsWith(&'a str),
}

/// One piece of news as its reader sees it.
#[derive(Clone, Debug)]
pub struct News {
    pub id: NotificationId,
    pub kind: Kind,
    /// The actor's name now (gone if they were deleted or stayed unnamed).
    pub actor_name: Option<String>,
    pub group_name: Option<String>,
    pub link: String,
    pub created_at: String,
}

type NewsRow = (String, String, Option<String>, Option<String>, String, String);

const NEWS: &str = "SELECT n.id, n.kind, a.name, g.name, n.link, n.created_at FROM notifications n \
     LEFT JOIN persons a ON a.id = n.actor_id AND a.org_id = n.org_id \
     LEFT JOIN leader_groups g ON g.id = n.group_id AND g.org_id = n.org_id";

fn to_news(rows: Vec<NewsRow>) -> Vec<News> {
    rows.into_iter()
        .filter_map(|(id, kind, actor_name, group_name, link, created_at)| {
            Some(News { id: NotificationId::from_db(id), kind: Kind::parse(&kind)?, actor_name, group_name, link, created_at })
        })
        .collect()
}

/// The most a start page lists; the oldest wait until newer ones are read.
pub const SHOWN: i64 = 20;

/// A person's unread news, newest first.
pub async fn unread(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Vec<News>> {
    let rows: Vec<NewsRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{NEWS} WHERE n.org_id = $1 AND n.person_id = $2 AND n.read_at IS NULL ORDER BY n.id DESC LIMIT {SHOWN}"
    )))
    .bind(org.as_str())
    .bind(person.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(to_news(rows))
}

/// Marks one of the person's news read and gives its link; `None` when it
/// is not theirs (nothing changes).
pub async fn open(db: &Db, org: &OrgId, person: &PersonId, id: &NotificationId, now: OffsetDateTime) -> anyhow::Result<Option<String>> {
    let link: Option<(String,)> =
        sqlx::query_as("SELECT link FROM notifications WHERE org_id = $1 AND person_id = $2 AND id = $3")
            .bind(org.as_str())
            .bind(person.as_str())
            .bind(id.as_str())
            .fetch_optional(&db.pool)
            .await?;
    if link.is_some() {
        mark_read(db, org, person, Some(id), now).await?;
    }
    Ok(link.map(|(l,)| l))
}

/// Marks one (or, with `None`, every) unread news of the person read.
pub async fn mark_read(db: &Db, org: &OrgId, person: &PersonId, id: Option<&NotificationId>, now: OffsetDateTime) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE notifications SET read_at = $1 WHERE org_id = $2 AND person_id = $3 AND read_at IS NULL \
         AND ($4 = '' OR id = $4)",
    )
    .bind(to_text(now))
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(id.map(|i| i.as_str()).unwrap_or_default())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A reader to mail, with the news waiting for them.
pub struct Waiting {
    pub person: PersonId,
    pub name: String,
    pub email: String,
    pub locale: String,
    pub news: Vec<News>,
}

/// The reader (id, name, address, language), then the news as in `NewsRow`.
type WaitingRow = (String, String, String, String, String, String, Option<String>, Option<String>, String, String);

/// Unread news not yet mailed whose reader chose `choice`, created before
/// `before`, grouped by reader.
pub async fn to_mail(db: &Db, org: &OrgId, choice: MailChoice, before: OffsetDateTime) -> anyhow::Result<Vec<Waiting>> {
    let rows: Vec<WaitingRow> = sqlx::query_as(
        "SELECT p.id, p.name, ac.email, ac.locale, n.id, n.kind, a.name, g.name, n.link, n.created_at FROM notifications n \
         JOIN persons p ON p.id = n.person_id AND p.org_id = n.org_id \
         JOIN accounts ac ON ac.id = p.account_id \
         LEFT JOIN persons a ON a.id = n.actor_id AND a.org_id = n.org_id \
         LEFT JOIN leader_groups g ON g.id = n.group_id AND g.org_id = n.org_id \
         WHERE n.org_id = $1 AND n.read_at IS NULL AND n.mailed_at IS NULL AND ac.notify_mail = $2 AND n.created_at < $3 \
         ORDER BY p.id, n.id",
    )
    .bind(org.as_str())
    .bind(choice.code())
    .bind(to_text(before))
    .fetch_all(&db.pool)
    .await?;
    let mut waiting: Vec<Waiting> = Vec::new();
    for (person, name, email, locale, id, kind, actor, group, link, created_at) in rows {
        let Some(news) = to_news(vec![(id, kind, actor, group, link, created_at)]).pop() else { continue };
        match waiting.last_mut() {
            Some(w) if w.person.as_str() == person => w.news.push(news),
            _ => waiting.push(Waiting { person: PersonId::from_db(person), name, email, locale, news: vec![news] }),
        }
    }
    Ok(waiting)
}

/// Takes news for a mail: true for exactly one caller, however many
/// servers send at once.
pub async fn claim(db: &Db, org: &OrgId, id: &NotificationId, now: OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE notifications SET mailed_at = $1 WHERE org_id = $2 AND id = $3 AND mailed_at IS NULL")
        .bind(to_text(now))
        .bind(org.as_str())
        .bind(id.as_str())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives news back when its mail could not be sent, so a later run tries again.
pub async fn release(db: &Db, org: &OrgId, id: &NotificationId) -> anyhow::Result<()> {
    sqlx::query("UPDATE notifications SET mailed_at = NULL WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(id.as_str())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// How often the account wants mail about news.
pub async fn mail_choice(db: &Db, account: &AccountId) -> anyhow::Result<MailChoice> {
    let row: Option<(String,)> = sqlx::query_as("SELECT notify_mail FROM accounts WHERE id = $1")
        .bind(account.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(|(c,)| MailChoice::parse(&c)).unwrap_or_default())
}

pub async fn set_mail_choice(db: &Db, account: &AccountId, choice: MailChoice) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET notify_mail = $1 WHERE id = $2")
        .bind(choice.code())
        .bind(account.as_str())
        .execute(&db.pool)
        .await?;
    Ok(())
}
