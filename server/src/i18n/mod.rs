//! Languages and translations. Danish is the reference and the default;
//! English is complete. Texts live in `server/locales/<lang>/*.ftl`.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "da",
        // No Unicode isolation marks: our texts are rendered into HTML and mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Da => fluent_templates::langid!("da"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }
}

/// A translator for one language.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    /// The text for `key`; a missing key shows as the key itself (and a test
    /// makes sure none is missing).
    pub fn t(&self, key: &str) -> String {
        LOCALES.try_lookup(&self.lang.id(), key).unwrap_or_else(|| key.to_string())
    }

    /// The text for `key` with named arguments.
    pub fn t_args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        // Numbers go in as numbers, so plural forms ([one] / *[other]) select right.
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v.parse::<i64>() {
                    Ok(n) => FluentValue::from(n),
                    Err(_) => FluentValue::from(v.clone()),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(&self.lang.id(), key, &args)
            .unwrap_or_else(|| key.to_string())
    }
}

pub mod format;

/// The text of every file below `roots` (tests that scan the sources for
/// translation keys and audit actions).
#[cfg(test)]
pub(crate) fn source_texts(roots: &[std::path::PathBuf]) -> Vec<String> {
    let mut stack = roots.to_vec();
    let mut texts = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                texts.push(std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once('=') {
                    let key = key.trim();
                    if !line.starts_with([' ', '\t', '#', '.', '*', '[', '}']) && !key.is_empty() {
                        keys.insert(key.to_string());
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn plurals_select_on_numbers() {
        let da = Tr::new(Lang::Da);
        assert_eq!(da.t_args("admin-people-count", &[("count", "1".into())]), "1 person");
        assert_eq!(da.t_args("admin-people-count", &[("count", "20".into())]), "20 personer");
    }

    #[test]
    fn danish_and_english_have_the_same_keys() {
        let da = keys("da");
        let en = keys("en");
        let missing_en: Vec<_> = da.difference(&en).collect();
        let missing_da: Vec<_> = en.difference(&da).collect();
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        assert!(missing_da.is_empty(), "missing in Danish: {missing_da:?}");
        assert!(da.len() > 50);
    }

    #[test]
    fn every_key_used_in_code_and_templates_exists() {
        // Keys appear in code and templates as "xxx-yyy" string literals passed
        // to t()/t_args() or as `*_key` constants; scan for t("...") calls.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = BTreeSet::new();
        for text in source_texts(&[root.join("src"), root.join("templates"), root.join("../crates/domain/src")]) {
            for pattern in ["t(\"", "t1(\"", "t2(\"", "BadRequest(\"", "t_args(\"", "ValidationError::new(\"", "_key: \"", "Err(\"", "key: \""] {
                for piece in text.split(pattern).skip(1) {
                    let Some(end) = piece.find('"') else { continue };
                    let key = &piece[..end];
                    let is_key = key.contains('-')
                        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if is_key {
                        used.insert(key.to_string());
                    }
                }
            }
        }
        assert!(used.len() > 100, "the scan found only {} keys: it is broken", used.len());
        for lang in Lang::ALL {
            let defined = keys(lang.code());
            let missing: Vec<_> = used.iter().filter(|k| !defined.contains(*k)).collect();
            assert!(missing.is_empty(), "missing in {}: {missing:?}", lang.code());
        }
    }
}
