//! A WebSocket client for the tests: connects beside a `TestClient` (same
//! cookies), sends commands and reads messages with a timeout, so a missing
//! message fails the test instead of hanging it.

use crate::support::TestClient;
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

pub struct Ws {
    stream: tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
    pub me: u64,
}

/// The handshake's answer when it is refused: the HTTP status.
pub async fn refused_status(client: &TestClient, session: &str, origin: Option<&str>) -> u16 {
    match open(client, session, 0, origin).await {
        Ok(_) => 101,
        Err(tokio_tungstenite::tungstenite::Error::Http(r)) => r.status().as_u16(),
        Err(e) => panic!("unexpected error {e}"),
    }
}

async fn open(
    client: &TestClient,
    session: &str,
    since: i64,
    origin: Option<&str>,
) -> Result<tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>, tokio_tungstenite::tungstenite::Error> {
    let url = format!("{}/live/{session}/socket?since={since}", client.base.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    let cookie = client.cookie_header();
    if !cookie.is_empty() {
        request.headers_mut().insert("cookie", cookie.parse().unwrap());
    }
    if let Some(origin) = origin {
        request.headers_mut().insert("origin", origin.parse().unwrap());
    }
    tokio_tungstenite::connect_async(request).await.map(|(s, _)| s)
}

impl Ws {
    /// Connects as the client's participant and reads the greeting.
    pub async fn connect(client: &TestClient, session: &str, since: i64) -> Ws {
        let origin = client.base.clone();
        let stream = open(client, session, since, Some(&origin)).await.expect("the socket opens");
        let mut ws = Ws { stream, me: 0 };
        let hello = ws.next().await;
        assert_eq!(hello["type"], "hello", "{hello}");
        ws.me = hello["p"].as_u64().unwrap();
        ws
    }

    /// The next message, within 5 seconds.
    pub async fn next(&mut self) -> Value {
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(5), self.stream.next())
                .await
                .expect("a message within 5 s")
                .expect("the socket is open")
                .expect("a readable message");
            match msg {
                Message::Text(t) => return serde_json::from_str(&t).unwrap(),
                Message::Close(_) => return Value::String("closed".into()),
                _ => continue,
            }
        }
    }

    /// Reads until a message matches, returning it and what came before.
    pub async fn until(&mut self, what: impl Fn(&Value) -> bool) -> (Value, Vec<Value>) {
        let mut before = Vec::new();
        loop {
            let m = self.next().await;
            if what(&m) {
                return (m, before);
            }
            before.push(m);
        }
    }

    /// The next event of a type.
    pub async fn event(&mut self, kind: &str) -> Value {
        self.until(|m| m["type"] == "event" && m["event"]["type"] == kind).await.0
    }

    pub async fn send_raw(&mut self, text: &str) {
        self.stream.send(Message::Text(text.into())).await.unwrap();
    }

    /// Sends a command with a fresh id and returns the id. Ids are unique
    /// across connections, as a participant's client keeps them: the server
    /// answers a known id with the event it already wrote.
    pub async fn send(&mut self, cmd: Value) -> String {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        let id = format!("t{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        self.send_raw(&serde_json::json!({ "id": id, "cmd": cmd }).to_string()).await;
        id
    }

    /// Sends a command and waits for its acknowledgement; returns its number.
    pub async fn ok(&mut self, cmd: Value) -> i64 {
        let id = self.send(cmd.clone()).await;
        let (answer, _) = self.until(|m| (m["type"] == "ack" || m["type"] == "refused") && m["id"] == id.as_str()).await;
        assert_eq!(answer["type"], "ack", "{cmd} was refused: {answer}");
        answer["seq"].as_i64().unwrap()
    }

    /// Sends a command that must be refused; returns the message shown.
    pub async fn refused(&mut self, cmd: Value) -> String {
        let id = self.send(cmd.clone()).await;
        let (answer, _) = self.until(|m| (m["type"] == "ack" || m["type"] == "refused") && m["id"] == id.as_str()).await;
        assert_eq!(answer["type"], "refused", "{cmd} was accepted: {answer}");
        answer["message"].as_str().unwrap().to_string()
    }

    /// True when the server ends the connection within 5 seconds.
    pub async fn is_closed(&mut self) -> bool {
        let ended = async {
            loop {
                match self.stream.next().await {
                    None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return,
                    Some(Ok(_)) => continue,
                }
            }
        };
        tokio::time::timeout(Duration::from_secs(5), ended).await.is_ok()
    }

    pub async fn close(mut self) {
        let _ = self.stream.close(None).await;
    }
}
