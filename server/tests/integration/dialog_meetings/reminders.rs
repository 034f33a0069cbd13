//! Reminders: a day before a dialog (to both), on Fridays for a missing
//! weekly line, a week before a period ends; each sent once however often
//! and on however many servers the reminders run, in the person's language.

use super::*;
use crate::both_backends;
use ledertrivsel::reminders::{run_once, Sent};
use time::Duration;

fn only(dialogs: usize, weekly: usize, period_ends: usize) -> Sent {
    Sent { dialogs, weekly, period_ends, ..Sent::default() }
}

fn reminders(app: &TestApp, who: &str, subject: &str) -> usize {
    outbox(&app.data_dir, who).iter().filter(|m| m.subject.starts_with(subject)).count()
}

both_backends!(a_dialog_reminder_goes_to_both_a_day_before_and_once, |app: TestApp| async move {
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let id = booked(&mette).await;
    let (_, _, starts) = slot(3, 10, 0);
    assert_eq!(run_once(&app.state, starts - Duration::hours(30)).await.unwrap(), only(0, 0, 0), "too early");
    assert_eq!(run_once(&app.state, starts - Duration::hours(23)).await.unwrap(), only(1, 0, 0));
    assert_eq!(run_once(&app.state, starts - Duration::hours(22)).await.unwrap(), only(0, 0, 0), "sent already");
    for who in ["mette@aarhus.dk", "karen@aarhus.dk"] {
        let mails: Vec<_> = outbox(&app.data_dir, who).into_iter().filter(|m| m.subject.starts_with("Påmindelse: dialog med")).collect();
        assert_eq!(mails.len(), 1, "{who}");
        assert!(mails[0].body.contains(app.state.shipped.dialog.da.invite.preparation[0].as_str()));
        assert!(mails[0].body.contains(&format!("/dialog/meetings/{id}")));
    }
    assert!(outbox(&app.data_dir, "karen@aarhus.dk").iter().any(|m| m.subject.contains("med Mette Lund")));

    // Moved to a new time: a reminder for the new time.
    let (date, time, moved) = slot(6, 9, 0);
    mette.post_form(&format!("/dialog/meetings/{id}/reschedule"), &[("date", &date), ("time", &time), ("minutes", "45")]).await;
    assert_eq!(run_once(&app.state, moved - Duration::hours(2)).await.unwrap(), only(1, 0, 0));
    assert_eq!(reminders(&app, "karen@aarhus.dk", "Påmindelse: dialog med"), 2);
    // Cancelled: no reminder, and nothing after it has started.
    mette.post_form(&format!("/dialog/meetings/{id}/cancel"), &[]).await;
    sqlx::query("DELETE FROM reminders_sent").execute(&app.state.db.pool).await.unwrap();
    assert_eq!(run_once(&app.state, moved - Duration::hours(2)).await.unwrap(), only(0, 0, 0));
});

/// A Friday at 10:00 Copenhagen time, fixed so the test takes the same path
/// on every day it runs; the agreements are moved to run over it.
async fn a_friday(app: &TestApp) -> (time::Date, time::OffsetDateTime) {
    let day = time::macros::date!(2030 - 01 - 11);
    assert_eq!(day.weekday(), time::Weekday::Friday);
    sqlx::query("UPDATE agreements SET starts_on = '2030-01-01', ends_on = '2030-03-31'").execute(&app.state.db.pool).await.unwrap();
    let at_ten = time::PrimitiveDateTime::new(day, time::macros::time!(10:00)).assume_timezone(timezones::db::europe::COPENHAGEN).take_first().unwrap();
    (day, at_ten)
}

