//! Tool 2's forms parsed into validated values at the edge: the meeting
//! (step 1) and the group agreement (step 3). The checklist is parsed by the
//! introduction tool's parser (`intro::input::parse_answers`): same scale,
//! same rules. A refused form changes nothing.

use super::store::{Meeting, NewPoint};
use crate::web::forms::FormErrors;
use crate::i18n::Tr;
use domain::agreement::{check_dialog_time, DialogPlace};
use domain::collab::{MeetingMinutes, AGREEMENT_POINTS};
use domain::ids::PersonId;
use domain::input::{parse_date, parse_time, LongText};
use time::{Date, OffsetDateTime, PrimitiveDateTime};
use time_tz::{timezones, PrimitiveDateTimeExt};

/// The meeting form as typed, so a refused form comes back as it was left.
#[derive(serde::Deserialize, Default, Clone)]
pub struct MeetingForm {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub message: String,
}

/// A meeting that passed every check.
pub struct MeetingInput {
    pub at: OffsetDateTime,
    pub minutes: MeetingMinutes,
    pub place: DialogPlace,
    pub message: Option<LongText>,
}

impl MeetingInput {
    pub fn meeting(&self) -> Meeting<'_> {
        Meeting {
            at: self.at,
            minutes: self.minutes.get(),
            place: self.place.as_str(),
            message: self.message.as_ref().map(|m| m.as_str()).unwrap_or(""),
        }
    }
}

/// Checks every field (all errors at once), then the time itself: typed in
/// Copenhagen time, in the future and within a year.
pub fn parse_meeting(tr: &Tr, form: &MeetingForm, now: OffsetDateTime) -> Result<MeetingInput, FormErrors> {
    let mut errors = FormErrors::default();
    let date = errors.check(tr, "date", parse_date(&form.date));
    let time = errors.check(tr, "time", parse_time(&form.time));
    let minutes = errors.check(tr, "minutes", MeetingMinutes::parse(&form.minutes));
    let place = errors.check(tr, "place", DialogPlace::parse(&form.place));
    let message = errors.check(tr, "message", LongText::parse_optional(&form.message));
    let (Some(date), Some(time), Some(minutes), Some(place), Some(message)) = (date, time, minutes, place, message) else {
        return Err(errors);
    };
    // A time skipped when the clocks go forward does not exist.
    let Some(at) = PrimitiveDateTime::new(date, time).assume_timezone(timezones::db::europe::COPENHAGEN).take_first() else {
        errors.add_key(tr, Some("time"), "error-dialog-time-skipped");
        return Err(errors);
    };
    if let Err(e) = check_dialog_time(at, now) {
        errors.add(tr, "date", e);
        return Err(errors);
    }
    Ok(MeetingInput { at, minutes, place, message })
}

/// One point's fields as typed.
#[derive(serde::Deserialize, Default, Clone, Debug)]
pub struct PointForm {
    pub text: String,
    pub actions: String,
    pub measure: String,
    pub owner: String,
    pub follow_up_on: String,
}

impl PointForm {
    fn is_blank(&self) -> bool {
        [&self.text, &self.actions, &self.measure, &self.follow_up_on].iter().all(|s| s.trim().is_empty())
    }
}

/// The agreement form as posted: `text-1`, `owner-1`, … for each place,
/// and `settle` when the group's leader settles the agreement.
#[derive(Default, Clone, Debug)]
pub struct AgreementForm {
    pub points: [PointForm; AGREEMENT_POINTS],
    pub settle: bool,
}

impl AgreementForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> AgreementForm {
        let mut form = AgreementForm::default();
        for (name, value) in pairs {
            if name == "settle" {
                form.settle = true;
                continue;
            }
            let Some((field, place)) = name.rsplit_once('-') else { continue };
            let Some(point) = place.parse::<usize>().ok().and_then(|p| p.checked_sub(1)).and_then(|i| form.points.get_mut(i)) else {
                continue;
            };
            let slot = match field {
                "text" => &mut point.text,
                "actions" => &mut point.actions,
                "measure" => &mut point.measure,
                "owner" => &mut point.owner,
                "follow_up_on" => &mut point.follow_up_on,
                _ => continue,
            };
            *slot = value.clone();
        }
        form
    }
}

