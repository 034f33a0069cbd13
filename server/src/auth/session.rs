//! What a login session holds, and signing in and out.

use domain::ids::{AccountId, OrgId};
use tower_sessions::Session;

const ACCOUNT: &str = "account_id";
const ORG: &str = "org_id";

/// The signed-in account. A session that cannot be read (the database
/// went away) is an error, not "signed out": the person would otherwise be
/// sent to sign in, away from what they were doing (issue 16's chaos run).
pub async fn account_id(session: &Session) -> anyhow::Result<Option<AccountId>> {
    Ok(session.get::<String>(ACCOUNT).await?.map(AccountId::from_db))
}

pub async fn org_id(session: &Session) -> anyhow::Result<Option<OrgId>> {
    Ok(session.get::<String>(ORG).await?.map(OrgId::from_db))
}

/// Signs in with a fresh session id (no session fixation) and a fresh CSRF token.
pub async fn sign_in(session: &Session, account: &AccountId, org: Option<&OrgId>) -> anyhow::Result<()> {
    session.cycle_id().await?;
    session.insert(ACCOUNT, account.as_str()).await?;
    match org {
        Some(org) => session.insert(ORG, org.as_str()).await?,
        None => {
            session.remove::<String>(ORG).await?;
        }
    }
    super::csrf::renew(session).await?;
    Ok(())
}

pub async fn select_org(session: &Session, org: &OrgId) -> anyhow::Result<()> {
    session.insert(ORG, org.as_str()).await?;
    Ok(())
}

pub async fn sign_out(session: &Session) -> anyhow::Result<()> {
    session.flush().await?;
    Ok(())
}
