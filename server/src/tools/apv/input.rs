//! Parsing the APV's forms into domain values: Skema 1 (one theme or the
//! whole form), the sorting of Skema 2, Skema 3 and the report.

use domain::apv::{Colour, Keywords, Level, Mark};
use domain::input::ValidationError;

/// A colour is marked with `m-<theme>-<colour>` (a checkbox) and its
/// keywords are typed in `k-<theme>-<colour>`; keywords alone mark it too.
pub fn mark_field(rev: &str, colour: Colour) -> String {
    format!("m-{rev}-{}", colour.code())
}

pub fn keywords_field(rev: &str, colour: Colour) -> String {
    format!("k-{rev}-{}", colour.code())
}

/// Skema 1 as posted, the whole map or one theme as it is typed: it replaces
/// the marks, and its keyword boxes are always sent (a textarea is sent even
/// when empty), so a body with neither a keyword box nor a mark is refused
/// instead of erasing the marks.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct MapForm(pub Vec<(String, String)>);

impl crate::auth::csrf::Whole for MapForm {
    const SENDS: &'static [&'static str] = &["k-*", "m-*"];
}

/// A problem with one field of Skema 1: which theme, which field, why.
#[derive(Debug)]
pub struct MarkProblem {
    pub rev: String,
    pub field: String,
    pub error: ValidationError,
}

/// The themes a Skema 1 form names in its fields (`m-<theme>-<colour>`,
/// `k-<theme>-<colour>`), each once; at most `MAX_THEMES_IN_FORM`. Which of
/// them the round asks is settled where the answers are written.
pub fn themes_named(pairs: &[(String, String)]) -> Vec<String> {
    let mut named: Vec<String> = Vec::new();
    for (key, _) in pairs {
        let Some(rest) = key.strip_prefix("m-").or_else(|| key.strip_prefix("k-")) else { continue };
        let Some(rev) = Colour::ALL.iter().find_map(|c| rest.strip_suffix(c.code()).and_then(|r| r.strip_suffix('-'))) else { continue };
        if !rev.is_empty() && !named.iter().any(|n| n == rev) && named.len() < MAX_THEMES_IN_FORM {
            named.push(rev.to_string());
        }
    }
    named
}

/// More themes than any round asks; a form naming more is cut off there.
pub const MAX_THEMES_IN_FORM: usize = 64;

/// The marks of `themes` as typed, unchecked; a refused form is shown
/// again with them, so nothing typed is lost. Fields of unknown themes are
/// ignored (a round's themes are fixed; a stale page may carry none of them
/// but never others), and an unmarked theme gives no mark.
pub fn typed_marks(pairs: &[(String, String)], themes: &[&str]) -> Vec<(String, Mark)> {
    let value = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let mut marks = Vec::new();
    for rev in themes {
        let mut mark = Mark::default();
        for colour in Colour::ALL {
            let words = value(&keywords_field(rev, colour)).unwrap_or("").trim();
            let ticked = value(&mark_field(rev, colour)).is_some_and(|v| !v.is_empty());
            if ticked || !words.is_empty() {
                mark.colours[colour.index()] = Some(words.to_string());
            }
        }
        if !mark.is_empty() {
            marks.push((rev.to_string(), mark));
        }
    }
    marks
}

/// The marks of `themes`, each colour's keywords checked (`Keywords`).
pub fn parse_marks(pairs: &[(String, String)], themes: &[&str]) -> Result<Vec<(String, Mark)>, Vec<MarkProblem>> {
    let mut marks = typed_marks(pairs, themes);
    let mut problems = Vec::new();
    for (rev, mark) in &mut marks {
        for colour in Colour::ALL {
            let Some(words) = mark.colours[colour.index()].as_mut() else { continue };
            match Keywords::parse(words) {
                Ok(checked) => *words = checked.as_str().to_string(),
                Err(error) => problems.push(MarkProblem { rev: rev.clone(), field: keywords_field(rev, colour), error }),
            }
        }
    }
    if problems.is_empty() {
        Ok(marks)
    } else {
        Err(problems)
    }
}

/// Skema 2's sorting: `s-<theme>-<colour>` = a level code, or empty for unsorted.
pub fn sorting_field(rev: &str, colour: Colour) -> String {
    format!("s-{rev}-{}", colour.code())
}

pub fn parse_sorting(pairs: &[(String, String)], themes: &[&str]) -> Result<Vec<(String, Colour, Level)>, ValidationError> {
    let mut placed = Vec::new();
    for rev in themes {
        for colour in Colour::ALL {
            let name = sorting_field(rev, colour);
            let Some((_, v)) = pairs.iter().find(|(k, _)| *k == name) else { continue };
            if v.is_empty() {
                continue;
            }
            let level = Level::parse(v).ok_or(ValidationError::new("apv-error-level"))?;
            placed.push((rev.to_string(), colour, level));
        }
    }
    Ok(placed)
}

/// A Skema 3 or report text: optional, multi-line, limited.
pub fn plan_text(raw: &str) -> Result<String, ValidationError> {
    Ok(domain::input::LongText::parse_optional(raw)?.map(|t| t.as_str().to_string()).unwrap_or_default())
}

/// An optional date field.
pub fn optional_date(raw: &str) -> Result<Option<time::Date>, ValidationError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    domain::input::parse_date(raw).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_tick_or_keywords_mark_a_colour() {
        let posted = pairs(&[("m-a-red", "1"), ("k-a-red", ""), ("k-a-green", "gode kolleger"), ("k-b-yellow", "  "), ("m-x-red", "1")]);
        let marks = parse_marks(&posted, &["a", "b"]).unwrap();
        assert_eq!(marks.len(), 1, "theme b has only blank keywords, theme x is not in the round");
        let (rev, mark) = &marks[0];
        assert_eq!(rev, "a");
        assert_eq!(mark.get(Colour::Red), Some(""));
        assert_eq!(mark.get(Colour::Yellow), None);
        assert_eq!(mark.get(Colour::Green), Some("gode kolleger"));
    }

    #[test]
    fn the_form_names_its_themes_once_each() {
        let rev = "01a2-bc";
        let posted = pairs(&[("csrf", "t"), ("m-01a2-bc-red", "1"), ("k-01a2-bc-red", "x"), ("k-z-green", ""), ("m--red", "1"), ("hand_in", "1")]);
        assert_eq!(themes_named(&posted), vec![rev.to_string(), "z".to_string()]);
        let many: Vec<(String, String)> = (0..100).map(|i| (format!("m-t{i}-red"), "1".to_string())).collect();
        assert_eq!(themes_named(&many).len(), MAX_THEMES_IN_FORM);
    }

    #[test]
    fn too_long_keywords_name_their_field() {
        let long = "x".repeat(700);
        let posted = pairs(&[("k-a-yellow", long.as_str())]);
        let problems = parse_marks(&posted, &["a"]).unwrap_err();
        assert_eq!(problems[0].field, "k-a-yellow");
        assert_eq!(problems[0].error.key, "apv-error-keywords-too-long");
    }

    #[test]
    fn sorting_reads_levels_and_refuses_unknown_ones() {
        let posted = pairs(&[("s-a-red", "organisation"), ("s-a-green", ""), ("s-b-yellow", "group")]);
        let placed = parse_sorting(&posted, &["a", "b"]).unwrap();
        assert_eq!(placed, vec![("a".into(), Colour::Red, Level::Organisation), ("b".into(), Colour::Yellow, Level::Group)]);
        assert!(parse_sorting(&pairs(&[("s-a-red", "boss")]), &["a"]).is_err());
    }
}