/// Checks both points against the group's people and today's date. A blank
/// place clears it; settling needs at least one point.
pub fn parse_agreement(tr: &Tr, form: &AgreementForm, inside: &[PersonId], today: Date) -> Result<Vec<Option<NewPoint>>, FormErrors> {
    let mut errors = FormErrors::default();
    let mut points = Vec::new();
    for (i, p) in form.points.iter().enumerate() {
        let n = i + 1;
        if p.is_blank() {
            points.push(None);
            continue;
        }
        let text = errors.check_at(tr, format!("text-{n}"), LongText::parse(&p.text));
        let actions = errors.check_at(tr, format!("actions-{n}"), LongText::parse_optional(&p.actions));
        let measure = errors.check_at(tr, format!("measure-{n}"), LongText::parse_optional(&p.measure));
        let owner = PersonId::parse(p.owner.trim()).filter(|o| inside.contains(o));
        if owner.is_none() {
            errors.add_key_at(tr, format!("owner-{n}"), "error-collab-owner");
        }
        let follow_up_on = match parse_date(&p.follow_up_on) {
            Ok(d) if d < today => {
                errors.add_key_at(tr, format!("follow_up_on-{n}"), "error-collab-follow-up-past");
                None
            }
            Ok(d) if d > today + time::Duration::days(366) => {
                errors.add_key_at(tr, format!("follow_up_on-{n}"), "error-collab-follow-up-far");
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                errors.add_at(tr, format!("follow_up_on-{n}"), e);
                None
            }
        };
        if let (Some(text), Some(actions), Some(measure), Some(owner), Some(follow_up_on)) = (text, actions, measure, owner, follow_up_on) {
            points.push(Some(NewPoint { text, actions, measure, owner, follow_up_on }));
        }
    }
    if form.settle && errors.is_empty() && points.iter().all(Option::is_none) {
        errors.add_key(tr, None, "error-collab-settle-empty");
    }
    if errors.is_empty() { Ok(points) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use time::macros::{date, datetime};

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_meeting_is_typed_in_danish_time_and_must_lie_ahead() {
        let tr = Tr::new(Lang::Da);
        let now = datetime!(2026-11-30 12:00 UTC);
        let form = MeetingForm { date: "2026-12-10".into(), time: "09:00".into(), ..MeetingForm::default() };
        let m = parse_meeting(&tr, &form, now).ok().unwrap();
        assert_eq!(m.at, datetime!(2026-12-10 08:00 UTC), "09:00 in Copenhagen in winter is 08:00 UTC");
        assert_eq!(m.minutes.get(), 120);
        let past = MeetingForm { date: "2026-11-01".into(), ..form.clone() };
        assert!(parse_meeting(&tr, &past, now).err().unwrap().for_field("date").is_some());
        let bad = MeetingForm { minutes: "5".into(), place: "x".repeat(201), ..form };
        let errors = parse_meeting(&tr, &bad, now).err().unwrap();
        assert!(errors.for_field("minutes").is_some() && errors.for_field("place").is_some());
    }

    #[test]
    fn agreement_points_need_a_text_an_owner_inside_the_group_and_a_coming_date() {
        let tr = Tr::new(Lang::Da);
        let today = date!(2026 - 11 - 30);
        let inside = PersonId::new();
        let outsider = PersonId::new();
        let form = AgreementForm::from_pairs(&pairs(&[
            ("text-1", "Sparring på svære sager hvert andet møde"),
            ("owner-1", inside.as_str()),
            ("follow_up_on-1", "2027-01-15"),
            ("settle", "1"),
        ]));
        let points = parse_agreement(&tr, &form, std::slice::from_ref(&inside), today).unwrap();
        assert!(points[0].is_some() && points[1].is_none());

        let form = AgreementForm::from_pairs(&pairs(&[
            ("text-1", ""),
            ("actions-1", "Noget"),
            ("owner-1", outsider.as_str()),
            ("follow_up_on-1", "2026-11-01"),
            ("text-2", "Punkt"),
            ("owner-2", inside.as_str()),
            ("follow_up_on-2", "i morgen"),
        ]));
        let errors = parse_agreement(&tr, &form, std::slice::from_ref(&inside), today).unwrap_err();
        for field in ["text-1", "owner-1", "follow_up_on-1", "follow_up_on-2"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
        assert!(errors.for_field("text-2").is_none());
    }

    #[test]
    fn settling_an_empty_agreement_is_refused() {
        let tr = Tr::new(Lang::Da);
        let form = AgreementForm::from_pairs(&pairs(&[("settle", "1"), ("text-3", "ignored")]));
        assert!(parse_agreement(&tr, &form, &[], date!(2026 - 11 - 30)).is_err());
        let keep = AgreementForm::from_pairs(&pairs(&[]));
        assert_eq!(parse_agreement(&tr, &keep, &[], date!(2026 - 11 - 30)).unwrap().len(), 2);
    }
}
