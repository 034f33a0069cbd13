//! "Download my data": everything the product holds about one account, as
//! JSON. Two parts: a readable summary per organisation (names instead of
//! ids, the wording each answer answered), and `records`, every stored row
//! that concerns the person, table by table, chosen by the register, so a
//! new table with an owner column is exported without touching this file.
//! Credentials (`Class::Secret`) are never included.

use super::register::{Link, Of, REGISTER};
use crate::storage::{schema, Db};
use domain::ids::{AccountId, OrgId, PersonId};
use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::AssertSqlSafe;
use std::collections::BTreeMap;

pub const FORMAT: &str = "ledertrivsel-personal-data";

#[derive(Serialize)]
pub struct Export {
    pub format: &'static str,
    pub exported_at: String,
    pub account: AccountData,
    pub organisations: Vec<OrgData>,
    pub records: BTreeMap<String, Vec<Map<String, Value>>>,
}

#[derive(Serialize)]
pub struct AccountData {
    pub id: String,
    pub email: String,
    pub locale: String,
    pub created_at: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Profile {
    #[serde(skip)]
    pub org_id: OrgId,
    #[serde(skip)]
    pub person_id: PersonId,
    pub organisation: String,
    pub name: String,
    pub unit: Option<String>,
    pub nearest_leader: Option<String>,
    /// Role codes (`leader`, `hr_admin`, …).
    pub roles: Vec<String>,
    pub created_at: String,
}

#[derive(Serialize)]
pub struct OrgData {
    #[serde(flatten)]
    pub profile: Profile,
    pub groups: Vec<GroupData>,
    pub intro_answers: Vec<AnswerData>,
    pub intro_comments: Vec<CommentData>,
    pub decisions_responsible_for: Vec<DecisionData>,
    pub lifts_sent: Vec<LiftData>,
    /// The conversation about my agreements, whoever wrote it.
    pub comments_on_my_agreements: Vec<AgreementCommentData>,
    pub audit_entries_by_me: Vec<AuditData>,
}

#[derive(Serialize)]
pub struct AgreementCommentData {
    pub period_starts_on: String,
    /// `None` when the author has deleted their account.
    pub author: Option<String>,
    pub about_point: Option<String>,
    pub comment: String,
    pub written_at: String,
}

#[derive(Serialize)]
pub struct GroupData {
    pub name: String,
    pub i_lead_it: bool,
}

#[derive(Serialize)]
pub struct AnswerData {
    pub group: String,
    pub round_started_at: String,
    pub statement_da: String,
    pub statement_en: String,
    /// 1 = strongly disagree … 5 = strongly agree.
    pub answer: i64,
    pub answered_at: String,
}

#[derive(Serialize)]
pub struct CommentData {
    pub group: String,
    pub round_started_at: String,
    pub comment: String,
    pub submitted_at: String,
}

#[derive(Serialize)]
pub struct DecisionData {
    pub group: String,
    pub next_tool: String,
    pub due_date: String,
    pub note: Option<String>,
    pub decided_at: String,
}

/// A point I lifted to a leader group or on to the organisation.
#[derive(Serialize)]
pub struct LiftData {
    /// The group's name, or `organisation`.
    pub sent_to: String,
    pub text: String,
    /// Whether the receiving level sees my name.
    pub with_my_name: bool,
    pub status: String,
    pub answer: String,
    pub sent_at: String,
    pub answered_at: Option<String>,
}

#[derive(Serialize)]
pub struct AuditData {
    pub action: String,
    pub target: String,
    pub at: String,
}

/// The account's person in each organisation, by organisation name.
pub async fn profiles(db: &Db, account: &AccountId) -> anyhow::Result<Vec<Profile>> {
    type Row = (String, String, String, String, Option<String>, Option<String>, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT p.id, o.id, o.name, p.name, u.name, l.name, p.created_at \
         FROM persons p JOIN orgs o ON o.id = p.org_id \
         LEFT JOIN units u ON u.id = p.unit_id AND u.org_id = p.org_id \
         LEFT JOIN persons l ON l.id = p.nearest_leader_id AND l.org_id = p.org_id \
         WHERE p.account_id = $1 ORDER BY o.name, o.id",
    )
    .bind(account.as_str())
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (person, org, organisation, name, unit, nearest_leader, created_at) in rows {
        let roles: Vec<(String,)> =
            sqlx::query_as("SELECT role FROM person_roles WHERE org_id = $1 AND person_id = $2 ORDER BY role")
                .bind(&org)
                .bind(&person)
                .fetch_all(&db.pool)
                .await?;
        out.push(Profile {
            org_id: OrgId::from_db(org),
            person_id: PersonId::from_db(person),
            organisation,
            name,
            unit,
            nearest_leader,
            roles: roles.into_iter().map(|(r,)| r).collect(),
            created_at,
        });
    }
    Ok(out)
}

/// Everything about `account`; `None` if the account no longer exists.
pub async fn collect(db: &Db, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<Option<Export>> {
    let row: Option<(String, String, String, String)> =
        sqlx::query_as("SELECT id, email, locale, created_at FROM accounts WHERE id = $1")
            .bind(account.as_str())
            .fetch_optional(&db.pool)
            .await?;
    let Some((id, email, locale, created_at)) = row else {
        return Ok(None);
    };
    let mut organisations = Vec::new();
    for profile in profiles(db, account).await? {
        organisations.push(org_data(db, profile).await?);
    }
    let persons: Vec<PersonId> = organisations.iter().map(|o| o.profile.person_id.clone()).collect();
    Ok(Some(Export {
        format: FORMAT,
        exported_at: crate::storage::to_text(now),
        account: AccountData { id, email, locale, created_at },
        organisations,
        records: records(db, account, &persons).await?,
    }))
}

async fn org_data(db: &Db, profile: Profile) -> anyhow::Result<OrgData> {
    let (org, me) = (profile.org_id.as_str().to_string(), profile.person_id.as_str().to_string());
    let groups: Vec<(String, i64)> = sqlx::query_as(
        "SELECT g.name, CASE WHEN g.group_leader_id = $2 THEN 1 ELSE 0 END FROM leader_groups g \
         WHERE g.org_id = $1 AND (g.group_leader_id = $2 OR EXISTS \
           (SELECT 1 FROM group_members m WHERE m.org_id = $1 AND m.group_id = g.id AND m.person_id = $2)) \
         ORDER BY g.name",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    let answers: Vec<(String, String, String, String, i64, String)> = sqlx::query_as(
        "SELECT g.name, r.created_at, v.text_da, v.text_en, a.value, a.updated_at \
         FROM intro_answers a \
         JOIN intro_runs r ON r.id = a.run_id AND r.org_id = a.org_id \
         JOIN leader_groups g ON g.id = r.group_id AND g.org_id = a.org_id \
         JOIN catalogue_revisions v ON v.id = a.revision_id AND v.org_id = a.org_id \
         JOIN catalogue_items i ON i.id = v.item_id AND i.org_id = a.org_id \
         WHERE a.org_id = $1 AND a.person_id = $2 ORDER BY r.created_at, i.position, v.id",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    let comments: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT g.name, r.created_at, x.comment, x.submitted_at FROM intro_respondents x \
         JOIN intro_runs r ON r.id = x.run_id AND r.org_id = x.org_id \
         JOIN leader_groups g ON g.id = r.group_id AND g.org_id = x.org_id \
         WHERE x.org_id = $1 AND x.person_id = $2 AND x.comment IS NOT NULL ORDER BY r.created_at",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    let decisions: Vec<(String, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT g.name, d.next_tool, d.due_date, d.note, d.decided_at FROM intro_decisions d \
         JOIN intro_runs r ON r.id = d.run_id AND r.org_id = d.org_id \
         JOIN leader_groups g ON g.id = r.group_id AND g.org_id = d.org_id \
         WHERE d.org_id = $1 AND d.owner_person_id = $2 ORDER BY d.due_date",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    type LiftRow = (Option<String>, String, i64, String, String, String, Option<String>);
    let lifts: Vec<LiftRow> = sqlx::query_as(
        "SELECT g.name, l.text, l.attributed, l.status, l.answer, l.created_at, l.answered_at FROM lifts l \
         LEFT JOIN leader_groups g ON g.id = l.to_group_id AND g.org_id = l.org_id \
         WHERE l.org_id = $1 AND l.from_person_id = $2 ORDER BY l.id",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    let agreement_comments: Vec<(String, Option<String>, Option<String>, String, String)> = sqlx::query_as(
        "SELECT a.starts_on, p.name, x.text, c.text, c.created_at FROM agreement_comments c \
         JOIN agreements a ON a.id = c.agreement_id AND a.org_id = c.org_id \
         LEFT JOIN persons p ON p.id = c.author_id AND p.org_id = c.org_id \
         LEFT JOIN agreement_points x ON x.id = c.point_id AND x.org_id = c.org_id \
         WHERE c.org_id = $1 AND a.person_id = $2 ORDER BY a.starts_on, c.id",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    let audit: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT action, target, at FROM audit_log WHERE org_id = $1 AND actor_person_id = $2 ORDER BY at, id",
    )
    .bind(&org)
    .bind(&me)
    .fetch_all(&db.pool)
    .await?;
    Ok(OrgData {
        profile,
        groups: groups.into_iter().map(|(name, lead)| GroupData { name, i_lead_it: lead == 1 }).collect(),
        intro_answers: answers
            .into_iter()
            .map(|(group, round_started_at, statement_da, statement_en, answer, answered_at)| AnswerData {
                group,
                round_started_at,
                statement_da,
                statement_en,
                answer,
                answered_at,
            })
            .collect(),
        intro_comments: comments
            .into_iter()
            .map(|(group, round_started_at, comment, submitted_at)| CommentData { group, round_started_at, comment, submitted_at })
            .collect(),
        decisions_responsible_for: decisions
            .into_iter()
            .map(|(group, next_tool, due_date, note, decided_at)| DecisionData { group, next_tool, due_date, note, decided_at })
            .collect(),
        lifts_sent: lifts
            .into_iter()
            .map(|(group, text, attributed, status, answer, sent_at, answered_at)| LiftData {
                sent_to: group.unwrap_or_else(|| "organisation".to_string()),
                text,
                with_my_name: attributed != 0,
                status,
                answer,
                sent_at,
                answered_at,
            })
            .collect(),
        comments_on_my_agreements: agreement_comments
            .into_iter()
            .map(|(period_starts_on, author, about_point, comment, written_at)| AgreementCommentData {
                period_starts_on,
                author,
                about_point,
                comment,
                written_at,
            })
            .collect(),
        audit_entries_by_me: audit.into_iter().map(|(action, target, at)| AuditData { action, target, at }).collect(),
    })
}

/// Every row that is about the person or names them, per the register.
/// Rows that merely point at them from someone else's data are left out.
async fn records(db: &Db, account: &AccountId, persons: &[PersonId]) -> anyhow::Result<BTreeMap<String, Vec<Map<String, Value>>>> {
    let mut conn = db.pool.acquire().await?;
    let tables = schema::tables(&mut conn, db.backend).await?;
    let mut out = BTreeMap::new();
    for entry in REGISTER {
        let owners: Vec<_> = entry.owners.iter().filter(|o| o.link != Link::PointsAt).collect();
        if owners.is_empty() {
            continue;
        }
        let table = tables
            .iter()
            .find(|t| t.name == entry.table)
            .ok_or_else(|| anyhow::anyhow!("the register lists {}, which the database lacks", entry.table))?;
        let columns: Vec<&schema::Column> = entry
            .exportable()
            .map(|n| table.column(n).ok_or_else(|| anyhow::anyhow!("{}.{n} is not in the database", entry.table)))
            .collect::<anyhow::Result<_>>()?;
        let mut rows: Vec<Map<String, Value>> = Vec::new();
        for owner in owners {
            let ids: Vec<&str> = match owner.of {
                Of::Account => vec![account.as_str()],
                Of::Person => persons.iter().map(PersonId::as_str).collect(),
            };
            let columns: Vec<&schema::Column> =
                columns.iter().copied().filter(|c| !owner.withholds.contains(&c.name.as_str())).collect();
            let sql = format!(
                "SELECT {} FROM {} WHERE {} = $1",
                columns.iter().map(|c| schema::quote(&c.name)).collect::<Vec<_>>().join(", "),
                schema::quote(entry.table),
                schema::quote(owner.column)
            );
            for id in ids {
                let found = sqlx::query(AssertSqlSafe(sql.clone())).bind(id).fetch_all(&mut *conn).await?;
                for row in found {
                    let mut object = Map::new();
                    for (i, c) in columns.iter().enumerate() {
                        object.insert(c.name.clone(), schema::json_value(&row, i, c.kind)?);
                    }
                    // A row can name the person twice (owner and decider of one
                    // decision; sender and answerer of one lift, the second time
                    // with columns withheld).
                    if !rows.iter().any(|r| object.iter().all(|(k, v)| r.get(k) == Some(v))) {
                        rows.push(object);
                    }
                }
            }
        }
        out.insert(entry.table.to_string(), rows);
    }
    Ok(out)
}
