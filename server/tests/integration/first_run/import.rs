//! The import after the preview: the good rows go in, the bad are listed with
//! their line and what is wrong, the file comes back to correct, and
//! importing again does not duplicate anyone. The parent-unit column, the
//! warning for the role word HR, and the help text that matches the parser.

use super::*;
use crate::groups::{hidden_content, upload};

async fn count(app: &TestApp, sql: &'static str, org: &Org) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(org.id.as_str()).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn people(app: &TestApp, org: &Org) -> i64 {
    count(app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", org).await
}

async fn confirm(client: &TestClient, content: &str) -> reqwest::Response {
    client.post_form("/admin/import/confirm", &[("content", content)]).await
}

/// Posts pasted text (no file chosen), as the page's text field does.
async fn paste(client: &TestClient, text: &str) -> reqwest::Response {
    let form = reqwest::multipart::Form::new().text("csrf", client.csrf().await).text("text", text.to_string());
    client.http.post(format!("{}/admin/import", client.base)).multipart(form).send().await.unwrap()
}

/// The text field's content as the page holds it (HTML-escaped).
fn textarea(body: &str) -> String {
    let at = body.find("name=\"text\"").expect("a text field");
    let open = at + body[at..].find('>').unwrap() + 1;
    let close = open + body[open..].find("</textarea>").unwrap();
    body[open..close].to_string()
}

fn twenty_rows_and_one_bad() -> String {
    let mut file = String::from("Navn;E-mail;Enhed;Nærmeste leder;Roller\r\n");
    for i in 1..=10 {
        file.push_str(&format!("Leder {i};leder{i}@viborg.dk;Skoler;;leder\r\n"));
    }
    file.push_str("Bo Brok;bo(at)viborg.dk;Skoler;;leder\r\n");
    for i in 11..=20 {
        file.push_str(&format!("Leder {i};leder{i}@viborg.dk;Skoler;;leder\r\n"));
    }
    file
}

both_backends!(one_bad_row_no_longer_refuses_the_twenty_good_ones, |app: TestApp| async move {
    let org = app.org("Viborg Kommune", "hr@viborg.dk").await;
    let hr = app.signed_in("hr@viborg.dk").await;
    let file = twenty_rows_and_one_bad();

    let r = upload(&hr, file.clone().into_bytes()).await;
    assert_eq!(r.status(), 200, "the good rows can be imported");
    let body = r.text().await.unwrap();
    assert!(body.contains("20 nye personer"), "{body}");
    assert!(body.contains("1 række kan ikke importeres"));
    assert!(body.contains("<li>Linje 12: Skriv en gyldig e-mailadresse, fx navn@kommune.dk. (bo(at)viborg.dk)</li>"), "{body}");
    assert!(body.contains("Importér de 20 gyldige rækker"));
    assert!(!body.contains("<th scope=\"row\">Bo Brok</th>"), "the bad row is not in the table");
    assert!(textarea(&body).contains("Bo Brok;bo(at)viborg.dk;Skoler;;leder"), "the file is kept to correct");
    assert_eq!(people(&app, &org).await, 1, "nothing is written by the preview");

    // Confirm: the 20 go in; the page lists the one left and gives the file back.
    let r = confirm(&hr, &hidden_content(&body)).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("Nye personer: 20."), "{body}");
    assert!(body.contains("1 række mangler stadig"));
    assert!(body.contains("<li>Linje 12: Skriv en gyldig e-mailadresse"));
    let kept = textarea(&body);
    assert!(kept.contains("Leder 1;leder1@viborg.dk") && kept.contains("Bo Brok;bo(at)viborg.dk"), "{kept}");
    assert_eq!(people(&app, &org).await, 21);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM units WHERE org_id = $1", &org).await, 1);

    // The line is corrected in the text field and the whole file imported
    // again: the twenty are recognised by e-mail and left unchanged.
    let fixed = file.replace("bo(at)viborg.dk", "bo@viborg.dk");
    let r = paste(&hr, &fixed).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("1 ny person, 0 bliver opdateret, 20 er uændrede og 0 nye enheder."), "{body}");
    assert!(!body.contains("kan ikke importeres"));
    let r = confirm(&hr, &hidden_content(&body)).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/import?new=1&updated=0&unchanged=20&units=0");
    assert_eq!(people(&app, &org).await, 22, "nobody twice");
    let (accounts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE email LIKE '%@viborg.dk'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(accounts, 22);
});

