//! Daily ticks, weekly lines, the history page and the next period.

use super::*;
use crate::both_backends;
use crate::support::app::location;

async fn point(app: &TestApp, person: &PersonId, rhythm: &str) -> String {
    points_of(app, person).await.into_iter().find(|p| p.3 == rhythm).unwrap().0
}

async fn ticks(app: &TestApp, point: &str) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT day, kept FROM check_ins WHERE point_id = $1 ORDER BY day")
        .bind(point)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

both_backends!(a_daily_tick_is_one_tap_from_the_start_page, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let daily = point(&app, &t.mette, "daily").await;
    let (_, start) = mette.page("/").await;
    assert!(start.contains("Har du holdt det i dag?") && start.contains("Mail lukkes kl. 17"));

    let r = mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "yes"), ("back", "/")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/#today");
    let today = app.state.clock.today().to_string();
    assert_eq!(ticks(&app, &daily).await, vec![(today.clone(), 1)]);
    let (_, start) = mette.page("/").await;
    assert!(start.contains("I dag: holdt."));
    // Changing one's mind the same day replaces the answer.
    mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "no"), ("back", "/")]).await;
    assert_eq!(ticks(&app, &daily).await, vec![(today, 0)]);

    // Bad input is refused and changes nothing.
    let yesterday = (app.state.clock.today() - time::Duration::days(1)).to_string();
    let tomorrow = (app.state.clock.today() + time::Duration::days(1)).to_string();
    let old = (app.state.clock.today() - time::Duration::days(8)).to_string();
    for (fields, status) in [
        (vec![("kept", "maybe")], 400),
        (vec![("kept", "yes"), ("day", tomorrow.as_str())], 400),
        (vec![("kept", "yes"), ("day", old.as_str())], 400),
        (vec![("kept", "yes"), ("day", "23/11")], 400),
        // The agreement started today: yesterday is outside its period.
        (vec![("kept", "yes"), ("day", yesterday.as_str())], 404),
    ] {
        let r = mette.post_form(&format!("/dialog/points/{daily}/tick"), &fields).await;
        assert_eq!(r.status(), status, "{fields:?}");
    }
    assert_eq!(ticks(&app, &daily).await.len(), 1);

    // Only one's own daily points: Bo gets 404, a weekly point is not ticked.
    let bo = app.signed_in("bo@aarhus.dk").await;
    assert_eq!(bo.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "yes")]).await.status(), 404);
    let weekly = point(&app, &t.mette, "weekly").await;
    assert_eq!(mette.post_form(&format!("/dialog/points/{weekly}/tick"), &[("kept", "yes")]).await.status(), 404);
    assert_eq!(ticks(&app, &daily).await.len(), 1);
    assert!(ticks(&app, &weekly).await.is_empty());
    assert_eq!(bo.page(&format!("/dialog/points/{daily}")).await.0, 404);
});

both_backends!(ticks_that_arrive_together_are_committed_together_with_their_own_answers, |app: TestApp| async move {
    use ledertrivsel::tools::dialog::ticks::Tick;
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let bo = app.signed_in("bo@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    save_agreement(&bo, ROWS).await;
    let (mine, bos) = (point(&app, &t.mette, "daily").await, point(&app, &t.bo, "daily").await);
    let today = app.state.clock.today();
    let org = t.org.id.clone();
    // 200 taps at once: Mette's and Bo's own (written), Bo on Mette's point and
    // an unknown point (refused). Each gets its own answer from the batch.
    let taps = (0..200).map(|i| {
        let (person, point, expected) = match i % 4 {
            0 => (&t.mette, &mine, true),
            1 => (&t.bo, &bos, true),
            2 => (&t.bo, &mine, false),
            _ => (&t.mette, &bos, false),
        };
        let tick = Tick {
            org: org.clone(),
            person: person.clone(),
            point: domain::ids::PointId::parse(point).unwrap(),
            day: today,
            kept: i % 8 < 4,
            at: app.state.clock.now(),
        };
        let writer = app.state.ticks.clone();
        async move { (writer.write(tick).await.unwrap(), expected) }
    });
    for (written, expected) in futures_util::future::join_all(taps).await {
        assert_eq!(written, expected);
    }
    assert_eq!(ticks(&app, &mine).await.len(), 1);
    assert_eq!(ticks(&app, &bos).await.len(), 1);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM check_ins").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 2, "Bo's tap on Mette's point and the crossed taps wrote nothing");
});

both_backends!(weekly_lines_and_the_history_page, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let weekly = point(&app, &t.mette, "weekly").await;
    let r = mette.post_form(&format!("/dialog/points/{weekly}/week"), &[("note", "Kun én tur")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vælg, om du har holdt aftalen."));
    assert!(ticks(&app, &weekly).await.is_empty());
    let r = mette.post_form(&format!("/dialog/points/{weekly}/week"), &[("kept", "no"), ("note", "Kun én tur")]).await;
    assert_eq!(location(&r), format!("/dialog/points/{weekly}?saved=1"));
    let (_, page) = mette.page(&format!("/dialog/points/{weekly}?saved=1")).await;
    assert!(page.contains("Kun én tur") && page.contains("Ugens linje er gemt."));

    let daily = point(&app, &t.mette, "daily").await;
    mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "yes")]).await;
    let (_, page) = mette.page(&format!("/dialog/points/{daily}")).await;
    assert!(page.contains("<svg") && page.contains("Holdt: 1 dag. Ikke holdt: 0 dage."), "{page}");
    assert!(page.contains("<th scope=\"row\">"), "a table beside the picture");
});

