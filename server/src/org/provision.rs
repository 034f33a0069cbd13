//! Creating an organisation with its first HR admin and its catalogue.

use crate::catalogue::store::{install, ShippedItem};
use crate::content::{ItemText, Shipped};
use crate::storage::Db;
use domain::ids::{AccountId, OrgId, PersonId};
use domain::input::{Email, OrgName, PersonName};
use domain::roles::Role;
use sqlx::AnyConnection;

pub struct Provisioned {
    pub org: OrgId,
    pub account: AccountId,
    pub person: PersonId,
}

/// Loads every shipped tool's content into the organisation's catalogue.
pub async fn install_catalogue(conn: &mut AnyConnection, org: &OrgId, shipped: &Shipped, now: time::OffsetDateTime) -> anyhow::Result<()> {
    for (tool, version, items) in tools(shipped) {
        install(conn, org, tool, version, &items, now).await?;
    }
    Ok(())
}

/// The shipped tools whose items live in the catalogue: (tool, version, items).
fn tools(shipped: &Shipped) -> [(&'static str, i64, Vec<ShippedItem<'_>>); 4] {
    let apv = &shipped.apv;
    [
        ("intro", shipped.intro.da.version, pairs(&shipped.intro.da.items, &shipped.intro.en.items)),
        ("dialog", shipped.dialog.da.version, pairs(&shipped.dialog.da.items, &shipped.dialog.en.items)),
        (
            "apv",
            apv.da.version,
            apv.da
                .themes
                .iter()
                .zip(&apv.en.themes)
                .map(|(da, en)| ShippedItem { key: &da.key, section: &da.part, text_da: &da.text, text_en: &en.text })
                .collect(),
        ),
        ("collab", shipped.collab.da.version, pairs(&shipped.collab.da.items, &shipped.collab.en.items)),
    ]
}

fn pairs<'a>(da: &'a [ItemText], en: &'a [ItemText]) -> Vec<ShippedItem<'a>> {
    da.iter()
        .zip(en)
        .map(|(da, en)| ShippedItem { key: &da.key, section: &da.section, text_da: &da.text, text_en: &en.text })
        .collect()
}

/// At start: organisations created before a tool shipped get its items, so
/// a new version of the binary brings its new tools to everyone. One query
/// per tool finds the organisations that lack it.
pub async fn install_new_tools(db: &Db, shipped: &Shipped, now: time::OffsetDateTime) -> anyhow::Result<()> {
    for (tool, version, items) in tools(shipped) {
        let lacking: Vec<(String,)> = sqlx::query_as(
            "SELECT o.id FROM orgs o WHERE NOT EXISTS \
             (SELECT 1 FROM catalogue_items i WHERE i.org_id = o.id AND i.tool = $1)",
        )
        .bind(tool)
        .fetch_all(&db.pool)
        .await?;
        for (org,) in lacking {
            let mut tx = db.begin_write().await?;
            install(&mut tx, &OrgId::from_db(org), tool, version, &items, now).await?;
            tx.commit().await?;
        }
    }
    Ok(())
}

/// One transaction: the organisation, the admin's account (reused if the
/// address already has one) and person, roles, catalogue, audit entry.
pub async fn create_org_with_admin(
    db: &Db,
    shipped: &Shipped,
    org_name: &OrgName,
    admin_name: &PersonName,
    admin_email: &Email,
    password_hash: Option<&str>,
    extra_roles: &[Role],
    now: time::OffsetDateTime,
) -> anyhow::Result<Provisioned> {
    let mut tx = db.begin_write().await?;
    let made = create_org_with_admin_in(&mut tx, shipped, org_name, admin_name, admin_email, password_hash, extra_roles, now).await?;
    tx.commit().await?;
    Ok(made)
}

/// `create_org_with_admin` inside the caller's transaction (the demo
/// writes the organisation and everything in it in one).
pub async fn create_org_with_admin_in(
    tx: &mut AnyConnection,
    shipped: &Shipped,
    org_name: &OrgName,
    admin_name: &PersonName,
    admin_email: &Email,
    password_hash: Option<&str>,
    extra_roles: &[Role],
    now: time::OffsetDateTime,
) -> anyhow::Result<Provisioned> {
    let org = super::store::create_org(&mut *tx, org_name, now).await?;
    let account = super::store::ensure_account(&mut *tx, admin_email, now).await?;
    if let Some(hash) = password_hash {
        super::store::set_password(&mut *tx, &account, hash).await?;
    }
    let mut roles = vec![Role::HrAdmin];
    roles.extend_from_slice(extra_roles);
    let person = super::store::create_person(
        &mut *tx,
        &org,
        super::store::NewPerson { account: &account, name: admin_name, unit: None, nearest_leader: None, roles: &roles },
        now,
    )
    .await?;
    install_catalogue(&mut *tx, &org, shipped, now).await?;
    super::audit::record(
        &mut *tx,
        &org,
        super::audit::Actor { person: Some(&person), name: admin_name.as_str() },
        "org-created",
        org_name.as_str(),
        now,
    )
    .await?;
    Ok(Provisioned { org, account, person })
}
