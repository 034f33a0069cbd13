//! Tests of the people import: real Danish files, every error with its line.

use super::*;

fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}

fn rows_of(text: &str) -> Vec<ImportRow> {
    parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn errors_of(text: &str) -> Vec<(usize, &'static str, String)> {
    match parse(text.as_bytes()) {
        Err(ImportError::Rows(errors)) => errors.into_iter().map(|e| (e.line, e.key, e.value)).collect(),
        other => panic!("expected row errors, got {other:?}"),
    }
}

fn file_key(bytes: &[u8]) -> &'static str {
    match parse(bytes) {
        Err(ImportError::File(e)) => e.key,
        other => panic!("expected a file error, got {other:?}"),
    }
}

fn err(line: usize, key: &'static str, value: &str) -> (usize, &'static str, String) {
    (line, key, value.to_string())
}

#[test]
fn danish_excel_file_with_bom_semicolons_and_blank_lines() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "Navn;E-mail;Enhed;Nærmeste leders e-mail;Roller\r\n\
         Søren Ærø Ålund;Soren.Aero@Kommune.DK;Børne- og Ungeforvaltningen;;Topledelse, HR\r\n\
         \r\n\
         Åse Østergård;aase@kommune.dk;Skole Øst;soren.aero@kommune.dk;leder+AMO\r\n\
         Bjørn Nærum;bjorn@kommune.dk;;aase@kommune.dk;\r\n\
         ;;;;\r\n"
            .as_bytes(),
    );
    let rows = parse(&bytes).unwrap();
    assert_eq!(
        rows,
        vec![
            ImportRow {
                line: 2,
                name: PersonName::parse("Søren Ærø Ålund").unwrap(),
                email: email("soren.aero@kommune.dk"),
                unit: Some(UnitName::parse("Børne- og Ungeforvaltningen").unwrap()),
                parent_unit: None,
                nearest_leader_email: None,
                roles: vec![Role::TopManagement, Role::HrAdmin],
            },
            ImportRow {
                line: 4,
                name: PersonName::parse("Åse Østergård").unwrap(),
                email: email("aase@kommune.dk"),
                unit: Some(UnitName::parse("Skole Øst").unwrap()),
                parent_unit: None,
                nearest_leader_email: Some(email("soren.aero@kommune.dk")),
                roles: vec![Role::Leader, Role::SafetyOrg],
            },
            ImportRow {
                line: 5,
                name: PersonName::parse("Bjørn Nærum").unwrap(),
                email: email("bjorn@kommune.dk"),
                unit: None,
                parent_unit: None,
                nearest_leader_email: Some(email("aase@kommune.dk")),
                roles: vec![Role::Leader],
            },
        ]
    );
}

#[test]
fn comma_file_with_english_headers_in_another_order() {
    let rows = rows_of(
        "email,name,roles,unit,nearest_leader_email\n\
         mette@firma.dk,\"Hansen, Mette\",\"leader,works_council\",Sales,\n\
         ole@firma.dk,Ole Berg,leader|su|leader,,mette@firma.dk\n",
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].name.as_str(), "Hansen, Mette");
    assert_eq!(rows[0].roles, vec![Role::Leader, Role::WorksCouncil]);
    assert_eq!(rows[0].unit.as_ref().map(UnitName::as_str), Some("Sales"));
    assert_eq!(rows[1].line, 3);
    assert_eq!(rows[1].roles, vec![Role::Leader, Role::WorksCouncil]);
    assert_eq!(rows[1].unit, None);
    assert_eq!(rows[1].nearest_leader_email, Some(email("mette@firma.dk")));
}

#[test]
fn only_name_and_email_are_needed_and_tab_is_a_delimiter() {
    let rows = rows_of("MAIL\tFulde navn*\nkim@firma.dk\tKim Ek\n");
    assert_eq!(rows[0].email, email("kim@firma.dk"));
    assert_eq!(rows[0].name.as_str(), "Kim Ek");
    assert_eq!(rows[0].roles, vec![Role::Leader]);
    assert_eq!((rows[0].unit.clone(), rows[0].nearest_leader_email.clone()), (None, None));
}

