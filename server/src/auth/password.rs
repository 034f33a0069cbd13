//! Argon2id password hashes (the crate's defaults are Argon2id, v19, with
//! OWASP-recommended cost). Hashing runs off the async threads.

use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};

pub async fn hash(password: &str) -> anyhow::Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

/// True when `password` matches `stored`. A malformed hash never matches.
pub async fn verify(stored: &str, password: &str) -> bool {
    let (stored, password) = (stored.to_string(), password.to_string());
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// Verifies against a fixed hash so that an unknown e-mail takes as long as a
/// wrong password, and sign-in does not reveal who has an account.
pub async fn burn_time(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = match DUMMY.get() {
        Some(h) => h.clone(),
        None => {
            let h = hash("not-a-real-password").await.unwrap_or_default();
            DUMMY.get_or_init(|| h).clone()
        }
    };
    verify(&dummy, password).await;
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn argon2id_round_trip() {
        let h = super::hash("et langt kodeord").await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify(&h, "et langt kodeord").await);
        assert!(!super::verify(&h, "et andet kodeord").await);
        assert!(!super::verify("garbage", "x").await);
    }
}
