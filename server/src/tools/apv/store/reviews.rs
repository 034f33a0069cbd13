//! The review that opens a round's meeting: the actions of the group's last
//! closed round, each with whether it was done, whether it worked, and
//! whether the group carries on with it or drops it.

use super::{date, Round};
use crate::i18n::Lang;
use crate::storage::Db;
use domain::apv::{NextStep, Review, Worked};
use domain::ids::{ApvActionId, ApvRoundId, OrgId, PersonId};

/// One action of the last round, with this round's review if given.
#[derive(Clone, Debug)]
pub struct ReviewLine {
    pub action: ApvActionId,
    pub theme_da: String,
    pub theme_en: String,
    pub text: String,
    pub owner: Option<String>,
    pub due_on: Option<time::Date>,
    /// Marked done in last year's plan.
    pub marked_done: bool,
    pub review: Option<Review>,
}

impl ReviewLine {
    pub fn theme(&self, lang: Lang) -> &str {
        let text = match lang {
            Lang::Da => &self.theme_da,
            Lang::En => &self.theme_en,
        };
        crate::tools::apv::content::ApvContent::theme_name(text)
    }
}

type ReviewRow = (String, String, String, String, Option<String>, Option<String>, Option<String>, Option<i64>, Option<String>, Option<String>);

/// The actions of the group's newest closed round started before `round`.
pub async fn to_review(db: &Db, org: &OrgId, round: &Round) -> anyhow::Result<Vec<ReviewLine>> {
    let rows: Vec<ReviewRow> = sqlx::query_as(
        "SELECT a.id, v.text_da, v.text_en, a.text, p.name, a.due_on, a.done_at, w.done, w.worked, w.next_step \
         FROM apv_actions a \
         JOIN apv_plans pl ON pl.id = a.plan_id AND pl.org_id = a.org_id \
         JOIN catalogue_revisions v ON v.id = pl.revision_id AND v.org_id = pl.org_id \
         LEFT JOIN persons p ON p.id = a.owner_person_id AND p.org_id = a.org_id \
         LEFT JOIN apv_action_reviews w ON w.action_id = a.id AND w.round_id = $3 \
         WHERE a.org_id = $1 AND pl.round_id = (SELECT r.id FROM apv_rounds r \
             WHERE r.org_id = $1 AND r.group_id = $2 AND r.closed_at IS NOT NULL AND r.created_at < $4 \
             ORDER BY r.created_at DESC LIMIT 1) \
         ORDER BY pl.created_at, pl.id, a.due_on, a.created_at",
    )
    .bind(org.as_str())
    .bind(round.group_id.as_str())
    .bind(round.id.as_str())
    .bind(&round.created_at)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, theme_da, theme_en, text, owner, due_on, done_at, done, worked, next_step)| ReviewLine {
            action: ApvActionId::from_db(id),
            theme_da,
            theme_en,
            text,
            owner,
            due_on: date(due_on),
            marked_done: done_at.is_some(),
            review: match (done, worked.as_deref().and_then(Worked::parse), next_step.as_deref().and_then(NextStep::parse)) {
                (Some(done), Some(worked), Some(next_step)) => Some(Review { done: done != 0, worked, next_step }),
                _ => None,
            },
        })
        .collect())
}

/// Saves the group's reviews of last round's actions, all or none. The
/// caller passes only actions `to_review` listed for this round.
pub async fn save_reviews(db: &Db, org: &OrgId, round: &ApvRoundId, reviews: &[(ApvActionId, Review)], by: &PersonId, now: time::OffsetDateTime) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let now = crate::storage::to_text(now);
    for (action, review) in reviews {
        sqlx::query(
            "INSERT INTO apv_action_reviews (action_id, org_id, round_id, done, worked, next_step, reviewed_by, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (action_id) DO UPDATE SET round_id = $3, done = $4, worked = $5, next_step = $6, reviewed_by = $7, reviewed_at = $8",
        )
        .bind(action.as_str())
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(i64::from(review.done))
        .bind(review.worked.code())
        .bind(review.next_step.code())
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