#[test]
fn generous_header_names() {
    for header in [
        "nærmeste leder",
        "Nærmeste leders e-mail",
        "NÆRMESTE LEDER E-MAIL",
        "leder e-mail",
        "Leders e-mail",
        "nearest_leader_email",
        "Nearest leader",
        "nearest leader's e-mail",
        "leader_email",
    ] {
        let rows = rows_of(&format!("navn;e-mail;{header}\nKim;kim@firma.dk;bo@firma.dk\n"));
        assert_eq!(rows[0].nearest_leader_email, Some(email("bo@firma.dk")), "{header}");
    }
    for (header, expected) in [("Afdeling", "Salg"), ("enhed", "Salg"), (" Unit ", "Salg")] {
        let rows = rows_of(&format!("navn;e-mail;{header}\nKim;kim@firma.dk;Salg\n"));
        assert_eq!(rows[0].unit.as_ref().map(UnitName::as_str), Some(expected), "{header}");
    }
    for header in ["rolle", "Roller", "roles", "Role"] {
        let rows = rows_of(&format!("navn;e-mail;{header}\nKim;kim@firma.dk;AMO\n"));
        assert_eq!(rows[0].roles, vec![Role::SafetyOrg], "{header}");
    }
}

#[test]
fn excel_sep_line_and_empty_trailing_columns() {
    let rows = rows_of("sep=,\nnavn,e-mail,,\nKim,kim@firma.dk,,\n");
    assert_eq!(rows[0].line, 3);
    assert_eq!(rows[0].email, email("kim@firma.dk"));
}

#[test]
fn windows_1252_and_utf16_are_refused() {
    // "Søren" as Excel's plain "CSV" writes it: ø is 0xF8.
    assert_eq!(file_key(b"navn;e-mail\nS\xF8ren;soren@firma.dk\n"), "import-error-encoding");
    let utf16_le: Vec<u8> = "\u{feff}navn;e-mail\nKim;kim@firma.dk\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(file_key(&utf16_le), "import-error-encoding");
    let utf16_no_bom: Vec<u8> = "navn;e-mail\nKim;kim@firma.dk\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(file_key(&utf16_no_bom), "import-error-encoding");
}

#[test]
fn empty_files_are_refused() {
    assert_eq!(file_key(b""), "import-error-empty");
    assert_eq!(file_key(b"\xEF\xBB\xBF\r\n \r\n"), "import-error-empty");
    assert_eq!(file_key(b"navn;e-mail\n"), "import-error-empty");
    assert_eq!(file_key(b"navn;e-mail\n\n;\n"), "import-error-empty");
}

#[test]
fn at_most_20000_rows() {
    let file = |n: usize| {
        let mut text = String::from("navn;e-mail\n");
        for i in 0..n {
            text.push_str(&format!("Person {i};p{i}@firma.dk\n"));
        }
        text
    };
    assert_eq!(parse(file(MAX_ROWS).as_bytes()).unwrap().len(), 20_000);
    assert_eq!(file_key(file(MAX_ROWS + 1).as_bytes()), "import-error-too-many-rows");
}

#[test]
fn header_problems_name_the_column() {
    assert_eq!(
        errors_of("Navn;Telefon;E-mail;Mail\nKim;1234;kim@firma.dk;kim@firma.dk\n"),
        vec![
            err(1, "import-error-unknown-column", "Telefon"),
            err(1, "import-error-duplicate-column", "Mail"),
        ]
    );
    assert_eq!(
        errors_of("fornavn;enhed\nKim;Salg\n"),
        vec![
            err(1, "import-error-unknown-column", "fornavn"),
            err(1, "import-error-missing-column", "navn / name"),
            err(1, "import-error-missing-column", "e-mail"),
        ]
    );
}

