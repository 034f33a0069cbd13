//! Deleting an account and everything about its person in every
//! organisation, driven by the register: rows about the person are deleted,
//! references to them in shared work are cleared. Each organisation's audit
//! log records the deletion by name. An organisation's last HR admin cannot
//! delete their account, so no organisation is left without an admin.

use super::register::{Link, Of, REGISTER};
use crate::org::audit;
use crate::storage::{schema, Db};
use domain::ids::{AccountId, OrgId, PersonId};
use domain::roles::Role;
use sqlx::{AnyConnection, AssertSqlSafe};

/// Why an account was not deleted.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The account is the only HR admin of these organisations.
    LastHrAdmin { orgs: Vec<String> },
}

/// The organisations where the account is the only HR admin, by name.
pub async fn sole_admin_of(db: &Db, account: &AccountId) -> anyhow::Result<Vec<String>> {
    let mut conn = db.pool.acquire().await?;
    sole_admin_in(&mut conn, account).await
}

async fn sole_admin_in(conn: &mut AnyConnection, account: &AccountId) -> anyhow::Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT o.name FROM persons p JOIN orgs o ON o.id = p.org_id \
         JOIN person_roles r ON r.person_id = p.id AND r.org_id = p.org_id AND r.role = $2 \
         WHERE p.account_id = $1 AND NOT EXISTS (SELECT 1 FROM person_roles x \
           WHERE x.org_id = p.org_id AND x.role = $2 AND x.person_id <> p.id) \
         ORDER BY o.name",
    )
    .bind(account.as_str())
    .bind(Role::HrAdmin.code())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

/// Deletes the account in one transaction, or changes nothing when refused.
pub async fn delete_account(db: &Db, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    let orgs = sole_admin_in(&mut tx, account).await?;
    if !orgs.is_empty() {
        return Ok(Err(Refused::LastHrAdmin { orgs }));
    }
    let persons: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, org_id, name FROM persons WHERE account_id = $1")
            .bind(account.as_str())
            .fetch_all(&mut *tx)
            .await?;
    for (person, org, name) in &persons {
        let person = PersonId::from_db(person.clone());
        let actor = audit::Actor { person: Some(&person), name };
        audit::record(&mut tx, &OrgId::from_db(org.clone()), actor, "account-deleted", name, now).await?;
    }
    let persons: Vec<String> = persons.into_iter().map(|(id, _, _)| id).collect();
    // Names written into shared logs, which the register cannot clear by column.
    for person in &persons {
        crate::tools::live::store::forget_names(&mut tx, person).await?;
    }
    erase(&mut tx, account, &persons).await?;
    // Every browser signed in as this account is signed out.
    sqlx::query("DELETE FROM login_sessions WHERE data LIKE $1")
        .bind(format!("%\"account_id\":\"{}\"%", account.as_str()))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// References first (so shared rows stay, unattributed), then the rows about
/// the person, children before parents (the register lists parents first).
async fn erase(conn: &mut AnyConnection, account: &AccountId, persons: &[String]) -> anyhow::Result<()> {
    let ids_of = |of: Of| -> Vec<&str> {
        match of {
            Of::Account => vec![account.as_str()],
            Of::Person => persons.iter().map(String::as_str).collect(),
        }
    };
    for entry in REGISTER {
        for owner in entry.owners.iter().filter(|o| o.link != Link::Subject) {
            let sql = format!(
                "UPDATE {t} SET {c} = NULL WHERE {c} = $1",
                t = schema::quote(entry.table),
                c = schema::quote(owner.column)
            );
            for id in ids_of(owner.of) {
                sqlx::query(AssertSqlSafe(sql.clone())).bind(id).execute(&mut *conn).await?;
            }
        }
    }
    for entry in REGISTER.iter().rev() {
        for owner in entry.owners.iter().filter(|o| o.link == Link::Subject) {
            let sql = format!("DELETE FROM {} WHERE {} = $1", schema::quote(entry.table), schema::quote(owner.column));
            for id in ids_of(owner.of) {
                sqlx::query(AssertSqlSafe(sql.clone())).bind(id).execute(&mut *conn).await?;
            }
        }
    }
    Ok(())
}
