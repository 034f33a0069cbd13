//! Mail about news, per person's choice on the account page: every time
//! (right away), daily (one digest from 07:00 Copenhagen time with all that
//! is unread, never twice a day, news after seven waits for the next day;
//! midnight and the UTC/local day boundary on purpose) and never.

use super::*;
use crate::agreement::team;
use crate::both_backends;
use crate::dialog_team::shared_agreement;
use ledertrivsel::notify::mail::digests;
use time::macros::datetime;

const DIGEST_DA: &str = "Nyt til dig i Ledertrivsel";

/// Moves every piece of news not yet mailed to `at` (they were made on the wall clock).
async fn made_at(app: &TestApp, at: &str) {
    sqlx::query("UPDATE notifications SET created_at = $1 WHERE mailed_at IS NULL")
        .bind(at)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

both_backends!(the_account_page_offers_every_time_daily_and_never, |app: TestApp| async move {
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (status, body) = mette.page("/account").await;
    assert_eq!(status, 200);
    for label in ["Hver gang", "Dagligt samlet", "Aldrig", "Mail om nyt"] {
        assert!(body.contains(label), "{label}");
    }
    assert!(body.contains(r#"id="notify-mail-daily" name="mail" value="daily" checked"#), "daily is the default");
    choose_mail(&mette, "never").await;
    let (_, body) = mette.page("/account?notice=notify-saved").await;
    assert!(body.contains(r#"value="never" checked"#) && body.contains("Dit valg af mail om nyt er gemt."));
    // Anything else is refused with a message, and the choice stays.
    let r = mette.post_form("/account/notifications", &[("mail", "weekly")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vælg hver gang, dagligt samlet eller aldrig."));
    let (_, body) = mette.page("/account").await;
    assert!(body.contains(r#"value="never" checked"#));
});

both_backends!(mail_goes_out_every_time_daily_or_never_as_each_chose, |app: TestApp| async move {
    let t = team(&app).await;
    let (mette, karen, bo) = (app.signed_in("mette@aarhus.dk").await, app.signed_in("karen@aarhus.dk").await, app.signed_in("bo@aarhus.dk").await);
    choose_mail(&karen, "immediate").await;
    choose_mail(&bo, "never").await;
    // Mette keeps the default: daily.

    // Every time: Karen's mail is there right away, one per event, in Danish, with a link that opens it.
    let (agreement, _) = shared_agreement(&app, &t, &mette).await;
    let got = wait_for_mails(&app, "karen@aarhus.dk", "Mette Lund har delt", 1).await;
    assert_eq!(got.len(), 1, "{:?}", app.mails_to("karen@aarhus.dk"));
    let (subject, body) = &got[0];
    assert_eq!(subject, "Mette Lund har delt sin lederaftale med dig");
    assert!(body.contains("Kære Karen Holm") && body.contains("/notifications/") && body.contains("/account#notify-heading"), "{body}");
    let read = format!("/team/agreements/{agreement}");

    // Daily: Karen's comment and "aftalt" wait for Mette's digest; Bo (never) hears only on his start page.
    karen.post_form(&format!("{read}/comments"), &[("comment", "Fint."), ("point", "")]).await;
    karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await;
    assert_eq!(news_texts(&mette).await.len(), 2);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.mails_to("mette@aarhus.dk").is_empty(), "daily is not right away");

    // Recorded at 23:30 on 14 January (22:30 UTC); the digest goes out from 07:00 on the 15th.
    made_at(&app, "2030-01-14T22:30:00Z").await;
    assert_eq!(digests(&app.state, datetime!(2030-01-14 22:59 UTC)).await.unwrap(), 0, "23:59: made after that day's seven o'clock");
    assert_eq!(digests(&app.state, datetime!(2030-01-14 23:10 UTC)).await.unwrap(), 0, "00:10 Copenhagen: a new day, before seven");
    assert_eq!(digests(&app.state, datetime!(2030-01-15 05:59 UTC)).await.unwrap(), 0, "06:59");
    assert_eq!(digests(&app.state, datetime!(2030-01-15 06:00 UTC)).await.unwrap(), 1, "07:00");
    assert_eq!(digests(&app.state, datetime!(2030-01-15 06:30 UTC)).await.unwrap(), 0, "sent already today");
    assert_eq!(digests(&app.state, datetime!(2030-01-15 22:59 UTC)).await.unwrap(), 0, "23:59 the same day");
    let got = mails(&app, "mette@aarhus.dk", DIGEST_DA);
    assert_eq!(got.len(), 1);
    let (subject, body) = &got[0];
    assert_eq!(subject, "Nyt til dig i Ledertrivsel: 2 ting");
    assert!(body.contains("Karen Holm har skrevet en kommentar til din lederaftale"), "{body}");
    assert!(body.contains("Karen Holm har markeret din lederaftale som aftalt"), "{body}");
    assert!(!body.contains("Fint."), "the mail holds no words of the comment");
    assert_eq!(body.matches("/notifications/").count(), 2, "{body}");
    assert_eq!(app.mails_to("mette@aarhus.dk").len(), 1, "one digest, not a mail per event");

    // Never: Bo shares, Karen comments; Bo sees it on his start page and gets no mail, ever.
    assert_eq!(crate::agreement::save_agreement(&bo, crate::agreement::ROWS).await.status(), 303);
    let bo_point: (String,) = sqlx::query_as("SELECT id FROM agreement_points WHERE person_id = $1 ORDER BY id LIMIT 1")
        .bind(t.bo.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(bo.post_form("/dialog/agreement/share", &[("point", &bo_point.0)]).await.status(), 303);
    let got = wait_for_mails(&app, "karen@aarhus.dk", "Bo Dahl har delt", 1).await;
    assert_eq!(got.len(), 1, "Karen, every time: Bo's sharing too");
    let bos_agreement: (String,) = sqlx::query_as("SELECT id FROM agreements WHERE person_id = $1")
        .bind(t.bo.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    karen.post_form(&format!("/team/agreements/{}/comments", bos_agreement.0), &[("comment", "Godt."), ("point", "")]).await;
    assert_eq!(news_texts(&bo).await, vec!["Karen Holm har skrevet en kommentar til din lederaftale"]);

    // A new comment for Mette on the 15th at 09:00, in English now: it waits for the 16th's digest.
    mette.post_form("/account/language", &[("lang", "en")]).await;
    karen.post_form(&format!("{read}/comments"), &[("comment", "Og en ting til."), ("point", "")]).await;
    made_at(&app, "2030-01-15T08:00:00Z").await;
    assert_eq!(digests(&app.state, datetime!(2030-01-15 22:59 UTC)).await.unwrap(), 0, "23:59 on the 15th: sent today");
    assert_eq!(digests(&app.state, datetime!(2030-01-15 23:01 UTC)).await.unwrap(), 0, "00:01 on the 16th: before seven");
    assert_eq!(digests(&app.state, datetime!(2030-01-16 06:00 UTC)).await.unwrap(), 1, "07:00 on the 16th");
    assert_eq!(digests(&app.state, datetime!(2030-01-16 12:00 UTC)).await.unwrap(), 0);
    let english = mails(&app, "mette@aarhus.dk", "New for you in Ledertrivsel");
    assert_eq!(english.len(), 1);
    assert_eq!(english[0].0, "New for you in Ledertrivsel: 1 thing");
    assert!(english[0].1.contains("Karen Holm commented on your leader agreement") && english[0].1.contains("Dear Mette Lund"), "{}", english[0].1);

    // Never, all along: nothing for Bo; Karen's mails were one per event.
    assert_eq!(digests(&app.state, datetime!(2030-01-17 06:00 UTC)).await.unwrap(), 0);
    assert!(app.mails_to("bo@aarhus.dk").is_empty(), "{:?}", app.mails_to("bo@aarhus.dk"));
    assert_eq!(mails(&app, "karen@aarhus.dk", "").len(), 2, "{:?}", app.mails_to("karen@aarhus.dk"));
});

both_backends!(news_read_before_the_digest_is_not_mailed, |app: TestApp| async move {
    let t = team(&app).await;
    let (mette, karen) = (app.signed_in("mette@aarhus.dk").await, app.signed_in("karen@aarhus.dk").await);
    let (agreement, _) = shared_agreement(&app, &t, &mette).await;
    karen.post_form(&format!("/team/agreements/{agreement}/comments"), &[("comment", "Fint."), ("point", "")]).await;
    let got = news(&mette).await;
    assert_eq!(open(&mette, &got[0].1).await, "/dialog/agreement#comments");
    made_at(&app, "2030-01-14T22:30:00Z").await;
    // Karen (daily) has the sharing unread; Mette read hers on the start page.
    assert_eq!(digests(&app.state, datetime!(2030-01-15 06:00 UTC)).await.unwrap(), 1);
    assert!(app.mails_to("mette@aarhus.dk").is_empty());
    assert_eq!(mails(&app, "karen@aarhus.dk", DIGEST_DA).len(), 1);
});
