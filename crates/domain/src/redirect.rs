//! Where a browser may be sent after signing in or switching language: only
//! a path on this site. A `next` comes from a link or a hidden form field
//! that anyone can craft, so without this rule a link to our sign-in page
//! could end on another site that looks like ours (an open redirect).
//!
//! Browsers are lenient where a naive check is strict: they drop tabs and
//! newlines inside a URL and read `\` as `/`, so `/\t/evil.example` and
//! `/\evil.example` both mean `//evil.example`, another host. The rule
//! therefore refuses control characters and backslashes outright, resolves
//! the rest with a real URL parser (`url`, the WHATWG parser browsers follow)
//! against a stand-in origin, keeps it only when the origin is unchanged, and
//! answers the parser's own serialisation (percent-encoded, so always a valid
//! header value), checked again to begin with exactly one `/`.

use url::Url;

/// The stand-in origin `next` is resolved against; never shown to anyone.
const BASE: &str = "https://same-origin.invalid/";

/// `next` when it is a path on this site, else `/`.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(same_origin_path).unwrap_or_else(|| "/".to_string())
}

fn same_origin_path(next: &str) -> Option<String> {
    if !next.starts_with('/') || next.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    let base = Url::parse(BASE).expect("the stand-in origin parses");
    let url = base.join(next).ok()?;
    if url.origin() != base.origin() {
        return None;
    }
    let mut path = url.path().to_string();
    if let Some(query) = url.query() {
        path.push('?');
        path.push_str(query);
    }
    // Dot segments can leave `//host` after normalising (`/..//evil.example`).
    let mut chars = path.chars();
    match (chars.next(), chars.next()) {
        (Some('/'), None) => Some(path),
        (Some('/'), Some(second)) if second != '/' && second != '\\' => Some(path),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(safe_next(Some("/dialog")), "/dialog");
        assert_eq!(safe_next(Some("/apv/rounds/1?tab=2")), "/apv/rounds/1?tab=2");
        assert_eq!(safe_next(Some("/")), "/");
    }

    #[test]
    fn other_sites_and_odd_paths_go_home() {
        for bad in [
            "/\t/evil.example",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "http:evil.example",
            "evil.example",
            "/\n/evil.example",
            "/dialog\r\nSet-Cookie: x=1",
            "/..//evil.example",
            "/.//evil.example",
            "/%2e%2e//evil.example",
            "",
            " /dialog",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn what_is_kept_is_a_valid_header_value() {
        assert_eq!(safe_next(Some("/søg?q=æ ø")), "/s%C3%B8g?q=%C3%A6%20%C3%B8");
        assert_eq!(safe_next(Some("/a/../b")), "/b");
    }

    proptest! {
        #[test]
        fn any_answer_is_a_path_on_this_site(next in prop_oneof![
            any::<String>(),
            "[/\\\\\t\n\r .%a-z0-9:?#@]{0,16}",
            "/[/\\\\\t\n\r .%a-z0-9:?#@]{0,16}",
        ]) {
            let out = safe_next(Some(&next));
            let mut chars = out.chars();
            prop_assert_eq!(chars.next(), Some('/'));
            if let Some(second) = chars.next() {
                prop_assert!(second != '/' && second != '\\', "{:?} -> {:?}", next, out);
            }
            prop_assert!(!out.chars().any(|c| c.is_control()), "{:?} -> {:?}", next, out);
            prop_assert!(out.is_ascii(), "{:?} -> {:?}", next, out);
            let base = Url::parse(BASE).unwrap();
            let joined = base.join(&out).unwrap();
            prop_assert_eq!(joined.origin(), base.origin());
            // A relative reference: it does not parse as a URL on its own.
            prop_assert!(Url::parse(&out).is_err());
        }
    }
}
