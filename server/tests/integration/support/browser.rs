//! Headless Chromium for end-to-end tests, driven over WebDriver
//! (chromedriver + fantoccini), with axe-core accessibility checks and
//! screenshots.
//!
//! Every [`Browser::launch`] starts its own chromedriver and its own Chromium
//! with a fresh, temporary profile directory. Two `Browser`s in one test are
//! therefore two independent users: separate cookie jars, storage and cache.
//!
//! If chromedriver or Chromium is missing, `launch` returns `None` so the
//! caller can skip the test, unless `LEDERTRIVSEL_TEST_REQUIRE_ALL=1` (set by
//! `.ci/run`), in which case it panics: CI must never skip silently.
//!
//! Binaries: `CHROMEDRIVER` (default `/usr/bin/chromedriver`) and `CHROMIUM`
//! (default `/usr/bin/chromium`).
#![allow(dead_code)]

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// Viewport of the smallest phone we design for.
pub const PHONE: (u32, u32) = (320, 640);
/// Viewport of an ordinary laptop.
pub const DESKTOP: (u32, u32) = (1280, 800);

const CHROME_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-first-run",
];

/// One axe-core rule that failed on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxeViolation {
    /// Rule id, e.g. `color-contrast`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical` (axe may leave it out).
    pub impact: Option<String>,
    /// One-line description of what to fix.
    pub help: String,
    /// Deque's page about the rule.
    pub help_url: String,
    /// One CSS selector per offending element. Selectors into iframes are
    /// joined with ` >> `, into shadow roots with ` >>> `.
    pub targets: Vec<String>,
}

impl AxeViolation {
    /// Impact `serious` or `critical`: what [`Browser::assert_accessible`] fails on.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }
}

impl std::fmt::Display for AxeViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("unknown impact");
        write!(
            f,
            "[{impact}] {}: {} ({})",
            self.id, self.help, self.help_url
        )?;
        for target in &self.targets {
            write!(f, "\n      at {target}")?;
        }
        Ok(())
    }
}

/// A headless Chromium session. Chromedriver and Chromium are stopped and
/// the profile is deleted when this is dropped (or [`Browser::close`]d).
pub struct Browser {
    client: Client,
    driver: Child,
    port: u16,
    session_id: Option<String>,
    closed: bool,
    /// Holds the Chromium profile and the chromedriver log; dropped last.
    dir: tempfile::TempDir,
}

enum Start {
    DriverExited(String),
    Failed(String),
}

fn require_all() -> bool {
    std::env::var("LEDERTRIVSEL_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1")
}

fn binary(env: &str, default: &str) -> Result<PathBuf, String> {
    let path = std::env::var_os(env)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "{} not found (set {env} to override)",
            path.display()
        ))
    }
}

impl Browser {
    /// Start a fresh headless Chromium at [`DESKTOP`] size. `None` (test
    /// should be skipped) if the binaries are not installed, see module docs.
    /// Panics if they are installed but do not start.
    pub async fn launch() -> Option<Browser> {
        let found = binary("CHROMEDRIVER", "/usr/bin/chromedriver")
            .and_then(|d| binary("CHROMIUM", "/usr/bin/chromium").map(|c| (d, c)));
        let (driver, chromium) = match found {
            Ok(found) => found,
            Err(why) if require_all() => panic!(
                "browser tests are required (LEDERTRIVSEL_TEST_REQUIRE_ALL=1) but {why}; \
                 install the Debian packages chromium and chromium-driver"
            ),
            Err(why) => {
                eprintln!("skipping browser test: {why}");
                return None;
            }
        };
        // Retry if chromedriver quits at once: a parallel test may have
        // taken the free port we picked before chromedriver could bind it.
        let mut attempt = 1;
        let error = loop {
            match Self::start(&driver, &chromium).await {
                Ok(browser) => return Some(browser),
                Err(Start::DriverExited(_)) if attempt < 3 => attempt += 1,
                Err(Start::DriverExited(e) | Start::Failed(e)) => break e,
            }
        };
        panic!(
            "could not start headless Chromium ({}) via {}: {error}",
            chromium.display(),
            driver.display(),
        );
    }

    /// Another independent user (own profile and cookies) next to this one.
    pub async fn new_context(&self) -> Browser {
        Browser::launch()
            .await
            .expect("browser binaries disappeared while the test was running")
    }

