//! A point of the settled group agreement goes up to the organisation:
//! the group's leader sends it, HR answers in the organisation's inbox, and
//! the whole group reads the answer under the point.

use super::*;
use crate::both_backends;

both_backends!(a_settled_point_goes_up_and_the_answer_comes_back, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let point_text = "Vi har brug for en fælles vikarpulje på tværs af områderne";
    let agreement = format!("/collab/rounds/{round}/agreement");
    let r = lis.post_form(&agreement, &[("text-1", point_text), ("owner-1", n.lis.as_str()), ("follow_up_on-1", &follow)]).await;
    assert_eq!(r.status(), 303);
    let (point,): (String,) = sqlx::query_as("SELECT id FROM collab_points WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let lift = format!("/collab/rounds/{round}/lift");
    let text = "Ledergruppe Nord beder om en fælles vikarpulje";
    // Not before the agreement is settled: the point may still change.
    assert_eq!(lis.post_form(&lift, &[("point", &point), ("text", text), ("attributed", "no")]).await.status(), 400);
    let r = lis.post_form(&agreement, &[("text-1", point_text), ("owner-1", n.lis.as_str()), ("follow_up_on-1", &follow), ("settle", "1")]).await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&lis, &round).await;

    // Refused without the choice of name, by a member, or for a point of no agreement here.
    let r = lis.post_form(&lift, &[("point", &point), ("text", text)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(text), "the text comes back as typed");
    assert_eq!(carl.post_form(&lift, &[("point", &point), ("text", text), ("attributed", "no")]).await.status(), 403);
    assert_eq!(lis.post_form(&lift, &[("point", &round), ("text", text), ("attributed", "no")]).await.status(), 400);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM lifts WHERE org_id = $1", n.org.id.as_str()).await, 0);
    assert_eq!(lis.post_form(&lift, &[("point", &point), ("text", text), ("attributed", "no")]).await.status(), 303);
    assert_eq!(lis.post_form(&lift, &[("point", &point), ("text", text), ("attributed", "no")]).await.status(), 422, "sent once");

    // HR reads it in the organisation's inbox, from the group, without Lis's name.
    let hr = app.signed_in("hr@randers.dk").await;
    let (_, inbox) = hr.page("/admin/inbox").await;
    assert!(inbox.contains(text) && inbox.contains("Fra gruppeaftalen i Ledergruppe Nord") && !inbox.contains("Lis Leder"), "{inbox}");
    let (id,): (String,) = sqlx::query_as("SELECT id FROM lifts WHERE source_kind = 'collab_point'").fetch_one(&app.state.db.pool).await.unwrap();
    let answer = "Vi tager vikarpuljen med i planen for ledertrivsel";
    assert_eq!(hr.post_form(&format!("/admin/inbox/{id}/answer"), &[("status", "taken"), ("answer", answer)]).await.status(), 303);

    // The whole group reads the answer under the point.
    let (_, body) = carl.page(&format!("/collab/rounds/{round}")).await;
    assert!(body.contains(text) && body.contains(answer), "{body}");
    assert!(!body.contains(&format!("action=\"{lift}\"")), "only the group's leader sends");
    let _ = (n.anna, n.carl);
});