both_backends!(weekly_lines_are_asked_for_on_fridays_once, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let (day, at_ten) = a_friday(&app).await;
    assert_eq!(run_once(&app.state, at_ten - Duration::days(1)).await.unwrap(), only(0, 0, 0), "Thursday");
    assert_eq!(run_once(&app.state, at_ten - Duration::hours(3)).await.unwrap(), only(0, 0, 0), "Friday at seven");
    assert_eq!(run_once(&app.state, at_ten).await.unwrap(), only(0, 1, 0));
    assert_eq!(run_once(&app.state, at_ten + Duration::hours(2)).await.unwrap(), only(0, 0, 0));
    let mails: Vec<_> = outbox(&app.data_dir, "mette@aarhus.dk").into_iter().filter(|m| m.subject == "Skriv ugens linje om din lederaftale").collect();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body.contains("Gåtur to gange om ugen") && !mails[0].body.contains("Mail lukkes kl. 17"), "{}", mails[0].body);
    assert!(outbox(&app.data_dir, "bo@aarhus.dk").is_empty(), "Bo has no weekly point");

    // The next Friday, with the week's line written: nothing to ask for.
    let next_monday = domain::agreement::week_start(day + Duration::days(7));
    sqlx::query(
        "INSERT INTO check_ins (point_id, day, org_id, person_id, kept, note, updated_at) \
         SELECT id, $1, org_id, person_id, 1, '', $2 FROM agreement_points WHERE person_id = $3 AND rhythm = 'weekly'",
    )
    .bind(next_monday.to_string())
    .bind(app.state.clock.now_text())
    .bind(t.mette.as_str())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(run_once(&app.state, at_ten + Duration::days(7)).await.unwrap(), only(0, 0, 0));
});

both_backends!(a_period_ending_is_announced_a_week_ahead_in_the_leaders_language, |app: TestApp| async move {
    let t = team(&app).await;
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE email = 'bo@aarhus.dk'").execute(&app.state.db.pool).await.unwrap();
    for who in ["mette@aarhus.dk", "bo@aarhus.dk"] {
        save_agreement(&app.signed_in(who).await, &ROWS[..1]).await;
    }
    let today = app.state.clock.today();
    let now = slot(0, 12, 0).2;
    assert_eq!(run_once(&app.state, now).await.unwrap(), only(0, 0, 0), "three months left");
    sqlx::query("UPDATE agreements SET ends_on = $1")
        .bind((today + Duration::days(5)).to_string())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(run_once(&app.state, now).await.unwrap(), only(0, 0, 2));
    assert_eq!(run_once(&app.state, now + Duration::days(1)).await.unwrap(), only(0, 0, 0));
    assert_eq!(reminders(&app, "mette@aarhus.dk", "Din lederaftale slutter"), 1);
    assert_eq!(reminders(&app, "bo@aarhus.dk", "Your leader agreement ends on"), 1);

    // Once the next period has started, the old one's end is not announced.
    sqlx::query("DELETE FROM reminders_sent").execute(&app.state.db.pool).await.unwrap();
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    let current = ledertrivsel::tools::dialog::store::current(&app.state.db, &t.org.id, &t.mette).await.unwrap().unwrap();
    let next = current.period.next(today);
    ledertrivsel::tools::dialog::store::start(&mut conn, &t.org.id, &t.mette, next, Some(&current.id), app.state.clock.now()).await.unwrap();
    drop(conn);
    assert_eq!(run_once(&app.state, now).await.unwrap(), only(0, 0, 1), "only Bo's");
});

/// Two app servers on one PostgreSQL database running the reminders at the
/// same moment send each reminder once between them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_send_each_reminder_once() {
    let Some(app) = TestApp::spawn(crate::support::Backend::Postgres).await else {
        eprintln!("PostgreSQL variant not run: LEDERTRIVSEL_TEST_POSTGRES is not set");
        return;
    };
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    booked(&mette).await;
    let dir = tempfile::tempdir().unwrap();
    let other = ledertrivsel::startup::Application::build(&ledertrivsel::config::ServeArgs {
        listen: "127.0.0.1:0".parse().unwrap(),
        db: ledertrivsel::config::DbArgs { data_dir: dir.path().to_path_buf(), database_url: Some(app.database_url.clone()) },
        public_url: Some("http://test.invalid".into()),
        smtp_url: None,
        mail_from: "Ledertrivsel <no-reply@test.invalid>".into(),
        reminder_every: 300,
        metrics_token: None,
        client_ip_header: None,
    })
    .await
    .unwrap();
    let at = slot(3, 10, 0).2 - Duration::hours(12);
    let (a, b) = tokio::join!(run_once(&app.state, at), run_once(&other.state, at));
    assert_eq!(a.unwrap().dialogs + b.unwrap().dialogs, 1);
    for who in ["mette@aarhus.dk", "karen@aarhus.dk"] {
        let here = outbox(&app.data_dir, who).iter().filter(|m| m.subject.starts_with("Påmindelse")).count();
        let there = outbox(dir.path(), who).iter().filter(|m| m.subject.starts_with("Påmindelse")).count();
        assert_eq!(here + there, 1, "{who}");
    }
}
