//! Importing people from CSV: preview, confirmation, errors per line, encoding,
//! size, re-import, and a stale preview that must not write.

use super::{hidden_content, put_in_unit, scalar, upload};
use crate::both_backends;
use crate::support::app::{location, Org, TestClient};
use crate::support::TestApp;
use domain::roles::Role;

/// (name, unit name, nearest leader's name) of the person with this e-mail.
async fn person(app: &TestApp, org: &Org, email: &str) -> (String, Option<String>, Option<String>) {
    sqlx::query_as(
        "SELECT p.name, u.name, l.name FROM persons p JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN persons l ON l.id = p.nearest_leader_id \
         WHERE p.org_id = $1 AND a.email = $2",
    )
    .bind(org.id.as_str())
    .bind(email)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

async fn roles(app: &TestApp, org: &Org, email: &str) -> Vec<String> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT r.role FROM person_roles r JOIN persons p ON p.id = r.person_id JOIN accounts a ON a.id = p.account_id \
         WHERE r.org_id = $1 AND a.email = $2 ORDER BY r.role",
    )
    .bind(org.id.as_str())
    .bind(email)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    rows.into_iter().map(|(r,)| r).collect()
}

async fn people_and_units(app: &TestApp, org: &Org) -> (i64, i64) {
    (
        scalar(app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", org).await,
        scalar(app, "SELECT COUNT(*) FROM units WHERE org_id = $1", org).await,
    )
}

async fn confirm(client: &TestClient, content: &str) -> reqwest::Response {
    client.post_form("/admin/import/confirm", &[("content", content)]).await
}

/// Posts pasted text (no file chosen), as a browser does.
async fn paste(client: &TestClient, text: &str) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf", client.csrf().await)
        .part("file", reqwest::multipart::Part::bytes(Vec::new()).file_name("").mime_str("application/octet-stream").unwrap())
        .text("text", text.to_string());
    client.http.post(format!("{}/admin/import", client.base)).multipart(form).send().await.unwrap()
}

const DANISH_FILE: &str = "\u{feff}Navn;E-mail;Enhed;Nærmeste leder;Roller\r\n\
Birgitte Østergaard;birgitte@horsens.dk;Direktionen;hr@horsens.dk;topledelse\r\n\
Søren Ågård;SOREN@horsens.dk;Børn og Unge;birgitte@horsens.dk;leder\r\n\
Mette Æbelø;mette@horsens.dk;børn og unge;soren@horsens.dk;leder+AMO\r\n";