#[test]
fn every_row_error_is_collected_with_its_line() {
    let text = "navn;e-mail;enhed;nærmeste leder;roller\n\
                Kim Ek;kim@firma.dk;Salg;bo@firma.dk;leder\n\
                ;mangler-navn@firma.dk;;;\n\
                Bo;ikke-en-adresse;;;\n\
                Ida;;;;\n\
                \n\
                Eva;KIM@firma.dk;;;\n\
                Ulla;ulla@firma.dk;;bo(at)firma.dk;\n\
                Per;per@firma.dk;;;leder|top management|chef\n\
                Lis;lis@firma.dk;Salg\n\
                Jens;jens@firma.dk;;;;ekstra\n\
                Tove;tove@firma.dk;\"Salg\nØst\";;\n\
                Finn;finn;;x;AMO\n";
    let long_name = "a".repeat(121);
    let text = format!("{text}{long_name};ny@firma.dk;;;\n");
    assert_eq!(
        errors_of(&text),
        vec![
            err(3, "error-name-missing", ""),
            err(4, "error-email-invalid", "ikke-en-adresse"),
            err(5, "error-email-missing", ""),
            err(7, "import-error-duplicate-email", "kim@firma.dk"),
            err(8, "import-error-leader-email-invalid", "bo(at)firma.dk"),
            err(9, "import-error-role-unknown", "top management"),
            err(9, "import-error-role-unknown", "chef"),
            err(10, "import-error-field-count", "3/5"),
            err(11, "import-error-field-count", "6/5"),
            err(12, "error-text-control-chars", "Salg\nØst"),
            err(14, "error-email-invalid", "finn"),
            err(14, "import-error-leader-email-invalid", "x"),
            err(15, "error-name-too-long", &long_name),
        ]
    );
}

#[test]
fn line_numbers_are_physical_lines() {
    let text = "\r\n\r\nnavn;e-mail;fejl\r\n\r\n\r\n\"Kim\r\nEk\";kim@x.dk\r\n\r\nBo;bo\r\n";
    assert_eq!(
        errors_of(text),
        vec![
            err(3, "import-error-unknown-column", "fejl"),
            err(6, "import-error-field-count", "2/3"),
            err(9, "import-error-field-count", "2/3"),
        ]
    );
    // Old Mac line breaks: a lone "\r".
    let rows = rows_of("navn,e-mail\r\rKim,kim@x.dk\rBo,bo@x.dk");
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 4]);
}

#[test]
fn a_value_in_an_unnamed_column_is_reported() {
    assert_eq!(
        errors_of("navn;e-mail;\nKim;kim@firma.dk;\nBo;bo@firma.dk;glemt\n"),
        vec![err(3, "import-error-value-without-column", "glemt")]
    );
}

#[test]
fn too_long_unit_uses_the_unit_key() {
    let unit = "b".repeat(161);
    assert_eq!(
        errors_of(&format!("navn;e-mail;enhed\nKim;kim@firma.dk;{unit}\n")),
        vec![err(2, "error-unit-name-too-long", &unit)]
    );
}

fn row(line: usize, person: &str, leader: Option<&str>) -> ImportRow {
    ImportRow {
        line,
        name: PersonName::parse(person).unwrap(),
        email: email(person),
        unit: None,
        parent_unit: None,
        nearest_leader_email: leader.map(email),
        roles: vec![Role::Leader],
    }
}

fn existing(pairs: &[(&str, Option<&str>)]) -> HashMap<Email, Option<Email>> {
    pairs.iter().map(|(p, l)| (email(p), l.map(email))).collect()
}

#[test]
fn leaders_are_found_in_the_file_or_the_organisation() {
    let rows = [
        row(2, "a@x.dk", Some("b@x.dk")),
        row(3, "b@x.dk", Some("chef@x.dk")),
        row(4, "c@x.dk", Some("ukendt@x.dk")),
        row(5, "d@x.dk", Some("d@x.dk")),
        row(6, "e@x.dk", None),
    ];
    let errors = check_references(&rows, &existing(&[("chef@x.dk", None)]));
    assert_eq!(
        errors,
        vec![
            RowError { line: 4, key: "import-error-leader-unknown", value: "ukendt@x.dk".into() },
            RowError { line: 5, key: "import-error-leader-self", value: "d@x.dk".into() },
        ]
    );
}

#[test]
fn cycle_within_the_file() {
    let rows = [
        row(2, "a@x.dk", Some("b@x.dk")),
        row(3, "b@x.dk", Some("a@x.dk")),
        row(4, "c@x.dk", Some("a@x.dk")),
    ];
    assert_eq!(
        check_references(&rows, &HashMap::new()),
        vec![
            RowError { line: 2, key: "import-error-leader-cycle", value: "a@x.dk → b@x.dk → a@x.dk".into() },
            RowError { line: 3, key: "import-error-leader-cycle", value: "b@x.dk → a@x.dk → b@x.dk".into() },
        ]
    );
}

