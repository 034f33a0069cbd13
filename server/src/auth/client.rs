//! The client's address, for the sign-in limits and `/metrics`: the socket's
//! peer, or, only when the operator has named one
//! (`LEDERTRIVSEL_CLIENT_IP_HEADER`), the header their reverse proxy sets.
//! A forwarded header is never trusted unless configured: anyone can send
//! one, and trusting it would let a client pick its own address.

use crate::state::AppState;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

/// The client's address; `None` when it cannot be told (no socket, or the
/// configured header is missing or not an address).
pub struct ClientAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(a)| a.ip());
        Ok(ClientAddr(client_ip(peer, &parts.headers, state.client_ip_header.as_deref())))
    }
}

/// With a configured header, the address the proxy wrote: its value, or for
/// a list (`X-Forwarded-For`) the last entry, the one the proxy appended
/// (earlier entries come from the client and prove nothing).
pub fn client_ip(peer: Option<IpAddr>, headers: &HeaderMap, header: Option<&str>) -> Option<IpAddr> {
    let Some(header) = header else { return peer.map(|ip| ip.to_canonical()) };
    let value = headers.get_all(header).iter().next_back()?.to_str().ok()?;
    value.rsplit(',').next()?.trim().parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_socket_unless_a_header_is_configured() {
        let peer = Some("127.0.0.1".parse().unwrap());
        let forged = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_ip(peer, &forged, None), peer, "an unconfigured header is ignored");
        assert_eq!(client_ip(Some("::ffff:192.0.2.1".parse().unwrap()), &forged, None), Some("192.0.2.1".parse().unwrap()));
    }

    #[test]
    fn the_last_address_the_proxy_appended() {
        let peer = Some("127.0.0.1".parse().unwrap());
        let h = headers(&[("x-forwarded-for", "10.9.9.9, 203.0.113.9")]);
        assert_eq!(client_ip(peer, &h, Some("x-forwarded-for")), Some("203.0.113.9".parse().unwrap()));
        let h = headers(&[("x-real-ip", "2001:db8::1")]);
        assert_eq!(client_ip(peer, &h, Some("x-real-ip")), Some("2001:db8::1".parse().unwrap()));
        assert_eq!(client_ip(peer, &HeaderMap::new(), Some("x-real-ip")), None, "missing: unknown, not the proxy");
        let h = headers(&[("x-real-ip", "nonsense")]);
        assert_eq!(client_ip(peer, &h, Some("x-real-ip")), None);
    }
}
