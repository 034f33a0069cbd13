//! Issue 17, item 3: "Indgå aftalen" asks before it settles (a dialog with
//! JavaScript, the question as a page without), and the group's leader may
//! open the agreement again while nobody has acted on it
//! (`domain::collab::reopen`): within a day, not while shared with HR, not
//! once a point is lifted, not once the next round has begun.

use super::*;
use crate::both_backends;
use time::{Duration, OffsetDateTime};

async fn open_rounds(app: &TestApp, round: &str) -> i64 {
    count(app, "SELECT COUNT(*) FROM collab_rounds WHERE id = $1 AND closed_at IS NULL", round).await
}

both_backends!(settling_asks_first_and_the_leader_may_reopen_while_nobody_acted, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let settle = format!("/collab/rounds/{round}/settle");
    let reopen = format!("/collab/rounds/{round}/reopen");

    // The meeting page holds the question as a closed dialog.
    let (_, body) = lis.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert!(body.contains("<dialog id=\"ask-settle\"") && body.contains("data-ask=\"ask-settle\""), "{body}");
    assert!(!carl.page(&format!("/collab/rounds/{round}/meeting")).await.1.contains("ask-settle"), "members do not settle");

    // Nothing saved yet: the question cannot be answered with an empty agreement.
    assert_eq!(lis.post_form(&settle, &[]).await.status(), 400);
    assert_eq!(open_rounds(&app, &round).await, 1);

    // Without JavaScript: the button saves, then asks on a page of its own.
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let fields = [("text-1", "Vi deler beslutninger samme dag"), ("owner-1", n.anna.as_str()), ("follow_up_on-1", follow.as_str()), ("settle", "1")];
    let r = lis.post_form(&format!("/collab/rounds/{round}/agreement"), &fields).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, settle.clone()));
    assert_eq!(open_rounds(&app, &round).await, 1, "saved, not settled");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_points WHERE round_id = $1", &round).await, 1);
    let (status, body) = lis.page(&settle).await;
    assert_eq!(status, 200);
    assert!(body.contains("Indgå gruppeaftalen?") && body.contains("Ja, indgå aftalen") && body.contains(&format!("/collab/rounds/{round}/meeting#agreement")), "{body}");
    assert_eq!(carl.page(&settle).await.0, 403);
    assert_eq!(carl.post_form(&settle, &[]).await.status(), 403);
    assert_eq!(open_rounds(&app, &round).await, 1);

    // The answer settles; at first the group's leader is offered the undo.
    confirm_settle(&lis, &round).await;
    assert_eq!(open_rounds(&app, &round).await, 0);
    let (_, body) = lis.page(&format!("/collab/rounds/{round}")).await;
    assert!(body.contains("Genåbn aftalen") && body.contains("så længe den ikke er delt med HR"), "{body}");
    assert!(!carl.page(&format!("/collab/rounds/{round}")).await.1.contains("Genåbn aftalen"));
    assert_eq!(carl.post_form(&reopen, &[]).await.status(), 403);
    assert_eq!(lis.page(&settle).await.0, 400, "nothing left to ask");

    let r = lis.post_form(&reopen, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/collab/rounds/{round}/meeting?notice=reopened#agreement"));
    assert_eq!(open_rounds(&app, &round).await, 1);
    assert!(lis.page(&format!("/collab/rounds/{round}/meeting?notice=reopened")).await.1.contains("Aftalen er genåbnet"));
    assert_eq!(lis.post_form(&reopen, &[]).await.status(), 400, "an open agreement is not reopened");
    // Reopened, the agreement may change but the picture others have seen
    // may not: no answer is taken any more.
    let revs: Vec<(String,)> = sqlx::query_as("SELECT revision_id FROM collab_round_items WHERE round_id = $1")
        .bind(&round)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let names: Vec<String> = revs.iter().map(|(rev,)| format!("a-{rev}")).collect();
    let mut form: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "4")).collect();
    form.push(("comment", "Nu vil jeg også svare"));
    let answers = count(&app, "SELECT COUNT(*) FROM collab_answers WHERE round_id = $1", &round).await;
    let r = carl.post_form(&format!("/collab/rounds/{round}/checklist"), &form).await;
    assert_eq!(r.status(), 409, "an answer after the round was settled and reopened");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_answers WHERE round_id = $1", &round).await, answers);

    // Shared with HR: HR may have used it, so it stays settled.
    confirm_settle(&lis, &round).await;
    assert_eq!(lis.post_form(&format!("/collab/rounds/{round}/share"), &[("shared", "1")]).await.status(), 303);
    let r = lis.post_form(&reopen, &[]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("mens den er delt med HR"));
    assert!(lis.page(&format!("/collab/rounds/{round}")).await.1.contains("mens den er delt med HR"), "the round page says why");
    assert_eq!(open_rounds(&app, &round).await, 0);
    assert_eq!(lis.post_form(&format!("/collab/rounds/{round}/share"), &[("shared", "0")]).await.status(), 303);

    // A point lifted to the organisation: HR answers the point as it stands.
    let (point,): (String,) = sqlx::query_as("SELECT id FROM collab_points WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let lift = [("point", point.as_str()), ("text", "Vi beder om fælles beslutningsreferater"), ("attributed", "no")];
    assert_eq!(lis.post_form(&format!("/collab/rounds/{round}/lift"), &lift).await.status(), 303);
    let r = lis.post_form(&reopen, &[]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("løftet til organisationen"));
    assert_eq!(open_rounds(&app, &round).await, 0);
    let _ = n.carl;
});

both_backends!(a_settled_agreement_stays_settled_after_a_day_and_once_followed_up, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let fields = [("text-1", "Vi deler beslutninger samme dag"), ("owner-1", n.anna.as_str()), ("follow_up_on-1", follow.as_str())];
    let round = planned(&lis, &n.group).await;
    assert_eq!(lis.post_form(&format!("/collab/rounds/{round}/agreement"), &fields).await.status(), 303);
    confirm_settle(&lis, &round).await;

    // A day after: too late, and no longer offered.
    let day_ago = ledertrivsel::storage::to_text(OffsetDateTime::now_utc() - Duration::hours(24) - Duration::minutes(1));
    sqlx::query("UPDATE collab_rounds SET closed_at = $1 WHERE id = $2").bind(&day_ago).bind(&round).execute(&app.state.db.pool).await.unwrap();
    let r = lis.post_form(&format!("/collab/rounds/{round}/reopen"), &[]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("det første døgn"));
    assert!(!lis.page(&format!("/collab/rounds/{round}")).await.1.contains("Genåbn aftalen"));

    // Within the day, but the group has started the round that follows it up.
    let just_now = ledertrivsel::storage::to_text(OffsetDateTime::now_utc() - Duration::minutes(5));
    sqlx::query("UPDATE collab_rounds SET closed_at = $1 WHERE id = $2").bind(&just_now).bind(&round).execute(&app.state.db.pool).await.unwrap();
    let next = planned(&lis, &n.group).await;
    let r = lis.post_form(&format!("/collab/rounds/{round}/reopen"), &[]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("næste forløb"));
    assert_eq!(open_rounds(&app, &round).await, 0);
    assert_eq!(open_rounds(&app, &next).await, 1);
    let _ = n.carl;
});
