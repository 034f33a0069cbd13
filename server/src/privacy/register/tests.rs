//! Checks of the register against itself and the retention rules.

use super::*;

#[test]
fn owner_columns_are_registered_personal_columns() {
    for e in REGISTER {
        for o in e.owners {
            let class = e.columns.iter().find(|(n, _)| *n == o.column).map(|(_, c)| *c);
            assert_eq!(class, Some(Class::Personal), "{}.{}", e.table, o.column);
        }
    }
}

#[test]
fn no_table_or_column_is_listed_twice() {
    for (i, e) in REGISTER.iter().enumerate() {
        assert!(REGISTER[i + 1..].iter().all(|o| o.table != e.table), "{} twice", e.table);
        for (j, (c, _)) in e.columns.iter().enumerate() {
            assert!(e.columns[j + 1..].iter().all(|(o, _)| o != c), "{}.{c} twice", e.table);
        }
    }
}

/// The register and the migrated schema list the same tables and columns.
#[tokio::test]
async fn register_matches_the_live_schema() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::storage::Db::connect(&crate::storage::sqlite_url(dir.path())).await.unwrap();
    db.migrate().await.unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let tables = crate::storage::schema::tables(&mut conn, db.backend).await.unwrap();
    let mut problems = Vec::new();
    for t in &tables {
        let Some(e) = entry(&t.name) else {
            problems.push(format!("table {} is not in the register", t.name));
            continue;
        };
        for c in &t.columns {
            if !e.columns.iter().any(|(n, _)| *n == c.name) {
                problems.push(format!("column {}.{} is not in the register", t.name, c.name));
            }
        }
        for (n, _) in e.columns {
            if t.column(n).is_none() {
                problems.push(format!("the register lists {}.{n}, which the schema does not have", t.name));
            }
        }
    }
    for e in REGISTER {
        if !tables.iter().any(|t| t.name == e.table) {
            problems.push(format!("the register lists table {}, which the schema does not have", e.table));
        }
    }
    assert!(problems.is_empty(), "the personal data register disagrees with the schema:\n{}", problems.join("\n"));
}

#[test]
fn withheld_columns_are_registered_columns() {
    for e in REGISTER {
        for o in e.owners {
            for w in o.withholds {
                assert!(e.columns.iter().any(|(n, _)| n == w), "{}.{w} is withheld but not registered", e.table);
            }
        }
    }
}

/// Every column a retention policy names exists where it says.
#[test]
fn retention_policies_name_registered_columns() {
    let has = |t: &str, c: &str| entry(t).is_some_and(|e| e.columns.iter().any(|(n, _)| *n == c));
    for e in REGISTER {
        match e.retention {
            // The purge scopes every delete by the organisation's own period.
            Retention::Own(column) => assert!(has(e.table, column) && has(e.table, "org_id"), "{}.{column}", e.table),
            Retention::Parent { key, parent, ended } => {
                assert!(has(e.table, key), "{}.{key}", e.table);
                assert!(has(parent, "id") && has(parent, "org_id") && has(parent, ended), "{}: {parent}.{ended}", e.table);
            }
            Retention::ApvCampaign => assert!(has(e.table, "round_id"), "{} is deleted by round_id", e.table),
            _ => {}
        }
    }
}

/// Wellbeing answers and free text either expire or stay in their
/// owner's own space; the only shared ones are a thread's lifted points,
/// which the receiving level works with (and which name no sender
/// unless the sender chose to be named).
#[test]
fn sensitive_data_expires_or_stays_in_its_owners_space() {
    const SHARED: &[&str] = &["lifts"];
    for e in REGISTER.iter().filter(|e| e.columns.iter().any(|(_, c)| *c == Class::Sensitive)) {
        let kept_by_owner = e.retention == Retention::WhileMember;
        let expires = matches!(e.retention, Retention::Own(_) | Retention::Parent { .. } | Retention::ApvCampaign);
        assert!(kept_by_owner || expires || SHARED.contains(&e.table), "{} holds sensitive data kept as {:?}", e.table, e.retention);
    }
}

/// A table said to be about no one holds nothing about anyone.
#[test]
fn tables_kept_as_about_no_one_hold_no_personal_column() {
    for e in REGISTER.iter().filter(|e| matches!(e.retention, Retention::NotPersonal | Retention::Tally)) {
        assert!(e.columns.iter().all(|(_, c)| *c == Class::NotPersonal), "{} is kept as about no one", e.table);
        assert!(e.owners.is_empty(), "{} names an owner", e.table);
    }
}

#[test]
fn credentials_are_never_exportable() {
    let accounts = entry("accounts").unwrap();
    assert!(!accounts.exportable().any(|c| c == "password_hash"));
    assert!(!entry("tokens").unwrap().exportable().any(|c| c == "hash"));
}
