//! Who is due a mail about an open round: the group's leader and members
//! who have not handed in Skema 1 and have not had this mail yet.

use crate::storage::Db;
use domain::ids::{ApvRoundId, OrgId, PersonId};

/// One leader asked to fill in Skema 1 in one round.
#[derive(Clone, Debug)]
pub struct Asked {
    pub round: ApvRoundId,
    pub group_name: String,
    pub deadline: Option<time::Date>,
    pub person: PersonId,
    pub name: String,
    pub email: String,
    pub locale: String,
}

/// The group's leader and members (a leader who is also listed as a member
/// counts once), with the round, not handed in while the round still takes
/// answers (not yet revealed), plus `$filter`.
macro_rules! asked_sql {
    ($filter:literal) => {
        concat!(
            "SELECT r.id, g.name, r.deadline, p.id, p.name, a.email, a.locale FROM apv_rounds r \
             JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
             JOIN (SELECT group_id, person_id FROM group_members WHERE org_id = $1 \
                   UNION SELECT id, group_leader_id FROM leader_groups WHERE org_id = $1 AND group_leader_id IS NOT NULL) w \
               ON w.group_id = g.id \
             JOIN persons p ON p.id = w.person_id AND p.org_id = r.org_id \
             JOIN accounts a ON a.id = p.account_id \
             WHERE r.org_id = $1 AND r.closed_at IS NULL \
               AND NOT EXISTS (SELECT 1 FROM apv_respondents x WHERE x.round_id = r.id AND x.person_id = p.id) \
               AND EXISTS (SELECT 1 FROM round_readers rr WHERE rr.round_id = r.id AND rr.person_id = p.id) \
               AND NOT EXISTS (SELECT 1 FROM round_promises rp WHERE rp.round_id = r.id AND rp.revealed_at IS NOT NULL) AND ",
            $filter,
            " ORDER BY r.created_at, r.id, p.name"
        )
    };
}

type AskedRow = (String, String, Option<String>, String, String, String, String);

fn to_asked((round, group_name, deadline, person, name, email, locale): AskedRow) -> Asked {
    Asked {
        round: ApvRoundId::from_db(round),
        group_name,
        deadline: super::date(deadline),
        person: PersonId::from_db(person),
        name,
        email,
        locale,
    }
}

/// The claim's subject for one person in one round.
pub fn mail_subject(round: &ApvRoundId, person: &PersonId) -> String {
    format!("{round}:{person}")
}

/// Everyone asked in an open round who has not been invited yet.
pub async fn not_invited(db: &Db, org: &OrgId) -> anyhow::Result<Vec<Asked>> {
    let rows: Vec<AskedRow> = sqlx::query_as(asked_sql!(
        "NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.org_id = $1 AND s.kind = 'apv-invite' \
           AND s.subject_id = r.id || ':' || p.id)"
    ))
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(to_asked).collect())
}

/// Everyone still missing Skema 1 in an open round whose deadline falls
/// between `from` and `to` (inclusive), not yet reminded of that deadline.
pub async fn deadline_near(db: &Db, org: &OrgId, from: time::Date, to: time::Date) -> anyhow::Result<Vec<Asked>> {
    let rows: Vec<AskedRow> = sqlx::query_as(asked_sql!(
        "r.deadline >= $2 AND r.deadline <= $3 \
           AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.org_id = $1 AND s.kind = 'apv-deadline' \
             AND s.subject_id = r.id || ':' || p.id AND s.due_key = r.deadline)"
    ))
    .bind(org.as_str())
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(to_asked).collect())
}
