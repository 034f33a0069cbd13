//! Skema 1: each leader's colours and keywords per theme, saved as typed,
//! and handing them in so they count in the group's picture.

use super::Refused;
use crate::storage::Db;
use domain::apv::{Colour, Mark};
use domain::ids::{ApvRoundId, OrgId, PersonId};
use sqlx::AnyConnection;
use std::collections::HashMap;

type MarkRow = (String, Option<String>, Option<String>, Option<String>);

fn to_mark((_, red, yellow, green): &MarkRow) -> Mark {
    Mark { colours: [red.clone(), yellow.clone(), green.clone()] }
}

/// My own Skema 1, by theme revision id. Whether I handed it in comes
/// with the round (`Round::i_submitted`).
pub async fn my_marks(db: &Db, org: &OrgId, round: &ApvRoundId, me: &PersonId) -> anyhow::Result<HashMap<String, Mark>> {
    let rows: Vec<MarkRow> = sqlx::query_as(
        "SELECT revision_id, red, yellow, green FROM apv_answers WHERE org_id = $1 AND round_id = $2 AND person_id = $3",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .bind(me.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(|r| (r.0.clone(), to_mark(r))).collect())
}

/// True when the round is open: answers change only then.
async fn is_open(conn: &mut AnyConnection, org: &OrgId, round: &ApvRoundId) -> anyhow::Result<bool> {
    let open: Option<(String,)> = sqlx::query_as("SELECT id FROM apv_rounds WHERE org_id = $1 AND id = $2 AND closed_at IS NULL")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(open.is_some())
}

/// Writes one theme of a leader's Skema 1 (deletes the row when nothing is marked).
pub async fn put_mark(conn: &mut AnyConnection, org: &OrgId, round: &ApvRoundId, me: &PersonId, rev: &str, mark: &Mark, now: time::OffsetDateTime) -> anyhow::Result<()> {
    if mark.is_empty() {
        sqlx::query("DELETE FROM apv_answers WHERE org_id = $1 AND round_id = $2 AND person_id = $3 AND revision_id = $4")
            .bind(org.as_str())
            .bind(round.as_str())
            .bind(me.as_str())
            .bind(rev)
            .execute(&mut *conn)
            .await?;
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO apv_answers (round_id, person_id, revision_id, org_id, red, yellow, green, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (round_id, person_id, revision_id) DO UPDATE SET \
           red = excluded.red, yellow = excluded.yellow, green = excluded.green, updated_at = excluded.updated_at",
    )
    .bind(round.as_str())
    .bind(me.as_str())
    .bind(rev)
    .bind(org.as_str())
    .bind(mark.get(Colour::Red))
    .bind(mark.get(Colour::Yellow))
    .bind(mark.get(Colour::Green))
    .bind(crate::storage::to_text(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Themes written by one statement of `write_answers`.
const SLOTS: usize = 16;

/// One slot of `insert_marks_sql`: theme revision, red, yellow, green.
macro_rules! slot {
    ($r:literal, $y:literal, $g:literal, $t:literal) => {
        concat!("SELECT $", $t, " AS rev, $", $r, " AS red, $", $y, " AS yellow, $", $g, " AS green")
    };
}

/// Inserts up to 16 themes of one leader's Skema 1 ($1 round, $2 person,
/// $3 org, $4 time, then four parameters per slot; an unused slot is NULL).
macro_rules! insert_marks_sql {
    () => {
        concat!(
            "INSERT INTO apv_answers (round_id, person_id, revision_id, org_id, red, yellow, green, updated_at) \
             SELECT $1, $2, v.rev, $3, v.red, v.yellow, v.green, $4 FROM (",
            slot!(6, 7, 8, 5), " UNION ALL ", slot!(10, 11, 12, 9), " UNION ALL ",
            slot!(14, 15, 16, 13), " UNION ALL ", slot!(18, 19, 20, 17), " UNION ALL ",
            slot!(22, 23, 24, 21), " UNION ALL ", slot!(26, 27, 28, 25), " UNION ALL ",
            slot!(30, 31, 32, 29), " UNION ALL ", slot!(34, 35, 36, 33), " UNION ALL ",
            slot!(38, 39, 40, 37), " UNION ALL ", slot!(42, 43, 44, 41), " UNION ALL ",
            slot!(46, 47, 48, 45), " UNION ALL ", slot!(50, 51, 52, 49), " UNION ALL ",
            slot!(54, 55, 56, 53), " UNION ALL ", slot!(58, 59, 60, 57), " UNION ALL ",
            slot!(62, 63, 64, 61), " UNION ALL ", slot!(66, 67, 68, 65),
            ") v JOIN apv_round_themes t ON t.round_id = $1 AND t.org_id = $3 AND t.revision_id = v.rev"
        )
    };
}

/// Saves my whole Skema 1 (`marks` by theme revision; themes not named are
/// cleared), and hands it in when `submit`, inside the caller's transaction
/// (the group-commit writer in `apv::hand_in`).
pub async fn write_answers(
    conn: &mut AnyConnection,
    org: &OrgId,
    round: &ApvRoundId,
    me: &PersonId,
    marks: &[(String, Mark)],
    submit: bool,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    // Write first (see `storage::group_commit`); nothing once the group has
    // seen its picture. The delete clears my answers only while the round
    // is open, so a closed round is left as it was.
    if !crate::tools::promise::hold_for_answer(conn, org, round.as_str()).await? {
        return Ok(Err(Refused::Revealed));
    }
    sqlx::query(
        "DELETE FROM apv_answers WHERE org_id = $1 AND round_id = $2 AND person_id = $3 \
           AND EXISTS (SELECT 1 FROM apv_rounds r WHERE r.org_id = $1 AND r.id = $2 AND r.closed_at IS NULL)",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .bind(me.as_str())
    .execute(&mut *conn)
    .await?;
    if !is_open(conn, org, round).await? {
        return Ok(Err(Refused::Closed));
    }
    // Up to SLOTS themes per statement (a round asks 13): one round trip
    // instead of one per theme. Themes the round does not ask are dropped by
    // the join, so a forged field name writes nothing.
    let now = crate::storage::to_text(now);
    for chunk in marks.chunks(SLOTS) {
        let mut q = sqlx::query(insert_marks_sql!()).bind(round.as_str()).bind(me.as_str()).bind(org.as_str()).bind(&now);
        for slot in 0..SLOTS {
            let (rev, mark) = chunk.get(slot).map_or((None, None), |(r, m)| (Some(r.as_str()), Some(m)));
            q = q.bind(rev);
            for colour in Colour::ALL {
                q = q.bind(mark.and_then(|m| m.get(colour)));
            }
        }
        q.execute(&mut *conn).await?;
    }
    if submit {
        sqlx::query(
            "INSERT INTO apv_respondents (round_id, person_id, org_id, submitted_at, unit_id) \
             SELECT $1, $2, $3, $4, p.unit_id FROM persons p WHERE p.id = $2 AND p.org_id = $3 \
             ON CONFLICT (round_id, person_id) DO NOTHING",
        )
        .bind(round.as_str())
        .bind(me.as_str())
        .bind(org.as_str())
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(Ok(()))
}

/// Saves one theme of my Skema 1 as I type (the page's script sends a
/// theme whenever one of its fields changes).
pub async fn save_theme(db: &Db, org: &OrgId, round: &ApvRoundId, me: &PersonId, rev: &str, mark: &Mark, now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    if !crate::tools::promise::hold_for_answer(&mut tx, org, round.as_str()).await? {
        return Ok(Err(Refused::Revealed));
    }
    if !is_open(&mut tx, org, round).await? {
        return Ok(Err(Refused::Closed));
    }
    put_mark(&mut tx, org, round, me, rev, mark, now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The handed-in answers of the group, `(theme revision, mark)`, with no
/// person attached: what the picture is built from.
pub async fn handed_in(db: &Db, org: &OrgId, round: &ApvRoundId) -> anyhow::Result<Vec<(String, Mark)>> {
    let rows: Vec<MarkRow> = sqlx::query_as(
        "SELECT a.revision_id, a.red, a.yellow, a.green FROM apv_answers a \
         JOIN apv_respondents s ON s.round_id = a.round_id AND s.person_id = a.person_id AND s.org_id = a.org_id \
         WHERE a.org_id = $1 AND a.round_id = $2",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(|r| (r.0.clone(), to_mark(r))).collect())
}
