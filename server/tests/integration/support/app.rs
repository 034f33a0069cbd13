//! `TestApp`: the real application on port 0 with its own database and data
//! directory, plus helpers to create organisations and people directly in
//! the database and clients that sign in through the real pages.

use ledertrivsel::config::{DbArgs, ServeArgs};
use ledertrivsel::startup::Application;
use ledertrivsel::state::AppState;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub data_dir: PathBuf,
    pub database_url: String,
    _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

pub const PASSWORD: &str = "et-godt-kodeord-2026";

impl TestApp {
    /// `None` only for PostgreSQL when it is not configured (see `postgres.rs`).
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    /// As `spawn`, with settings changed by `configure` first.
    pub async fn spawn_with(backend: Backend, configure: impl FnOnce(&mut ServeArgs)) -> Option<TestApp> {
        let dir = tempfile::tempdir().unwrap();
        let database_url = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(super::postgres::fresh_database_url().await?),
        };
        let mut args = ServeArgs {
            listen: "127.0.0.1:0".parse().unwrap(),
            db: DbArgs { data_dir: dir.path().to_path_buf(), database_url: database_url.clone() },
            public_url: Some("http://test.invalid".into()),
            smtp_url: None,
            mail_from: "Ledertrivsel <no-reply@test.invalid>".into(),
            reminder_every: 300,
            metrics_token: None,
            client_ip_header: None,
        };
        configure(&mut args);
        let app = Application::build(&args).await.unwrap();
        let base = format!("http://127.0.0.1:{}", app.port);
        let state = app.state.clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async {
            let _ = rx.await;
        }));
        Some(TestApp {
            base,
            state,
            data_dir: dir.path().to_path_buf(),
            database_url: database_url.unwrap_or_else(|| ledertrivsel::storage::sqlite_url(dir.path())),
            _dir: dir,
            shutdown: Some(tx),
        })
    }

    pub fn client(&self) -> TestClient {
        TestClient::new(&self.base)
    }

    /// An organisation with an HR admin (who can sign in with `PASSWORD`).
    pub async fn org(&self, name: &str, admin_email: &str) -> Org {
        let hash = ledertrivsel::auth::password::hash(PASSWORD).await.unwrap();
        let made = ledertrivsel::org::provision::create_org_with_admin(
            &self.state.db,
            &self.state.shipped,
            &domain::input::OrgName::parse(name).unwrap(),
            &domain::input::PersonName::parse("Hanne HR").unwrap(),
            &domain::input::Email::parse(admin_email).unwrap(),
            Some(&hash),
            &[],
            self.state.clock.now(),
        )
        .await
        .unwrap();
        Org { id: made.org, admin_email: admin_email.to_string(), admin_person: made.person }
    }

    /// A person with the given roles and a password, in `org`.
    pub async fn person(&self, org: &Org, name: &str, email: &str, roles: &[domain::roles::Role]) -> domain::ids::PersonId {
        use ledertrivsel::org::store;
        let hash = ledertrivsel::auth::password::hash(PASSWORD).await.unwrap();
        let mut conn = self.state.db.pool.acquire().await.unwrap();
        let account = store::ensure_account(&mut conn, &domain::input::Email::parse(email).unwrap(), self.state.clock.now()).await.unwrap();
        store::set_password(&mut conn, &account, &hash).await.unwrap();
        store::create_person(
            &mut conn,
            &org.id,
            store::NewPerson {
                account: &account,
                name: &domain::input::PersonName::parse(name).unwrap(),
                unit: None,
                nearest_leader: None,
                roles,
            },
            self.state.clock.now(),
        )
        .await
        .unwrap()
    }

    /// A leader group inserted directly; the leader is not in `group_members`
    /// (the leader counts as a member all the same).
    pub async fn group(&self, org: &Org, name: &str, leader: &domain::ids::PersonId, members: &[&domain::ids::PersonId]) -> String {
        let id = uuid::Uuid::now_v7().to_string();
        sqlx::query("INSERT INTO leader_groups (id, org_id, name, group_leader_id, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&id)
            .bind(org.id.as_str())
            .bind(name)
            .bind(leader.as_str())
            .bind("2026-01-05T09:00:00Z")
            .execute(&self.state.db.pool)
            .await
            .unwrap();
        for m in members {
            self.add_member(org, &id, m).await;
        }
        id
    }

    pub async fn add_member(&self, org: &Org, group: &str, person: &domain::ids::PersonId) {
        sqlx::query("INSERT INTO group_members (group_id, person_id, org_id) VALUES ($1, $2, $3)")
            .bind(group)
            .bind(person.as_str())
            .bind(org.id.as_str())
            .execute(&self.state.db.pool)
            .await
            .unwrap();
    }

    /// A client signed in as `email` with `PASSWORD`.
    pub async fn signed_in(&self, email: &str) -> TestClient {
        let client = self.client();
        let response = client.post_form("/login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(response.status(), 303, "sign-in as {email} failed");
        client
    }

    /// Every mail in the outbox to `to`, as (subject, plain-text body), oldest first.
    pub fn mails_to(&self, to: &str) -> Vec<(String, String)> {
        let dir = self.data_dir.join("outbox");
        let mut mails = Vec::new();
        let Ok(entries) = std::fs::read_dir(&dir) else { return mails };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|x| x == "eml")) {
            let raw = std::fs::read(&path).unwrap();
            let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
            let recipient = message.to().and_then(|a| a.first()).and_then(|a| a.address()).unwrap_or_default().to_string();
            if recipient == to {
                mails.push((
                    message.subject().unwrap_or_default().to_string(),
                    message.body_text(0).unwrap_or_default().to_string(),
                ));
            }
        }
        mails
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub struct Org {
    pub id: domain::ids::OrgId,
    pub admin_email: String,
    pub admin_person: domain::ids::PersonId,
}

/// An HTTP client with its own cookie jar that does not follow redirects,
/// so tests see exactly what the server answered.
pub struct TestClient {
    pub base: String,
    pub http: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl TestClient {
    pub fn new(base: &str) -> Self {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self { base: base.to_string(), http, jar }
    }

    /// The same browser (cookies and all) talking to another server.
    pub fn on(&self, base: &str) -> TestClient {
        TestClient { base: base.to_string(), http: self.http.clone(), jar: self.jar.clone() }
    }

    /// The `Cookie` header this client sends, for a WebSocket opened beside it.
    pub fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        self.jar.cookies(&self.base.parse().unwrap()).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{}", self.base, path)).send().await.unwrap()
    }

    /// GET and return (status, body).
    pub async fn page(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.text().await.unwrap())
    }

    /// The CSRF token of this client's session, read from a page's form.
    pub async fn csrf(&self) -> String {
        let (_, body) = self.page("/login").await;
        let (_, body) = if body.contains("name=\"csrf\"") { (0, body) } else { self.page("/").await };
        csrf_in(&body).expect("a page with a form")
    }

    /// POST a form with this session's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &token));
        self.post_raw(path, &all).await
    }

    /// Shows a leader group its picture at the meeting, as whoever leads it:
    /// `round` is the round's path (`/intro/runs/{id}`, `/collab/rounds/{id}`,
    /// `/apv/rounds/{id}`). Answering ends there (`domain::promise::Stage`).
    pub async fn reveal(&self, round: &str) {
        let r = self.post_form(&format!("{round}/reveal"), &[("ready", "1")]).await;
        assert_eq!(r.status(), 303, "revealing {round}: {}", r.text().await.unwrap());
    }

    /// POST exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.http
            .post(format!("{}{}", self.base, path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }
}

pub fn csrf_in(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")?;
    let rest = &body[at + "name=\"csrf\" value=\"".len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Where a redirect points.
pub fn location(r: &reqwest::Response) -> String {
    r.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}