#[test]
fn cycle_across_file_and_existing_people() {
    // Existing: chef has no leader, mellem reports to chef. The file makes chef
    // report to ny, and ny to mellem: chef → ny → mellem → chef.
    let org = existing(&[("chef@x.dk", None), ("mellem@x.dk", Some("chef@x.dk")), ("anden@x.dk", Some("chef@x.dk"))]);
    let rows = [row(2, "chef@x.dk", Some("ny@x.dk")), row(3, "ny@x.dk", Some("mellem@x.dk"))];
    assert_eq!(
        check_references(&rows, &org),
        vec![
            RowError {
                line: 2,
                key: "import-error-leader-cycle",
                value: "chef@x.dk → ny@x.dk → mellem@x.dk → chef@x.dk".into(),
            },
            RowError {
                line: 3,
                key: "import-error-leader-cycle",
                value: "ny@x.dk → mellem@x.dk → chef@x.dk → ny@x.dk".into(),
            },
        ]
    );
}

#[test]
fn file_rows_override_existing_reporting_lines() {
    // Existing data would make a cycle with the file's row for a, but the
    // file also gives b a new leader, which breaks it.
    let org = existing(&[("b@x.dk", Some("a@x.dk")), ("top@x.dk", None)]);
    let rows = [row(2, "a@x.dk", Some("b@x.dk")), row(3, "b@x.dk", Some("top@x.dk"))];
    assert_eq!(check_references(&rows, &org), vec![]);
    // Without the override, the cycle is there.
    assert_eq!(check_references(&rows[..1], &org)[0].key, "import-error-leader-cycle");
}

#[test]
fn a_cycle_only_among_existing_people_is_not_the_files_fault() {
    let org = existing(&[("a@x.dk", Some("b@x.dk")), ("b@x.dk", Some("a@x.dk"))]);
    let rows = [row(2, "c@x.dk", Some("a@x.dk"))];
    assert_eq!(check_references(&rows, &org), vec![]);
}

/// Every key this module can give besides those of `crate::input`
/// (which live in `errors.ftl`).
const KEYS: [&str; 21] = [
    "import-error-encoding",
    "import-error-empty",
    "import-error-too-many-rows",
    "import-error-unreadable",
    "import-error-missing-column",
    "import-error-unknown-column",
    "import-error-duplicate-column",
    "import-error-value-without-column",
    "import-error-field-count",
    "import-error-duplicate-email",
    "import-error-leader-email-invalid",
    "import-error-role-unknown",
    "import-error-leader-unknown",
    "import-error-leader-self",
    "import-error-leader-cycle",
    "import-error-leader-set-aside",
    "import-error-parent-without-unit",
    "import-error-parent-self",
    "import-error-parent-unknown",
    "import-error-parent-conflict",
    "import-error-parent-cycle",
];

#[test]
fn every_key_is_translated_in_danish_and_english() {
    let source = include_str!("mod.rs");
    // The keys added for the first run (issue 17, item 9) live in first_run.ftl.
    for (language, ftl, first_run) in [
        (
            "da",
            include_str!("../../../../server/locales/da/import.ftl"),
            include_str!("../../../../server/locales/da/first_run.ftl"),
        ),
        (
            "en",
            include_str!("../../../../server/locales/en/import.ftl"),
            include_str!("../../../../server/locales/en/first_run.ftl"),
        ),
    ] {
        let defined: Vec<&str> = ftl
            .lines()
            .chain(first_run.lines().filter(|l| l.starts_with("import-error-")))
            .filter_map(|l| l.split_once(" = "))
            .map(|(key, _)| key.trim())
            .collect();
        for key in KEYS {
            assert!(defined.contains(&key), "{key} missing in {language}");
        }
        for key in &defined {
            assert!(KEYS.contains(key), "{key} in {language} is not used");
        }
    }
    // And the list is complete: every key literal in this file is in it.
    let prefix = concat!("\"import", "-error-");
    for (at, _) in source.match_indices(prefix) {
        let literal = source[at + 1..].split('"').next().unwrap();
        assert!(KEYS.contains(&literal), "{literal} not in KEYS");
    }
}

fn units_row(line: usize, person: &str, unit: Option<&str>, parent: Option<&str>, leader: Option<&str>) -> ImportRow {
    ImportRow {
        unit: unit.map(|u| UnitName::parse(u).unwrap()),
        parent_unit: parent.map(|u| UnitName::parse(u).unwrap()),
        ..row(line, person, leader)
    }
}

