//! SQL for the conversation about a shared agreement: the leader and the
//! person it is shared with write comments, about the whole agreement or
//! one shared point. A comment can only be written while the agreement is
//! shared, by one of the two, and only about a point that is shared: the
//! condition is part of the insert, so a guessed id writes nothing.
//! Reading is for the caller to allow (the leader's own page, or
//! `team::access` for the nearest leader).

use crate::storage::Db;
use domain::agreement::CommentText;
use domain::ids::{AgreementId, CommentId, OrgId, PersonId, PointId};

/// One comment, with its author's name (gone if the author was deleted).
#[derive(Clone, Debug)]
pub struct Comment {
    pub id: CommentId,
    pub point_id: Option<PointId>,
    pub author_id: Option<PersonId>,
    pub author_name: Option<String>,
    pub text: String,
    pub created_at: String,
}

type CommentRow = (String, Option<String>, Option<String>, Option<String>, String, String);

/// The agreement's comments, oldest first. By id: UUID v7 sorts by
/// creation time, while RFC 3339 text does not within a second.
pub async fn list(db: &Db, org: &OrgId, agreement: &AgreementId) -> anyhow::Result<Vec<Comment>> {
    let rows: Vec<CommentRow> = sqlx::query_as(
        "SELECT c.id, c.point_id, c.author_id, p.name, c.text, c.created_at FROM agreement_comments c \
         LEFT JOIN persons p ON p.id = c.author_id AND p.org_id = c.org_id \
         WHERE c.org_id = $1 AND c.agreement_id = $2 ORDER BY c.id",
    )
    .bind(org.as_str())
    .bind(agreement.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, point, author, name, text, created_at)| Comment {
            id: CommentId::from_db(id),
            point_id: point.map(PointId::from_db),
            author_id: author.map(PersonId::from_db),
            author_name: name,
            text,
            created_at,
        })
        .collect())
}

/// Adds `author`'s comment to a shared agreement, in one statement: the
/// agreement must be in the organisation, shared, and `author` must be its
/// leader or the person it is shared with; `point`, if given, must be one
/// of its shared points. Returns false when that does not hold (nothing is written).
pub async fn add(
    conn: &mut sqlx::AnyConnection,
    org: &OrgId,
    agreement: &AgreementId,
    author: &PersonId,
    point: Option<&PointId>,
    text: &CommentText,
    now: time::OffsetDateTime,
) -> anyhow::Result<bool> {
    const INSERT: &str = "INSERT INTO agreement_comments (id, org_id, agreement_id, point_id, author_id, text, created_at) \
         SELECT $1, a.org_id, a.id, $2, $3, $4, $5 FROM agreements a \
         WHERE a.org_id = $6 AND a.id = $7 AND a.shared_with_id IS NOT NULL \
           AND (a.person_id = $3 OR a.shared_with_id = $3)";
    let id = CommentId::new();
    // A comment on one point only where that point is shared.
    let point_shared = match point {
        Some(_) => " AND EXISTS (SELECT 1 FROM agreement_points p \
                     WHERE p.org_id = a.org_id AND p.agreement_id = a.id AND p.id = $2 AND p.shared = 1)",
        None => "",
    };
    let done = sqlx::query(sqlx::AssertSqlSafe(format!("{INSERT}{point_shared}")))
        .bind(id.as_str())
        .bind(point.map(|p| p.as_str().to_string()))
        .bind(author.as_str())
        .bind(text.as_str())
        .bind(crate::storage::to_text(now))
        .bind(org.as_str())
        .bind(agreement.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