both_backends!(a_danish_file_is_previewed_then_imported_and_reimported, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    put_in_unit(&app, &org, &org.admin_person, "Direktionen").await;
    let hr = app.signed_in("hr@horsens.dk").await;

    let (status, body) = hr.page("/admin/import").await;
    assert_eq!(status, 200);
    assert!(body.contains("CSV UTF-8 (kommasepareret)"), "{body}");
    let example = hr.get("/admin/import/example.csv").await;
    assert_eq!(example.headers()["content-type"], "text/csv; charset=utf-8");
    let example = example.bytes().await.unwrap();
    assert!(example.starts_with("\u{feff}Navn;E-mail;Enhed;Overordnet enhed;Nærmeste leder;Roller\r\n".as_bytes()));

    let r = upload(&hr, DANISH_FILE.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("3 nye personer, 0 bliver opdateret, 0 er uændrede og 1 ny enhed."), "{body}");
    assert!(body.contains("<th scope=\"row\">Søren Ågård</th>"));
    assert!(body.contains("soren@horsens.dk"), "e-mails are shown lower-cased");
    assert!(body.contains("Børn og Unge <span class=\"lt-muted\">(ny enhed)</span>"));
    assert!(body.contains("Birgitte Østergaard<br><span class=\"lt-muted\">birgitte@horsens.dk</span>"));
    assert!(body.contains("Leder, Arbejdsmiljøorganisation (AMO)"));
    assert_eq!(body.matches("<td>Ny person</td>").count(), 3);
    assert_eq!(people_and_units(&app, &org).await, (1, 1), "nothing is written by the preview");

    let r = confirm(&hr, &hidden_content(&body)).await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert_eq!(to, "/admin/import?new=3&updated=0&unchanged=0&units=1");
    assert!(hr.page(&to).await.1.contains("Nye personer: 3. Opdaterede: 0. Uændrede: 0. Nye enheder: 1."));
    assert_eq!(people_and_units(&app, &org).await, (4, 2));
    assert_eq!(
        person(&app, &org, "birgitte@horsens.dk").await,
        ("Birgitte Østergaard".into(), Some("Direktionen".into()), Some("Hanne HR".into()))
    );
    assert_eq!(
        person(&app, &org, "soren@horsens.dk").await,
        ("Søren Ågård".into(), Some("Børn og Unge".into()), Some("Birgitte Østergaard".into()))
    );
    assert_eq!(
        person(&app, &org, "mette@horsens.dk").await,
        ("Mette Æbelø".into(), Some("Børn og Unge".into()), Some("Søren Ågård".into()))
    );
    assert_eq!(roles(&app, &org, "mette@horsens.dk").await, ["leader", "safety_org"]);
    assert_eq!(roles(&app, &org, "birgitte@horsens.dk").await, ["top_management"]);
    let audit: (String, String) =
        sqlx::query_as("SELECT action, target FROM audit_log WHERE org_id = $1 ORDER BY id DESC")
            .bind(org.id.as_str())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(audit.0, "people-imported");
    assert_eq!(audit.1, "Nye personer: 3, opdaterede: 0, uændrede: 0, nye enheder: 1");

    // Again, with Søren moved and a new person: updates, no duplicates.
    let again = "Navn;E-mail;Enhed;Nærmeste leder;Roller\n\
                 Birgitte Østergaard;birgitte@horsens.dk;Direktionen;hr@horsens.dk;topledelse\n\
                 Søren Ågård;soren@horsens.dk;Direktionen;birgitte@horsens.dk;leder\n\
                 Mette Æbelø;mette@horsens.dk;Børn og Unge;soren@horsens.dk;leder+AMO\n\
                 Jens Kjær;jens@horsens.dk;;mette@horsens.dk;\n";
    let r = upload(&hr, again.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("1 ny person, 1 bliver opdateret, 2 er uændrede og 0 nye enheder."), "{body}");
    assert!(body.contains("<td>Opdateres: enhed</td>"));
    assert_eq!(body.matches("<td>Uændret</td>").count(), 2);
    let r = confirm(&hr, &hidden_content(&body)).await;
    assert_eq!(r.status(), 303);
    assert_eq!(people_and_units(&app, &org).await, (5, 2));
    assert_eq!(person(&app, &org, "soren@horsens.dk").await.1.as_deref(), Some("Direktionen"));
    assert_eq!(
        person(&app, &org, "jens@horsens.dk").await,
        ("Jens Kjær".into(), None, Some("Mette Æbelø".into()))
    );
    assert_eq!(roles(&app, &org, "jens@horsens.dk").await, ["leader"], "an empty role field means leader");
});