#[test]
fn a_bad_row_leaves_the_good_rows_to_import() {
    let parsed = parse_partial(
        "navn;e-mail;nærmeste leder\nKim;kim@x.dk;\nBo;ikke-en-adresse;\nIda;ida@x.dk;kim@x.dk\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(parsed.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 4]);
    assert_eq!(parsed.errors, vec![RowError { line: 3, key: "error-email-invalid", value: "ikke-en-adresse".into() }]);
    // A header problem still refuses the whole file.
    assert!(matches!(parse_partial(b"navn;telefon\nKim;1\n"), Err(ImportError::Rows(_))));
}

#[test]
fn a_row_leaning_on_a_row_set_aside_is_set_aside_too() {
    let parsed = parse_partial(
        "navn;e-mail;nærmeste leder;roller\n\
         Kim;kim@x.dk;;chef\n\
         Ida;ida@x.dk;kim@x.dk;\n\
         Bo;bo@x.dk;ida@x.dk;\n\
         Eva;eva@x.dk;;\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(parsed.set_aside.get(&email("kim@x.dk")), Some(&2));
    let (rows, errors) = sort_out(parsed, &HashMap::new(), &ExistingUnits::new());
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![5]);
    assert_eq!(
        errors.iter().map(|e| (e.line, e.key)).collect::<Vec<_>>(),
        vec![
            (2, "import-error-role-unknown"),
            (3, "import-error-leader-set-aside"),
            (4, "import-error-leader-set-aside"),
        ]
    );
}

#[test]
fn parent_units_in_any_order_and_their_errors() {
    let existing: ExistingUnits = [("kommunen".to_string(), None)].into();
    let rows = [
        units_row(2, "a@x.dk", Some("Skole Øst"), Some("Skoler"), None),
        units_row(3, "b@x.dk", Some("Skoler"), Some("Børn og Unge"), None),
        units_row(4, "c@x.dk", Some("Børn og Unge"), Some("Kommunen"), None),
        units_row(5, "d@x.dk", Some("skole øst"), None, None),
    ];
    assert_eq!(check_units(&rows, &existing), vec![], "a child before its parent is fine");

    let rows = [
        units_row(2, "a@x.dk", Some("A"), Some("B"), None),
        units_row(3, "b@x.dk", Some("B"), Some("A"), None),
        units_row(4, "c@x.dk", Some("C"), Some("Ukendt"), None),
        units_row(5, "d@x.dk", None, Some("A"), None),
        units_row(6, "e@x.dk", Some("D"), Some("d"), None),
        units_row(7, "f@x.dk", Some("E"), Some("A"), None),
        units_row(8, "g@x.dk", Some("e"), Some("Kommunen"), None),
    ];
    assert_eq!(
        check_units(&rows, &existing).into_iter().map(|e| (e.line, e.key, e.value)).collect::<Vec<_>>(),
        vec![
            (2, "import-error-parent-cycle", "A → B → A".to_string()),
            (3, "import-error-parent-cycle", "B → A → B".to_string()),
            (4, "import-error-parent-unknown", "Ukendt".to_string()),
            (5, "import-error-parent-without-unit", "A".to_string()),
            (6, "import-error-parent-self", "d".to_string()),
            (8, "import-error-parent-conflict", "Kommunen".to_string()),
        ]
    );
    // A ring through a unit the organisation has.
    let existing: ExistingUnits = [("kommunen".to_string(), Some("skoler".to_string())), ("skoler".to_string(), None)].into();
    let rows = [units_row(2, "a@x.dk", Some("Skoler"), Some("Kommunen"), None)];
    assert_eq!(check_units(&rows, &existing)[0].key, "import-error-parent-cycle");
}

#[test]
fn the_parent_unit_column_is_read() {
    let rows = rows_of("Navn;E-mail;Enhed;Overordnet enhed\nKim;kim@x.dk;Skoler;Børn og Unge\nBo;bo@x.dk;Børn og Unge;\n");
    assert_eq!(rows[0].parent_unit.as_ref().map(UnitName::as_str), Some("Børn og Unge"));
    assert_eq!(rows[1].parent_unit, None);
    assert_eq!(rows_of("name,email,unit,parent unit\nKim,kim@x.dk,A,B\nBo,bo@x.dk,B,\n")[0].parent_unit.as_ref().map(UnitName::as_str), Some("B"));
}