    async fn start(driver: &Path, chromium: &Path) -> Result<Browser, Start> {
        let dir = tempfile::Builder::new()
            .prefix("ledertrivsel-browser-")
            .tempdir()
            .map_err(|e| Start::Failed(format!("creating temporary profile directory: {e}")))?;
        let profile = dir.path().join("profile");
        let log = dir.path().join("chromedriver.log");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| Start::Failed(format!("finding a free port: {e}")))?
            .port();
        let mut child = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Start::Failed(format!("starting {}: {e}", driver.display())))?;
        // The log's own lines, without the JSON documents chromedriver dumps into it.
        let log_tail = |log: &Path| {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
            lines[lines.len().saturating_sub(15)..].join("\n")
        };

        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(Start::DriverExited(format!(
                    "chromedriver on port {port} exited with {status}; log:\n{}",
                    log_tail(&log)
                )));
            }
            if driver_ready(port).await {
                break;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Start::Failed(format!(
                    "chromedriver on port {port} did not become ready in 30 s; log:\n{}",
                    log_tail(&log)
                )));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = match ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => client,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Start::Failed(format!(
                    "new WebDriver session: {e}; chromedriver log:\n{}",
                    log_tail(&log)
                )));
            }
        };
        if let Ok(Some(status)) = child.try_wait() {
            // Ours could not bind the port, so the session we just made
            // belongs to the chromedriver that took it; end it and retry.
            let _ = client.close().await;
            return Err(Start::DriverExited(format!(
                "chromedriver on port {port} exited with {status}; log:\n{}",
                log_tail(&log)
            )));
        }
        let session_id = client.session_id().await.ok().flatten();
        let browser = Browser {
            client,
            driver: child,
            port,
            session_id,
            closed: false,
            dir,
        };
        browser.set_size(DESKTOP.0, DESKTOP.1).await;
        Ok(browser)
    }

    /// The WebDriver client, for navigation, finding elements, forms, cookies.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Resize so that the page's viewport (CSS `width`/`height` media
    /// features, `window.innerWidth`) is exactly `width` x `height`, e.g.
    /// [`PHONE`] or [`DESKTOP`].
    pub async fn set_size(&self, width: u32, height: u32) {
        let (mut outer_w, mut outer_h) = (width, height);
        // Under load the window manager may apply a resize late: measure again
        // a few times, with a short pause, before giving up.
        for attempt in 0..10 {
            self.client
                .set_window_size(outer_w, outer_h)
                .await
                .unwrap_or_else(|e| panic!("resizing browser to {outer_w}x{outer_h}: {e}"));
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
            }
            let inner = self
                .client
                .execute("return [window.innerWidth, window.innerHeight];", vec![])
                .await
                .unwrap_or_else(|e| panic!("reading viewport size: {e}"));
            let inner_w = inner[0].as_i64().unwrap_or(0);
            let inner_h = inner[1].as_i64().unwrap_or(0);
            if (inner_w, inner_h) == (i64::from(width), i64::from(height)) {
                return;
            }
            // Window decorations take space from the viewport; grow the window by that much.
            outer_w = (i64::from(outer_w) + i64::from(width) - inner_w).max(1) as u32;
            outer_h = (i64::from(outer_h) + i64::from(height) - inner_h).max(1) as u32;
        }
        panic!("could not give the browser a {width}x{height} viewport");
    }

    /// The standard check of a page as people meet it: axe-core finds no
    /// serious or critical violation at phone and at desktop width, nothing
    /// scrolls sideways at 320 px (WCAG 1.4.10), and a screenshot of each
    /// size lands in `target/tmp/screens/<name>-{phone,desktop}.png` to look at.
    /// Leaves the window at desktop size.
    pub async fn check_page(&self, name: &str) {
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screens");
        std::fs::create_dir_all(&shots).unwrap();
        for (label, (w, h)) in [("phone", PHONE), ("desktop", DESKTOP)] {
            self.set_size(w, h).await;
            self.assert_accessible(&format!("{name} ({label})")).await;
            self.screenshot(&shots.join(format!("{name}-{label}.png"))).await;
        }
        self.set_size(PHONE.0, PHONE.1).await;
        // The elements that stick out, so a failure says what to fix.
        let wide = self
            .client
            .execute(
                "const d = document.documentElement; if (d.scrollWidth <= d.clientWidth + 1) return []; \
                 return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > \
                 d.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + \
                 Math.round(e.getBoundingClientRect().right));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("measuring {name} at 320 px: {e}"));
        assert_eq!(wide, json!([]), "{name} scrolls sideways at 320 px");
        self.set_size(DESKTOP.0, DESKTOP.1).await;
    }

    /// The element matching `css`, waiting up to 15 s for it to appear.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("finding {css}: {e}"))
    }

    /// The visible text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap_or_else(|e| panic!("reading {css}: {e}"))
    }

    /// Replace the value of the field with id `id`.
    pub async fn fill(&self, id: &str, value: &str) {
        let field = self.find(&format!("[id='{id}']")).await;
        field.clear().await.unwrap_or_else(|e| panic!("clearing #{id}: {e}"));
        field.send_keys(value).await.unwrap_or_else(|e| panic!("typing into #{id}: {e}"));
    }

    /// Click an element that does not leave the page (a label, a radio button).
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// Sign in as `email` (with the test password) and wait until the
    /// header names the person.
    pub async fn sign_in(&self, base: &str, email: &str) {
        self.client.goto(&format!("{base}/login")).await.unwrap();
        self.fill("email", email).await;
        self.fill("password", crate::support::app::PASSWORD).await;
        self.submit("main form button[type=submit]").await;
        self.find(".lt-who").await;
    }

    /// Click an element that loads a new page (a submit button, a link) and
    /// wait until the new page has replaced the old one. WebDriver's click
    /// may return before a form's response has arrived, so reading the page
    /// right after it could read the old page, even when the new page has
    /// the same path (a form shown again with its errors).
    pub async fn submit(&self, css: &str) {
        let old = self.find("html").await;
        self.click(css).await;
        self.wait_for_new_page(&old, &format!("clicking {css}")).await;
    }

    /// Waits (up to 15 s) until the page whose root was `old` has been
    /// replaced and the new one has finished loading; `what` loaded it,
    /// for the message when it did not.
    pub async fn wait_for_new_page(&self, old: &fantoccini::elements::Element, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        // The old document's root goes stale once the next page is loaded.
        while old.tag_name().await.is_ok() {
            assert!(Instant::now() < deadline, "{what} did not load a new page");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        loop {
            let state = self.client.execute("return document.readyState;", vec![]).await;
            if matches!(state, Ok(Value::String(s)) if s == "complete") {
                return;
            }
            assert!(Instant::now() < deadline, "the page after {what} did not finish loading");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Waits (up to 15 s) until the page's path is `path`: after a click that
    /// submits a form, a busy machine may still be loading the next page.
    pub async fn wait_for_path(&self, path: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let now = self.client.current_url().await.map(|u| u.path().to_string()).unwrap_or_default();
            if now == path {
                return;
            }
            assert!(Instant::now() < deadline, "expected to arrive at {path}, still at {now}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Run axe-core on the current page and return its violations (all
    /// impacts). The page's Content-Security-Policy does not get in the way:
    /// WebDriver's execute-script is exempt from it.
    pub async fn axe(&self) -> Vec<AxeViolation> {
        let loaded = self
            .client
            .execute(
                "return !!(window.axe && typeof window.axe.run === 'function');",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("checking for axe-core on the page: {e}"));
        if loaded != Value::Bool(true) {
            self.client
                .execute(axe_source(), vec![])
                .await
                .unwrap_or_else(|e| panic!("injecting axe-core into the page: {e}"));
        }
        let result = self
            .client
            .execute_async(RUN_AXE, vec![])
            .await
            .unwrap_or_else(|e| panic!("running axe-core: {e}"));
        if let Some(error) = result.get("error") {
            panic!("axe-core failed: {error}");
        }
        let text =
            |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
        result["violations"]
            .as_array()
            .unwrap_or_else(|| panic!("unexpected axe-core result: {result}"))
            .iter()
            .map(|v| AxeViolation {
                id: text(v, "id"),
                impact: v.get("impact").and_then(Value::as_str).map(str::to_owned),
                help: text(v, "help"),
                help_url: text(v, "helpUrl"),
                targets: v["targets"]
                    .as_array()
                    .map(|t| {
                        t.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Panic, listing each one, if axe-core finds `serious` or `critical`
    /// violations on the current page. `page` names the page in the message.
    pub async fn assert_accessible(&self, page: &str) {
        let violations = self.axe().await;
        let (serious, minor): (Vec<_>, Vec<_>) = violations.iter().partition(|v| v.is_serious());
        for v in &minor {
            eprintln!("note: accessibility on {page}: {v}");
        }
        if !serious.is_empty() {
            let url = self
                .client
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            let list: Vec<String> = serious.iter().map(|v| format!("  {v}")).collect();
            panic!(
                "{page} ({url}) has {} serious/critical accessibility violation(s):\n{}",
                serious.len(),
                list.join("\n")
            );
        }
    }

    /// Save a PNG of the viewport to `path` (parent directories are created).
    pub async fn screenshot(&self, path: &Path) {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("taking screenshot {}: {e}", path.display()));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("creating {}: {e}", parent.display()));
        }
        std::fs::write(path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }

    /// End the session cleanly. Dropping a `Browser` also cleans up; this
    /// just does it without blocking the async runtime.
    pub async fn close(mut self) {
        if self.client.clone().close().await.is_ok() {
            self.closed = true;
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Killing chromedriver alone would leave Chromium running, so first
        // ask chromedriver to end the session (it waits for Chromium to quit).
        if let (false, Some(id)) = (self.closed, &self.session_id) {
            delete_session_blocking(self.port, id);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// axe.run, with the results cut down to what [`AxeViolation`] holds so the
/// WebDriver response stays small. Two more checks count as serious
/// violations, because axe alone let white-on-white buttons through
/// (issue 17): a colour contrast axe left undecided ("incomplete") fails
/// unless the text's colour against the first opaque background colour
/// behind it meets WCAG's ratio (axe leaves e.g. every label beside a styled
/// radio button undecided, as its pseudo-element might overlap the text, and
/// the text of an alert, whose icon is a background image); and any
/// visible control whose text has the colour of the background behind it.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
const selector = (t) => Array.isArray(t) ? t.join(' >>> ') : String(t);
const shape = (v) => ({
  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
  targets: v.nodes.map((n) => n.target.map(selector).join(' >> ')),
});
const opaque = (c) => c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c);
const behind = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (opaque(c)) return c;
  }
  return 'rgb(255, 255, 255)';
};
const invisible = [...document.querySelectorAll('a[href], button, input[type=submit], input[type=button], summary, [role=button]')]
  .filter((e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const text = (e.innerText || e.value || '').trim();
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && text && s.color === behind(e);
  })
  .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '')
    + ' "' + (e.innerText || e.value).trim().slice(0, 40) + '"');
const luminance = (c) => {
  const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const s = Number(v) / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
// An undecided node passes only if its own colours meet the ratio.
const undecided = (n) => {
  const el = n.target.length === 1 ? document.querySelector(n.target[0]) : null;
  if (!el) return true;
  const s = getComputedStyle(el);
  const size = parseFloat(s.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  return ratio(s.color, behind(el)) < (large ? 3 : 4.5);
};
window.axe.run(document, { resultTypes: ['violations', 'incomplete'] }).then(
  (r) => {
    const violations = r.violations.map(shape);
    for (const v of r.incomplete.filter((v) => v.id === 'color-contrast')) {
      const nodes = v.nodes.filter(undecided);
      if (nodes.length) {
        violations.push({ ...shape({ ...v, nodes }), id: 'color-contrast (undecided)', impact: 'serious' });
      }
    }
    if (invisible.length) {
      violations.push({ id: 'invisible-control', impact: 'serious', help: 'Text has the colour of its background',
        helpUrl: '', targets: invisible.slice(0, 8) });
    }
    done({ violations });
  },
  (e) => done({ error: String((e && e.stack) || e) }),
);
"#;

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "reading {}: {e}; run `npm ci` in the workspace root",
                path.display()
            )
        });
        // The script becomes a function body; a trailing newline keeps a
        // final `//` comment from swallowing the closing brace.
        source + "\n"
    })
}

/// GET /status until chromedriver says it is ready for new sessions.
async fn driver_ready(port: u16) -> bool {
    let attempt = async {
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .ok()?;
        let request =
            format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.ok()?;
        // chromedriver ignores `Connection: close`, so read by Content-Length.
        let mut response = Vec::new();
        let mut chunk = [0; 4096];
        while !response_complete(&response) {
            let n = stream.read(&mut chunk).await.ok()?;
            if n == 0 {
                break;
            }
            response.extend_from_slice(&chunk[..n]);
        }
        let response: String = String::from_utf8_lossy(&response)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        Some(response.starts_with("HTTP/1.1200") && response.contains("\"ready\":true"))
    };
    matches!(
        tokio::time::timeout(Duration::from_secs(2), attempt).await,
        Ok(Some(true))
    )
}

/// DELETE /session/{id}, synchronously because it runs in `Drop`.
fn delete_session_blocking(port: u16, session_id: &str) {
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return;
    }
    let mut response = Vec::new();
    let mut chunk = [0; 4096];
    while !response_complete(&response) {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => response.extend_from_slice(&chunk[..n]),
        }
    }
}

/// Whether `buf` holds a whole HTTP response (headers and Content-Length body).
fn response_complete(buf: &[u8]) -> bool {
    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let headers = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
    let length = headers
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    buf.len() >= end + 4 + length
}