both_backends!(a_file_with_bad_rows_shows_every_error_and_writes_nothing_until_confirmed, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let hr = app.signed_in("hr@horsens.dk").await;
    let before = people_and_units(&app, &org).await;
    let file = "navn;e-mail;enhed;nærmeste leder;roller\n\
                Kim Ek;kim@horsens.dk;Salg;;leder\n\
                ;mangler@horsens.dk;;;\n\
                Bo;ikke-en-adresse;;;\n\
                Eva;eva@horsens.dk;;;chef\n\
                Kim Igen;KIM@horsens.dk;;;\n";
    // The one good row can be imported (issue 17, item 9); the bad are listed.
    let r = upload(&hr, file.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("4 rækker kan ikke importeres"), "{body}");
    assert!(body.contains("<th scope=\"row\">Kim Ek</th>"));
    for line in [
        "<li>Linje 3: Skriv et navn.</li>",
        "<li>Linje 4: Skriv en gyldig e-mailadresse, fx navn@kommune.dk. (ikke-en-adresse)</li>",
        "<li>Linje 5: Rollen kendes ikke.",
        "(chef)</li>",
        "<li>Linje 6: E-mailadressen står allerede på en tidligere linje i filen.",
    ] {
        assert!(body.contains(line), "{line} in {body}");
    }
    assert!(body.contains("Importér den ene gyldige række"));

    // Reporting lines are checked against the organisation too.
    let file = "navn;e-mail;nærmeste leder\nKim Ek;kim@horsens.dk;ukendt@horsens.dk\nBo;bo@horsens.dk;bo@horsens.dk\n";
    let body = upload(&hr, file.as_bytes().to_vec()).await.text().await.unwrap();
    assert!(body.contains("<li>Linje 2: Nærmeste leder findes hverken i filen eller blandt organisationens personer."));
    assert!(body.contains("(ukendt@horsens.dk)</li>"));
    assert!(body.contains("<li>Linje 3: En person kan ikke være sin egen nærmeste leder."));

    // Windows-1252, as Excel's plain "CSV" saves it: ø is one byte.
    let r = upload(&hr, b"navn;e-mail\nS\xF8ren;soren@horsens.dk\n".to_vec()).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Filen er ikke gemt som UTF-8, så bogstaver som æ, ø og å kan ikke læses korrekt."));

    // A forged confirmation is checked like an upload.
    use base64::Engine;
    let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("navn;e-mail\n;x@horsens.dk\n");
    let r = confirm(&hr, &forged).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Linje 2: Skriv et navn."));
    assert_eq!(confirm(&hr, "ikke base64!").await.status(), 400);

    let r = upload(&hr, Vec::new()).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vælg en fil, eller indsæt indholdet i tekstfeltet."));

    let mut big = b"navn;e-mail\n".to_vec();
    big.resize(5 * 1024 * 1024 + 1, b'a');
    let r = upload(&hr, big).await;
    assert_eq!(r.status(), 413);
    assert!(r.text().await.unwrap().contains("Filen er for stor. Den må højst fylde 5 MB."));

    // Without the form's token, nothing is read.
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(b"navn;e-mail\nEva;eva@horsens.dk\n".to_vec()).file_name("a.csv"));
    let r = hr.http.post(format!("{}/admin/import", hr.base)).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), 403);

    assert_eq!(people_and_units(&app, &org).await, before);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM audit_log WHERE org_id = $1", &org).await, 1);
});

both_backends!(pasted_rows_from_excel_and_a_stale_preview, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    app.person(&org, "Carl Chef", "chef@horsens.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@horsens.dk").await;
    // Copied from Excel: tab-separated.
    let r = paste(&hr, "Navn\tE-mail\tNærmeste leder\nEva Ærø\teva@horsens.dk\tchef@horsens.dk\n").await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("<th scope=\"row\">Eva Ærø</th>"));
    assert!(body.contains("Carl Chef<br>"));
    let content = hidden_content(&body);

    // The leader leaves before HR confirms: the confirmation checks again and writes nothing.
    sqlx::query("DELETE FROM persons WHERE name = 'Carl Chef'").execute(&app.state.db.pool).await.unwrap();
    let r = confirm(&hr, &content).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Linje 2: Nærmeste leder findes hverken i filen"));
    assert_eq!(people_and_units(&app, &org).await, (1, 0));

    // Bad pasted text comes back in the text field.
    let r = paste(&hr, "navn;e-mail\nEva;eva\n").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(">navn;e-mail\nEva;eva\n</textarea>"));
});

both_backends!(hr_cannot_remove_their_own_hr_role_by_import, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let hr = app.signed_in("hr@horsens.dk").await;
    let body = upload(&hr, b"navn;e-mail;roller\nHanne Hansen;hr@horsens.dk;leder\n".to_vec()).await.text().await.unwrap();
    assert!(body.contains("<td>Leder, HR-administrator</td>"), "{body}");
    assert_eq!(confirm(&hr, &hidden_content(&body)).await.status(), 303);
    assert_eq!(roles(&app, &org, "hr@horsens.dk").await, ["hr_admin", "leader"]);
    assert_eq!(person(&app, &org, "hr@horsens.dk").await.0, "Hanne Hansen");
    assert_eq!(hr.page("/admin/import").await.0, 200, "still an admin");
});
