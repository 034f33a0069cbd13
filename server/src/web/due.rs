//! What is due for one person across the tools, asked in one query: intro
//! rounds to answer, intro next steps I own, APV rounds where my Skema 1 is
//! missing, Tool 2 checklists to fill in and group agreement points I own
//! with a follow-up ahead, lifted points waiting in the groups I lead, for HR those
//! waiting at the organisation, how many report to me, and whether a
//! comment on my agreement waits for my answer. The start page
//! used to ask these as four questions; on SQLite every question is a
//! hand-off to a worker thread, so one round trip instead of four is what
//! the page's throughput is made of (docs/performance.md).

use crate::storage::Db;
use domain::ids::{ApvRoundId, CollabRoundId, GroupId, IntroRunId, OrgId, PersonId};
use domain::intro::NextTool;

/// Everything due, each list in the order the start page shows it.
#[derive(Debug, Default)]
pub struct Due {
    /// Open intro rounds in my groups I have not answered: (run, group, started), oldest first.
    pub intro_answers: Vec<(IntroRunId, String, String)>,
    /// Next steps I am responsible for: (run, group, tool, due date), soonest first.
    pub intro_steps: Vec<(IntroRunId, String, NextTool, time::Date)>,
    /// Open APV rounds in my groups without my Skema 1: (round, group, deadline), oldest first.
    pub apv_answers: Vec<(ApvRoundId, String, Option<time::Date>)>,
    /// Open Tool 2 rounds in my groups without my checklist: (round, group, meeting), soonest meeting first.
    pub collab_answers: Vec<(CollabRoundId, String, String)>,
    /// Points of settled group agreements I own, not yet followed up, due
    /// within two weeks (or overdue): (round, group, point, date), soonest first.
    pub collab_points: Vec<(CollabRoundId, String, String, time::Date)>,
    /// Groups I lead with open lifted points: (group, name, how many), by name.
    pub inboxes: Vec<(GroupId, String, i64)>,
    /// Open lifted points at the organisation, asked for HR only.
    pub at_org: i64,
    /// People whose nearest leader I am.
    pub reports: i64,
    /// The newest comment on my current agreement is someone else's: my turn to answer.
    pub comment_waits: bool,
}

/// A member of a group, or its leader: `$2` in the group `g`.
macro_rules! in_group {
    () => {
        "(g.group_leader_id = $2 OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.person_id = $2))"
    };
}

/// One of the readers round `r` promised when it started (`tools::promise`),
/// who alone may answer it, and only until the group has seen its picture.
macro_rules! reads_round {
    () => {
        " AND EXISTS (SELECT 1 FROM round_readers rr WHERE rr.round_id = r.id AND rr.org_id = r.org_id AND rr.person_id = $2) \
          AND NOT EXISTS (SELECT 1 FROM round_promises rp WHERE rp.round_id = r.id AND rp.org_id = r.org_id AND rp.revealed_at IS NOT NULL)"
    };
}

