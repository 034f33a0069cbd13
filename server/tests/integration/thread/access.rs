//! Who reaches which URL of the thread, as a table of role × URL: the
//! sender, a member of the group, the group's leader, another group's
//! leader, HR, and HR of another organisation. Anything of a group one is
//! outside of is 404; HR knows the groups and gets 403; other organisations
//! see nothing.

use super::*;
use crate::both_backends;

both_backends!(every_url_answers_each_role_as_the_table_says, |app: TestApp| async move {
    let s = syd(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    // Three lifts to Syd: one lifted on to the organisation, one to lift on, one to withdraw.
    for (point, text) in [(&s.points[1], "Fri i weekenderne, også for os ledere"), (&s.points[2], "Mail lukkes kl. 17"), (&s.points[3], "Gåture")] {
        assert_redirect(&lift(&mette, point, &s.syd, text, "no").await, "/dialog/points/");
    }
    let (first, second, third) =
        (lift_id(&app, "Fri i weekenderne, også for os ledere").await, lift_id(&app, "Mail lukkes kl. 17").await, lift_id(&app, "Gåture").await);
    let karen = app.signed_in("karen@aarhus.dk").await;
    let r = karen
        .post_form(&format!("/groups/{}/inbox/{first}/lift-on", s.syd), &[("text", "Weekender uden mail"), ("attributed", "no")])
        .await;
    assert_redirect(&r, &format!("/groups/{}/inbox", s.syd));
    let at_org = lift_id(&app, "Weekender uden mail").await;

    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    let _ = other;
    let (syd, point, spare) = (&s.syd, &s.points[0], &s.points[4]);
    let urls: Vec<(&str, String, Vec<(&str, &str)>)> = vec![
        ("GET", format!("/dialog/points/{point}"), vec![]),
        ("POST", format!("/dialog/points/{spare}/lift"), vec![("group", syd), ("text", "Prioritering"), ("attributed", "no"), ("consent", "yes")]),
        ("GET", format!("/groups/{syd}/inbox"), vec![]),
        ("POST", format!("/groups/{syd}/inbox/{first}/answer"), vec![("status", "taken"), ("answer", "Vi tager det op")]),
        ("POST", format!("/groups/{syd}/inbox/{second}/lift-on"), vec![("text", "Mail efter kl. 17"), ("attributed", "no")]),
        ("GET", "/admin/inbox".to_string(), vec![]),
        ("POST", format!("/admin/inbox/{at_org}/answer"), vec![("status", "declined"), ("answer", "Det hører hjemme i MED")]),
        ("POST", format!("/thread/lifts/{third}/withdraw"), vec![]),
    ];
    // One row per role; the columns follow `urls`. The sender comes last,
    // so their withdrawal happens after everyone else was refused.
    let table: [(&str, [u16; 8]); 6] = [
        ("bo@aarhus.dk", [404, 404, 200, 403, 403, 403, 403, 404]),
        ("karen@aarhus.dk", [404, 404, 200, 303, 303, 403, 403, 404]),
        ("ole@aarhus.dk", [404, 404, 404, 404, 404, 403, 403, 404]),
        ("hr@aarhus.dk", [404, 404, 403, 403, 403, 200, 303, 404]),
        ("hr@viborg.dk", [404, 404, 404, 404, 404, 200, 404, 404]),
        ("mette@aarhus.dk", [200, 303, 200, 403, 403, 403, 403, 303]),
    ];
    for (who, expected) in table {
        let client = app.signed_in(who).await;
        for ((method, path, fields), want) in urls.iter().zip(expected) {
            let r = if *method == "GET" { client.get(path).await } else { client.post_form(path, fields).await };
            let status = r.status().as_u16();
            let body = r.text().await.unwrap();
            assert_eq!(status, want, "{who} {method} {path}");
            if status == 404 {
                assert!(body.contains("findes ikke"), "{who} {method} {path}: a Danish not-found page");
            }
            if who == "hr@viborg.dk" {
                assert!(!body.contains("Weekender") && !body.contains("Ledergruppe Syd"), "{path}: another organisation sees nothing");
            }
        }
    }
    // What the table's successful rows did, and nothing more.
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT text, status, answer FROM lifts ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
    assert_eq!(
        rows,
        vec![
            ("Fri i weekenderne, også for os ledere", "taken", "Vi tager det op"),
            ("Mail lukkes kl. 17", "open", ""),
            ("Weekender uden mail", "declined", "Det hører hjemme i MED"),
            ("Mail efter kl. 17", "open", ""),
            ("Prioritering", "open", ""),
        ]
    );
    // HR's answer is in the organisation's audit log.
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'lift-answered' AND org_id = $1")
        .bind(s.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    let _ = (&s.nord, &s.mette, &s.karen);
});
