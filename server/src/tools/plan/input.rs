//! Tool 3's forms: each step posts one row per chosen theme, numbered
//! (`theme-1`, `known-1`, …), so a theme's key never has to be an HTML id.
//! Parsed into validated values here; a refused form changes nothing.

use super::store::{Card, Status};
use crate::i18n::Tr;
use crate::web::forms::FormErrors;
use domain::input::{parse_date, LongText};
use std::collections::HashMap;

/// The posted pairs, by name (the last value wins).
pub fn fields(pairs: &[(String, String)]) -> HashMap<&str, &str> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The numbered rows: (row number, theme key) for every `theme-N` whose key
/// is one of `chosen`; rows naming anything else are ignored.
pub fn rows<'a>(f: &HashMap<&str, &'a str>, chosen: &[String]) -> Vec<(usize, &'a str)> {
    let mut rows: Vec<(usize, &str)> = f
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("theme-")?.parse::<usize>().ok()?, *v)))
        .filter(|(_, v)| chosen.iter().any(|c| c == v))
        .collect();
    rows.sort();
    rows
}

/// An optional free text (up to 4,000 characters), checked under `field-N`.
pub fn text(tr: &Tr, errors: &mut FormErrors, f: &HashMap<&str, &str>, field: &str, n: usize) -> String {
    let name = format!("{field}-{n}");
    match LongText::parse_optional(f.get(name.as_str()).copied().unwrap_or("")) {
        Ok(t) => t.map(|t| t.as_str().to_string()).unwrap_or_default(),
        Err(e) => {
            errors.add_at(tr, name, e);
            String::new()
        }
    }
}

fn date(tr: &Tr, errors: &mut FormErrors, f: &HashMap<&str, &str>, field: &str, n: usize) -> Option<time::Date> {
    let name = format!("{field}-{n}");
    let raw = f.get(name.as_str()).copied().unwrap_or("").trim();
    if raw.is_empty() {
        return None;
    }
    match parse_date(raw) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.add_at(tr, name, e);
            None
        }
    }
}

/// The action card of row `n`; a deadline before the start is refused.
pub fn card(tr: &Tr, errors: &mut FormErrors, f: &HashMap<&str, &str>, n: usize) -> Card {
    let card = Card {
        goal: text(tr, errors, f, "goal", n),
        actions: text(tr, errors, f, "actions", n),
        owner: text(tr, errors, f, "owner", n),
        starts_on: date(tr, errors, f, "starts_on", n),
        deadline: date(tr, errors, f, "deadline", n),
        measure: text(tr, errors, f, "measure", n),
        follow_up: text(tr, errors, f, "follow_up", n),
        follow_up_on: date(tr, errors, f, "follow_up_on", n),
        status: {
            let name = format!("status-{n}");
            let raw = f.get(name.as_str()).copied().unwrap_or("").trim();
            if raw.is_empty() {
                Status::default()
            } else {
                Status::parse(raw).unwrap_or_else(|| {
                    errors.add_key_at(tr, name, "plan-error-status");
                    Status::default()
                })
            }
        },
    };
    if let (Some(s), Some(d)) = (card.starts_on, card.deadline) {
        if d < s {
            errors.add_key_at(tr, format!("deadline-{n}"), "plan-error-deadline-before-start");
        }
    }
    card
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn rows_name_only_chosen_themes_in_order() {
        let p = pairs(&[("theme-2", "org-goals"), ("theme-1", "org-onboarding"), ("theme-3", "org-unknown"), ("theme-x", "org-goals")]);
        let f = fields(&p);
        let chosen = vec!["org-onboarding".to_string(), "org-goals".to_string()];
        assert_eq!(rows(&f, &chosen), vec![(1, "org-onboarding"), (2, "org-goals")]);
    }

    #[test]
    fn a_card_refuses_bad_dates_and_a_deadline_before_its_start() {
        let tr = Tr::new(Lang::Da);
        let p = pairs(&[("goal-1", "Nye ledere får en mentor"), ("starts_on-1", "2027-03-01"), ("deadline-1", "2027-02-01"), ("starts_on-2", "snart")]);
        let f = fields(&p);
        let mut errors = FormErrors::default();
        let c = card(&tr, &mut errors, &f, 1);
        assert_eq!(c.goal, "Nye ledere får en mentor");
        assert!(errors.for_field("deadline-1").is_some());
        card(&tr, &mut errors, &f, 2);
        assert!(errors.for_field("starts_on-2").is_some());
        let p = pairs(&[("status-1", "under_way"), ("follow_up_on-1", "2027-04-01"), ("status-2", "half")]);
        let mut errors = FormErrors::default();
        let c = card(&tr, &mut errors, &fields(&p), 1);
        assert_eq!((c.status, c.follow_up_on.map(|d| d.to_string())), (Status::UnderWay, Some("2027-04-01".to_string())));
        card(&tr, &mut errors, &fields(&p), 2);
        assert!(errors.for_field("status-2").is_some());
        let long = "x".repeat(4001);
        let p = pairs(&[("goal-1", long.as_str())]);
        let mut errors = FormErrors::default();
        card(&tr, &mut errors, &fields(&p), 1);
        assert!(errors.for_field("goal-1").is_some());
    }
}