both_backends!(a_new_period_starts_from_the_old_one, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let points = points_of(&app, &t.mette).await;
    mette.post_form("/dialog/agreement/share", &[("point", &points[0].0)]).await;
    // A period that started today cannot end before it began.
    assert_eq!(mette.post_form("/dialog/agreement/next-period", &[]).await.status(), 400);
    // Move the period back three months: it has ended.
    sqlx::query("UPDATE agreements SET starts_on = $1, ends_on = $2 WHERE person_id = $3")
        .bind((app.state.clock.today() - time::Duration::days(95)).to_string())
        .bind((app.state.clock.today() - time::Duration::days(4)).to_string())
        .bind(t.mette.as_str())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let (_, tool) = mette.page("/dialog").await;
    assert!(tool.contains("Perioden er slut.") && tool.contains("Start en ny periode"));
    let r = mette.post_form("/dialog/agreement/next-period", &[]).await;
    assert_eq!(location(&r), "/dialog/agreement?notice=next-period");
    let periods: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT starts_on, ends_on, previous_id FROM agreements WHERE person_id = $1 ORDER BY starts_on")
            .bind(t.mette.as_str())
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[1].0, app.state.clock.today().to_string());
    assert!(periods[1].2.is_some());
    let all = points_of(&app, &t.mette).await;
    assert_eq!(all.len(), 10, "the points are copied into the new period");
    assert_eq!(all.iter().filter(|p| p.4 == 1).count(), 1, "sharing is not copied: it is given anew");
});

both_backends!(the_agreement_downloads_as_a_word_document, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    assert_eq!(mette.get("/dialog/agreement.docx").await.status(), 404, "no agreement yet");
    save_agreement(&mette, ROWS).await;
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "yes")]).await;
    let (status, page) = mette.page("/dialog/agreement/document").await;
    assert_eq!(status, 200);
    assert!(page.contains("Lederaftale – Mette Lund") && page.contains("Mail lukkes kl. 17"));
    let r = mette.get("/dialog/agreement.docx").await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(r.headers()["content-disposition"].to_str().unwrap().contains("lederaftale.docx"));
    let bytes = r.bytes().await.unwrap();
    if let Some(text) = crate::support::office::open_docx(&bytes) {
        for expected in ["Lederaftale – Mette Lund", "Ny struktur i dagtilbud på plads", "Mail lukkes kl. 17", "Flueben hver aften", "Et flueben hver dag", "Markeret som aftalt af lederen"] {
            assert!(text.contains(expected), "{expected} missing in:\n{text}");
        }
    }
    // Only one's own: Karen (nearest leader) gets her own (none), not Mette's.
    let karen = app.signed_in("karen@aarhus.dk").await;
    assert_eq!(karen.get("/dialog/agreement.docx").await.status(), 404);
    let _ = t;
});

both_backends!(the_start_page_asks_for_this_weeks_line, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let (_, start) = mette.page("/").await;
    assert!(start.contains("Skriv ugens linje om din aftale") && start.contains("Gåtur to gange om ugen"));
    let weekly = point(&app, &t.mette, "weekly").await;
    mette.post_form(&format!("/dialog/points/{weekly}/week"), &[("kept", "yes")]).await;
    let (_, start) = mette.page("/").await;
    assert!(!start.contains("Skriv ugens linje om din aftale"));
});

// The day a tick or a weekly line belongs to is Copenhagen's, set on purpose
// through the application's clock: one second before and at midnight, on
// the night summer time begins (Sunday 29 March 2026, when Copenhagen is
// two hours ahead of UTC from 01:00 UTC).
both_backends!(a_tick_and_a_weekly_line_belong_to_copenhagens_day_at_midnight, |app: TestApp| async move {
    use time::macros::datetime;
    app.state.clock.set(datetime!(2026-03-25 10:00 UTC));
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let (daily, weekly) = (point(&app, &t.mette, "daily").await, point(&app, &t.mette, "weekly").await);
    let lines = |app: &TestApp, point: String| {
        let pool = app.state.db.pool.clone();
        async move {
            let rows: Vec<(String, i64)> = sqlx::query_as("SELECT day, kept FROM check_ins WHERE point_id = $1 ORDER BY day")
                .bind(point)
                .fetch_all(&pool)
                .await
                .unwrap();
            rows
        }
    };

    // Sunday 23:59:59 in Copenhagen is 21:59:59 UTC.
    app.state.clock.set(datetime!(2026-03-29 21:59:59 UTC));
    assert_eq!(mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "yes")]).await.status(), 303);
    assert_eq!(mette.post_form(&format!("/dialog/points/{weekly}/week"), &[("kept", "yes"), ("note", "")]).await.status(), 303);
    // The next day has not begun: it cannot be ticked yet.
    let r = mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "yes"), ("day", "2026-03-30")]).await;
    assert_eq!(r.status(), 400);

    // One second later it is Monday.
    app.state.clock.advance(time::Duration::seconds(1));
    assert_eq!(mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "no")]).await.status(), 303);
    assert_eq!(mette.post_form(&format!("/dialog/points/{weekly}/week"), &[("kept", "no"), ("note", "")]).await.status(), 303);

    assert_eq!(lines(&app, daily.clone()).await, vec![("2026-03-29".to_string(), 1), ("2026-03-30".to_string(), 0)]);
    // A weekly line is kept on its week's Monday: the week of the 23rd, then of the 30th.
    assert_eq!(lines(&app, weekly).await, vec![("2026-03-23".to_string(), 1), ("2026-03-30".to_string(), 0)]);
    let (_, start) = mette.page("/").await;
    assert!(start.contains("I dag: ikke holdt."), "Monday's own tick shows on Monday's start page");
});
