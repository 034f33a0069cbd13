//! Everything the meeting page shows, asked in one query: the group's
//! people, the statements the round asks, the answers and comments, the
//! matrix, the agreement being written, the last agreement's points,
//! what this meeting recorded about them and the agenda's clock. On SQLite every query is a
//! hand-off to a worker thread; one round trip instead of ten is what the
//! page's p99 is made of (docs/performance.md).

use super::store::{Point, Round, RoundItem};
use crate::storage::Db;
use crate::tools::group::store::Person;
use domain::apv::{NextStep, Review, Worked};
use domain::collab::Quadrant;
use domain::ids::{CollabPointId, ContentVersionId, OrgId, PersonId};
use domain::intro::ScaleValue;

#[derive(Default)]
pub struct MeetingData {
    pub members: Vec<Person>,
    pub items: Vec<RoundItem>,
    pub answers: Vec<(String, ScaleValue)>,
    pub comments: Vec<String>,
    pub placements: Vec<(String, Quadrant)>,
    pub points: Vec<Point>,
    /// The group's last settled agreement before this round.
    pub previous_points: Vec<Point>,
    /// This meeting's follow-up of those points, by point id.
    pub reviews: Vec<(String, Review)>,
    /// The agenda's clock, once anyone has pressed a button (`agenda`).
    pub agenda: Option<domain::collab::agenda::Agenda>,
}

/// The point columns, for this round's and the previous round's points.
macro_rules! point_sql {
    ($kind:literal, $round:literal) => {
        concat!(
            "SELECT '", $kind, "', c.id, CAST(c.position AS TEXT), c.text, c.actions, c.measure, COALESCE(c.owner_person_id, ''), \
               COALESCE(o.name, ''), c.follow_up_on \
             FROM collab_points c LEFT JOIN persons o ON o.id = c.owner_person_id AND o.org_id = c.org_id \
             WHERE c.org_id = $1 AND c.round_id = ", $round
        )
    };
}

/// How many gave one scale point to a statement, as text.
macro_rules! count_of {
    ($v:literal) => {
        concat!("CAST(SUM(CASE WHEN value = ", $v, " THEN 1 ELSE 0 END) AS TEXT)")
    };
}

// Each statement comes with its five counts ("n1,n2,n3,n4,n5"): every row
// crosses a thread on SQLite, so the answers are counted here, not sent,
// and counted per statement before the join (grouping the joined rows
// sorted the statements' texts: three times slower).
const SQL: &str = concat!(
    "SELECT 'member', p.id, p.name, '', '', '', '', '', '' FROM persons p JOIN ( \
       SELECT m.person_id AS id FROM group_members m WHERE m.group_id = $3 AND m.org_id = $1 \
       UNION SELECT g.group_leader_id FROM leader_groups g WHERE g.id = $3 AND g.org_id = $1) x ON x.id = p.id \
     WHERE p.org_id = $1 \
     UNION ALL \
     SELECT 'item', ri.revision_id, r.item_id, ri.section, r.text_da, r.text_en, CAST(ri.position AS TEXT), COALESCE(a.counts, ''), '' \
       FROM collab_round_items ri JOIN catalogue_revisions r ON r.id = ri.revision_id AND r.org_id = ri.org_id \
       LEFT JOIN (SELECT revision_id, ",
    count_of!(1), " || ',' || ", count_of!(2), " || ',' || ", count_of!(3), " || ',' || ", count_of!(4), " || ',' || ", count_of!(5),
    " AS counts FROM collab_answers WHERE org_id = $1 AND round_id = $2 GROUP BY revision_id) a ON a.revision_id = ri.revision_id \
       WHERE ri.org_id = $1 AND ri.round_id = $2 \
     UNION ALL \
     SELECT 'comment', comment, '', '', '', '', '', '', '' FROM collab_respondents WHERE org_id = $1 AND round_id = $2 AND comment IS NOT NULL \
     UNION ALL \
     SELECT 'placement', theme, quadrant, '', '', '', '', '', '' FROM collab_matrix WHERE org_id = $1 AND round_id = $2 \
     UNION ALL ",
    point_sql!("point", "$2"),
    " UNION ALL ",
    // The round settled last before this one started (`store::PREVIOUS_SQL`).
    point_sql!(
        "previous",
        "(SELECT r2.id FROM collab_rounds r2 WHERE r2.org_id = $1 AND r2.group_id = $3 AND r2.closed_at IS NOT NULL \
           AND r2.id <> $2 AND r2.closed_at <= $4 ORDER BY r2.closed_at DESC, r2.id DESC LIMIT 1)"
    ),
    " UNION ALL \
     SELECT 'review', point_id, CAST(done AS TEXT), worked, next_step, '', '', '', '' FROM collab_point_reviews \
       WHERE org_id = $1 AND round_id = $2 \
     UNION ALL \
     SELECT 'agenda', CAST(item AS TEXT), COALESCE(started_at, ''), CAST(left_seconds AS TEXT), '', '', '', '', '' FROM collab_agenda \
       WHERE org_id = $1 AND round_id = $2"
);

