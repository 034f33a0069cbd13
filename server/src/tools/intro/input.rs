//! The introduction tool's forms parsed into validated values at the edge:
//! the answer form and the decision form. Pure functions, so every refusal
//! is tested without a server. A refused form changes nothing.

use domain::ids::PersonId;
use domain::input::{parse_date, LongText};
use domain::intro::{NextTool, ScaleValue};
use domain::ValidationError;
use std::collections::HashMap;

/// Answer fields are named `a-<revision id>`, one per statement shown.
pub const ANSWER_PREFIX: &str = "a-";

#[derive(Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// A field names a statement this round does not ask.
    UnknownItem,
    /// The value for a statement (by revision id) is not on the scale.
    BadValue(String),
    /// The same statement was answered twice in one submission.
    Duplicate(String),
    Comment(ValidationError),
}

#[derive(Debug)]
pub struct Answers {
    /// Only real answers; "don't know" and skipped statements are left out.
    pub values: Vec<(String, ScaleValue)>,
    pub comment: Option<LongText>,
}

/// Parses the posted pairs against the revision ids the round asks.
/// Every problem is reported, so the form can show them all at once.
pub fn parse_answers(pairs: &[(String, String)], asked: &[&str]) -> Result<Answers, Vec<AnswerError>> {
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, Option<ScaleValue>> = HashMap::new();
    let mut comment = None;
    for (name, value) in pairs {
        if name == "comment" {
            match LongText::parse_optional(value) {
                Ok(c) => comment = c,
                Err(e) => errors.push(AnswerError::Comment(e)),
            }
            continue;
        }
        let Some(revision) = name.strip_prefix(ANSWER_PREFIX) else { continue };
        let Some(revision) = asked.iter().copied().find(|a| *a == revision) else {
            if !errors.contains(&AnswerError::UnknownItem) {
                errors.push(AnswerError::UnknownItem);
            }
            continue;
        };
        if seen.contains_key(revision) {
            errors.push(AnswerError::Duplicate(revision.to_string()));
            continue;
        }
        match ScaleValue::parse(value) {
            Ok(v) => {
                seen.insert(revision, v);
            }
            Err(_) => errors.push(AnswerError::BadValue(revision.to_string())),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // In the round's order, so storage and tests are predictable.
    let values = asked
        .iter()
        .filter_map(|rev| seen.get(rev).copied().flatten().map(|v| (rev.to_string(), v)))
        .collect();
    Ok(Answers { values, comment })
}

/// The decision form as posted (every field optional, so a missing one is
/// reported as such rather than as a broken form).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub next_tool: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_date: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug)]
pub struct Decision {
    pub next_tool: NextTool,
    pub owner: PersonId,
    pub due: time::Date,
    pub note: Option<LongText>,
}

/// The id of the first tool's radio button, where the error summary links to.
pub const NEXT_TOOL_FIELD: &str = "next-tool-leader_dialog";

/// Validates a decision: a known tool, a member of the group as owner, a date
/// from `today` on (the caller passes today in Copenhagen), a note within limits.
pub fn parse_decision(
    form: &DecisionForm,
    today: time::Date,
    members: &[PersonId],
) -> Result<Decision, Vec<(&'static str, ValidationError)>> {
    let mut errors = Vec::new();
    let next_tool = NextTool::parse(form.next_tool.trim()).map_err(|e| errors.push((NEXT_TOOL_FIELD, e))).ok();
    let owner = PersonId::parse(form.owner.trim())
        .filter(|p| members.contains(p))
        .ok_or(ValidationError::new("intro-error-owner-invalid"))
        .map_err(|e| errors.push(("owner", e)))
        .ok();
    let due = match parse_date(&form.due_date) {
        Ok(d) if d < today => {
            errors.push(("due_date", ValidationError::new("intro-error-due-past")));
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(("due_date", e));
            None
        }
    };
    let note = LongText::parse_optional(&form.note).map_err(|e| errors.push(("note", e))).ok();
    match (next_tool, owner, due, note) {
        (Some(next_tool), Some(owner), Some(due), Some(note)) if errors.is_empty() => {
            Ok(Decision { next_tool, owner, due, note })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn answers_keep_real_values_and_drop_dont_know() {
        let asked = ["r1", "r2", "r3"];
        let got = parse_answers(
            &pairs(&[("csrf", "x"), ("a-r2", "unknown"), ("a-r1", "4"), ("comment", "  Tal om tid  ")]),
            &asked,
        )
        .unwrap();
        assert_eq!(got.values.len(), 1);
        assert_eq!(got.values[0].0, "r1");
        assert_eq!(got.values[0].1.get(), 4);
        assert_eq!(got.comment.unwrap().as_str(), "Tal om tid");
    }

    #[test]
    fn bad_answers_are_all_reported() {
        let asked = ["r1", "r2"];
        let errors = parse_answers(
            &pairs(&[("a-r1", "7"), ("a-other", "3"), ("a-r2", "2"), ("a-r2", "3"), ("comment", &"x".repeat(4001))]),
            &asked,
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                AnswerError::BadValue("r1".into()),
                AnswerError::UnknownItem,
                AnswerError::Duplicate("r2".into()),
                AnswerError::Comment(ValidationError::new("error-text-too-long")),
            ]
        );
    }

    #[test]
    fn decision_needs_tool_member_and_a_date_from_today() {
        let today = date!(2026 - 03 - 10);
        let member = PersonId::new();
        let good = DecisionForm {
            next_tool: "group_collaboration".into(),
            owner: member.to_string(),
            due_date: "2026-03-10".into(),
            note: String::new(),
        };
        let d = parse_decision(&good, today, std::slice::from_ref(&member)).unwrap();
        assert_eq!(d.next_tool, NextTool::GroupCollaboration);
        assert_eq!(d.due, today);
        assert!(d.note.is_none());

        let bad = DecisionForm {
            next_tool: "tool9".into(),
            owner: PersonId::new().to_string(),
            due_date: "2026-03-09".into(),
            note: "n".repeat(4001),
        };
        let keys: Vec<_> = parse_decision(&bad, today, std::slice::from_ref(&member)).unwrap_err().into_iter().map(|(f, e)| (f, e.key)).collect();
        assert_eq!(
            keys,
            vec![
                (NEXT_TOOL_FIELD, "error-next-tool-invalid"),
                ("owner", "intro-error-owner-invalid"),
                ("due_date", "intro-error-due-past"),
                ("note", "error-text-too-long"),
            ]
        );
        let empty = parse_decision(&DecisionForm::default(), today, &[member]).unwrap_err();
        assert_eq!(empty.len(), 3, "tool, owner and date are required; the note is not");
    }
}