const DUE_SQL: &str = concat!(
    "SELECT 'intro-answer', r.id, g.name, r.created_at, '' FROM intro_runs r \
     JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
     WHERE r.org_id = $1 AND r.closed_at IS NULL AND ",
    in_group!(),
    reads_round!(),
    " AND NOT EXISTS (SELECT 1 FROM intro_respondents x WHERE x.run_id = r.id AND x.person_id = $2) \
     UNION ALL \
     SELECT 'intro-step', d.run_id, g.name, d.due_date, d.next_tool FROM intro_decisions d \
     JOIN intro_runs r ON r.id = d.run_id AND r.org_id = d.org_id \
     JOIN leader_groups g ON g.id = r.group_id AND g.org_id = d.org_id \
     WHERE d.org_id = $1 AND d.owner_person_id = $2 \
     UNION ALL \
     SELECT 'apv-answer', r.id, g.name, r.created_at, COALESCE(r.deadline, '') FROM apv_rounds r \
     JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
     WHERE r.org_id = $1 AND r.closed_at IS NULL AND ",
    in_group!(),
    reads_round!(),
    " AND NOT EXISTS (SELECT 1 FROM apv_respondents x WHERE x.round_id = r.id AND x.person_id = $2) \
     UNION ALL \
     SELECT 'collab-answer', r.id, g.name, r.meeting_at, '' FROM collab_rounds r \
     JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
     WHERE r.org_id = $1 AND r.closed_at IS NULL AND ",
    in_group!(),
    reads_round!(),
    " AND NOT EXISTS (SELECT 1 FROM collab_respondents x WHERE x.round_id = r.id AND x.person_id = $2) \
     UNION ALL \
     SELECT 'collab-point', r.id, g.name, c.follow_up_on, c.text FROM collab_points c \
     JOIN collab_rounds r ON r.id = c.round_id AND r.org_id = c.org_id AND r.closed_at IS NOT NULL \
     JOIN leader_groups g ON g.id = r.group_id AND g.org_id = c.org_id \
     WHERE c.org_id = $1 AND c.owner_person_id = $2 AND c.follow_up_on <= $5 \
       AND NOT EXISTS (SELECT 1 FROM collab_point_reviews v WHERE v.point_id = c.id) \
     UNION ALL \
     SELECT 'inbox', g.id, g.name, '', CAST(COUNT(*) AS TEXT) FROM lifts l \
     JOIN leader_groups g ON g.id = l.to_group_id AND g.org_id = l.org_id \
     WHERE l.org_id = $1 AND l.to_level = 'group' AND l.status = 'open' AND g.group_leader_id = $2 \
     GROUP BY g.id, g.name \
     UNION ALL \
     SELECT 'org-inbox', '', '', '', CAST(COUNT(*) AS TEXT) FROM lifts \
     WHERE org_id = $1 AND to_level = 'organisation' AND status = 'open' AND $3 = 1 \
     UNION ALL \
     SELECT 'reports', '', '', '', CAST(COUNT(*) AS TEXT) FROM persons WHERE org_id = $1 AND nearest_leader_id = $2 \
     UNION ALL \
     SELECT 'last-comment', '', '', '', COALESCE((SELECT c.author_id FROM agreement_comments c \
       JOIN agreements a ON a.id = c.agreement_id AND a.org_id = c.org_id \
       WHERE a.org_id = $1 AND a.person_id = $2 AND a.starts_on <= $4 AND a.ends_on >= $4 \
       ORDER BY c.id DESC LIMIT 1), '')"
);

/// `hr`: also count what waits in the organisation's inbox; `today` picks
/// the current agreement for the comment question.
pub async fn due_for(db: &Db, org: &OrgId, person: &PersonId, hr: bool, today: time::Date) -> anyhow::Result<Due> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(DUE_SQL)
        .bind(org.as_str())
        .bind(person.as_str())
        .bind(i64::from(hr))
        .bind(crate::tools::dialog::store::date_text(today))
        .bind(crate::tools::dialog::store::date_text(today + time::Duration::days(14)))
        .fetch_all(&db.pool)
        .await?;
    let mut due = Due::default();
    let date = |s: &str| domain::input::parse_date(s).ok();
    let mut apv: Vec<(String, ApvRoundId, String, Option<time::Date>)> = Vec::new();
    for (kind, id, name, at, extra) in rows {
        match kind.as_str() {
            "intro-answer" => due.intro_answers.push((IntroRunId::from_db(id), name, at)),
            "intro-step" => {
                if let (Ok(tool), Some(on)) = (NextTool::parse(&extra), date(&at)) {
                    due.intro_steps.push((IntroRunId::from_db(id), name, tool, on));
                }
            }
            "apv-answer" => apv.push((at, ApvRoundId::from_db(id), name, date(&extra))),
            "collab-answer" => due.collab_answers.push((CollabRoundId::from_db(id), name, at)),
            "collab-point" => {
                if let Some(on) = date(&at) {
                    due.collab_points.push((CollabRoundId::from_db(id), name, extra, on));
                }
            }
            "inbox" => due.inboxes.push((GroupId::from_db(id), name, extra.parse().unwrap_or(0))),
            "org-inbox" => due.at_org = extra.parse().unwrap_or(0),
            "reports" => due.reports = extra.parse().unwrap_or(0),
            "last-comment" => due.comment_waits = !extra.is_empty() && extra != person.as_str(),
            _ => {}
        }
    }
    due.intro_answers.sort_by(|a, b| a.2.cmp(&b.2));
    due.intro_steps.sort_by(|a, b| (a.3, &a.1).cmp(&(b.3, &b.1)));
    apv.sort_by(|a, b| a.0.cmp(&b.0));
    due.apv_answers = apv.into_iter().map(|(_, id, name, deadline)| (id, name, deadline)).collect();
    due.inboxes.sort_by(|a, b| a.1.cmp(&b.1));
    due.collab_answers.sort_by(|a, b| a.2.cmp(&b.2));
    due.collab_points.sort_by(|a, b| (a.3, &a.1).cmp(&(b.3, &b.1)));
    Ok(due)
}