both_backends!(a_row_whose_leader_is_set_aside_waits_and_a_file_of_bad_rows_is_kept, |app: TestApp| async move {
    let org = app.org("Viborg Kommune", "hr@viborg.dk").await;
    let hr = app.signed_in("hr@viborg.dk").await;
    let file = "navn;e-mail;nærmeste leder;roller\n\
                Kim Chef;kim@viborg.dk;;chef\n\
                Ida Ny;ida@viborg.dk;kim@viborg.dk;leder\n\
                Eva Ek;eva@viborg.dk;;leder\n";
    let body = upload(&hr, file.as_bytes().to_vec()).await.text().await.unwrap();
    assert!(body.contains("2 rækker kan ikke importeres"), "{body}");
    assert!(body.contains("<li>Linje 2: Rollen kendes ikke."));
    assert!(body.contains("<li>Linje 3: Nærmeste leder står på en linje med fejl og bliver ikke importeret."), "{body}");
    assert!(body.contains("<th scope=\"row\">Eva Ek</th>"));
    assert!(body.contains("Importér den ene gyldige række"));

    // Only bad rows: nothing to import, and the uploaded file comes back in the text field.
    let file = "navn;e-mail\nKim;kim(at)viborg.dk\n";
    let r = upload(&hr, file.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(!body.contains("name=\"content\""));
    assert_eq!(textarea(&body), "navn;e-mail\nKim;kim(at)viborg.dk\n");
    assert_eq!(people(&app, &org).await, 1);
});

both_backends!(a_unit_tree_is_built_from_one_file_in_any_order, |app: TestApp| async move {
    let org = app.org("Viborg Kommune", "hr@viborg.dk").await;
    let hr = app.signed_in("hr@viborg.dk").await;
    assert_eq!(hr.post_form("/admin/units", &[("name", "Kommunen")]).await.status(), 303);
    // Children before their parents, and two rows with problems.
    let file = "Navn;E-mail;Enhed;Overordnet enhed\n\
                Ole Øst;ole@viborg.dk;Skole Øst;Skoler\n\
                Sara Skole;sara@viborg.dk;Skoler;Børn og Unge\n\
                Bent Børn;bent@viborg.dk;Børn og Unge;Kommunen\n\
                Vera Vest;vera@viborg.dk;Skole Vest;skoler\n\
                Per Ring;per@viborg.dk;Ring A;Ring B\n\
                Pia Ring;pia@viborg.dk;Ring B;Ring A\n\
                Uffe Ukendt;uffe@viborg.dk;Dagtilbud;Børn og Ungee\n";
    let r = upload(&hr, file.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("3 rækker kan ikke importeres"), "{body}");
    assert!(body.contains("<li>Linje 6: Enhederne går i ring"), "{body}");
    assert!(body.contains("(Ring A → Ring B → Ring A)</li>"), "{body}");
    assert!(body.contains("<li>Linje 7: Enhederne går i ring"));
    assert!(body.contains("<li>Linje 8: Den overordnede enhed findes hverken i organisationen eller som enhed på en række i filen."));
    assert!(body.contains("(Børn og Ungee)</li>"));
    assert!(body.contains("Skole Øst kommer under Skoler"), "{body}");
    assert!(body.contains("Børn og Unge kommer under Kommunen"));
    assert_eq!(confirm(&hr, &hidden_content(&body)).await.status(), 200);

    let mut tree: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT u.name, p.name FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.org_id = $1",
    )
    .bind(org.id.as_str())
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    tree.sort();
    assert_eq!(
        tree,
        vec![
            ("Børn og Unge".to_string(), Some("Kommunen".to_string())),
            ("Kommunen".to_string(), None),
            ("Skole Vest".to_string(), Some("Skoler".to_string())),
            ("Skole Øst".to_string(), Some("Skoler".to_string())),
            ("Skoler".to_string(), Some("Børn og Unge".to_string())),
        ]
    );
});

both_backends!(the_role_word_hr_is_warned_about_per_row, |app: TestApp| async move {
    let org = app.org("Viborg Kommune", "hr@viborg.dk").await;
    app.person(&org, "Hans Hansen", "hans@viborg.dk", &[Role::Leader, Role::HrAdmin]).await;
    let hr = app.signed_in("hr@viborg.dk").await;
    let file = "navn;e-mail;roller\n\
                Mette Mus;mette@viborg.dk;leder+HR\n\
                Kim Kat;kim@viborg.dk;leder\n\
                Hans Hansen;hans@viborg.dk;leder+HR\n";
    let body = upload(&hr, file.as_bytes().to_vec()).await.text().await.unwrap();
    assert!(body.contains("1 person bliver HR-administrator"), "{body}");
    assert!(body.contains("<li>Linje 2: Mette Mus (mette@viborg.dk)</li>"));
    let row = |name: &str| {
        let at = body.find(&format!("<th scope=\"row\">{name}</th>")).unwrap();
        body[at..at + body[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("Mette Mus").contains("Bliver HR-administrator og kan se og ændre alle personer"), "the row itself warns");
    assert!(!row("Kim Kat").contains("Bliver HR-administrator"));
    assert!(!row("Hans Hansen").contains("Bliver HR-administrator"), "already HR: nothing new");
});

both_backends!(the_help_text_the_example_and_the_parser_agree_on_separators, |app: TestApp| async move {
    app.org("Viborg Kommune", "hr@viborg.dk").await;
    let hr = app.signed_in("hr@viborg.dk").await;
    let (_, body) = hr.page("/admin/import").await;
    assert!(body.contains("Felterne må være adskilt af semikolon (som i eksempelfilen og fra dansk Excel), komma eller tabulator"), "{body}");
    assert!(body.contains("Trods navnet sætter dansk Excel semikolon mellem felterne"));
    assert!(body.contains("Overordnet enhed"));
    let example = hr.get("/admin/import/example.csv").await.bytes().await.unwrap().to_vec();
    assert!(String::from_utf8_lossy(&example).lines().nth(0).unwrap().contains("Navn;E-mail;Enhed;Overordnet enhed;"));
    // The example file previews as it is, with its semicolons and its tree.
    let body = upload(&hr, example).await.text().await.unwrap();
    assert!(body.contains("5 nye personer"), "{body}");
    assert!(body.contains("Skoler kommer under Børn og Unge"));
    assert!(body.contains("1 person bliver HR-administrator"));
    // Commas and tabs read the same.
    for file in ["navn,e-mail\nKim,kim@viborg.dk\n", "navn\te-mail\nKim\tkim@viborg.dk\n"] {
        assert!(upload(&hr, file.as_bytes().to_vec()).await.text().await.unwrap().contains("1 ny person"), "{file}");
    }
});
