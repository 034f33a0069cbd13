//! Who may read `/metrics`: its counters say how the service is used and
//! are no one else's business. With a token configured, only a request that
//! carries it (`Authorization: Bearer …`), wherever it comes from; without
//! one, only the machine itself (a scraper on loopback). Anything else is
//! told the page does not exist.

use std::net::IpAddr;

/// `token`: the configured token; `authorization`: the request's header;
/// `peer`: the socket's address (never a forwarded header).
pub fn may_read(token: Option<&str>, authorization: Option<&str>, peer: Option<IpAddr>) -> bool {
    match token {
        Some(token) => authorization
            .and_then(|h| h.strip_prefix("Bearer "))
            .is_some_and(|given| same(given.trim().as_bytes(), token.as_bytes())),
        None => peer.is_some_and(|ip| ip.is_loopback() || ip.to_canonical().is_loopback()),
    }
}

/// Equal without telling by its timing how much of the token was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn without_a_token_only_loopback() {
        assert!(may_read(None, None, ip("127.0.0.1")));
        assert!(may_read(None, None, ip("::1")));
        assert!(may_read(None, None, ip("::ffff:127.0.0.1")));
        assert!(!may_read(None, None, ip("203.0.113.7")));
        assert!(!may_read(None, Some("Bearer x"), ip("10.0.0.5")));
        assert!(!may_read(None, None, None));
    }

    #[test]
    fn with_a_token_only_the_token() {
        let t = Some("s3cret-token");
        assert!(may_read(t, Some("Bearer s3cret-token"), ip("203.0.113.7")));
        assert!(!may_read(t, None, ip("127.0.0.1")), "loopback alone is not enough once a token is set");
        assert!(!may_read(t, Some("Bearer wrong"), ip("127.0.0.1")));
        assert!(!may_read(t, Some("Bearer s3cret-toke"), ip("127.0.0.1")));
        assert!(!may_read(t, Some("Basic s3cret-token"), ip("127.0.0.1")));
    }
}