type Row = (String, String, String, String, String, String, String, String, String);

fn point(r: Row) -> Option<Point> {
    Some(Point {
        id: CollabPointId::from_db(r.1),
        position: r.2.parse().ok()?,
        text: r.3,
        actions: r.4,
        measure: r.5,
        owner_id: (!r.6.is_empty()).then(|| PersonId::from_db(r.6)),
        owner_name: (!r.7.is_empty()).then_some(r.7),
        follow_up_on: domain::input::parse_date(&r.8).ok()?,
    })
}

pub async fn load(db: &Db, org: &OrgId, round: &Round) -> anyhow::Result<MeetingData> {
    let rows: Vec<Row> = sqlx::query_as(SQL)
        .bind(org.as_str())
        .bind(round.id.as_str())
        .bind(round.group_id.as_str())
        .bind(&round.created_at)
        .fetch_all(&db.pool)
        .await?;
    let mut d = MeetingData::default();
    let mut items: Vec<(i64, RoundItem)> = Vec::new();
    for r in rows {
        match r.0.as_str() {
            "member" => d.members.push(Person { id: PersonId::from_db(r.1), name: r.2 }),
            "item" => {
                // Each count of a scale point stands for that many answers.
                for (i, n) in r.7.split(',').enumerate() {
                    let (Ok(n), Some(v)) = (n.parse::<usize>(), ScaleValue::from_db(i as i64 + 1)) else { continue };
                    d.answers.extend(std::iter::repeat_n((r.1.clone(), v), n));
                }
                items.push((
                r.6.parse().unwrap_or(0),
                RoundItem {
                    revision_id: ContentVersionId::from_db(r.1),
                    theme: r.3,
                    text_da: r.4,
                    text_en: r.5,
                },
            ))
            }
            "comment" => d.comments.push(r.1),
            "placement" => {
                if let Some(q) = Quadrant::parse(&r.2) {
                    d.placements.push((r.1, q));
                }
            }
            "point" => d.points.extend(point(r)),
            "previous" => d.previous_points.extend(point(r)),
            "review" => {
                if let (Some(worked), Some(next_step)) = (Worked::parse(&r.3), NextStep::parse(&r.4)) {
                    d.reviews.push((r.1, Review { done: r.2 == "1", worked, next_step }));
                }
            }
            "agenda" => d.agenda = super::agenda::from_columns(&r.1, &r.2, &r.3),
            _ => {}
        }
    }
    d.members.sort_by(|a, b| (&a.name, a.id.as_str()).cmp(&(&b.name, b.id.as_str())));
    items.sort_by_key(|(position, _)| *position);
    d.items = items.into_iter().map(|(_, i)| i).collect();
    d.points.sort_by_key(|p| p.position);
    d.previous_points.sort_by_key(|p| p.position);
    Ok(d)
}
