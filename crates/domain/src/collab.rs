//! Tool 2, the leader group's collaboration: the checklist's themes, the
//! prioritisation matrix and the group agreement's shape. The checklist
//! itself is answered on the introduction tool's scale (`intro::ScaleValue`)
//! and summarised under the same rule (`intro::summarise`).

use crate::ValidationError;

pub mod agenda;
pub mod reopen;

/// The checklist's themes, in the method's order. Each is a section of
/// statements in the catalogue and a card in the prioritisation matrix.
pub const THEMES: [&str; 7] = ["information", "sparring", "safety", "meetings", "resources", "task", "responsibility"];

/// The group agreement holds the two most important points: few points that
/// get done beat many that do not.
pub const AGREEMENT_POINTS: usize = 2;

/// Where a theme lands in the matrix of importance × how much the group can
/// influence it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// Important, and ours to change: start here.
    Act,
    /// Important, but hard to change ourselves: raise it with the organisation.
    Raise,
    /// Less important, easy to change: small improvements.
    Quick,
    /// Less important and hard to change: let it rest.
    Park,
}

impl Quadrant {
    /// In reading order of the drawn matrix: top row (high importance) first,
    /// high influence on the right.
    pub const ALL: [Quadrant; 4] = [Quadrant::Raise, Quadrant::Act, Quadrant::Park, Quadrant::Quick];

    pub fn code(self) -> &'static str {
        match self {
            Quadrant::Act => "act",
            Quadrant::Raise => "raise",
            Quadrant::Quick => "quick",
            Quadrant::Park => "park",
        }
    }

    pub fn parse(raw: &str) -> Option<Quadrant> {
        Quadrant::ALL.into_iter().find(|q| q.code() == raw.trim())
    }

    pub fn important(self) -> bool {
        matches!(self, Quadrant::Act | Quadrant::Raise)
    }

    pub fn influenceable(self) -> bool {
        matches!(self, Quadrant::Act | Quadrant::Quick)
    }
}

/// A placement as posted: a theme of the checklist and a quadrant, or an
/// empty quadrant to take the theme back off the matrix.
pub fn parse_placement(theme: &str, quadrant: &str) -> Result<(&'static str, Option<Quadrant>), ValidationError> {
    let theme = THEMES.into_iter().find(|t| *t == theme.trim()).ok_or_else(|| ValidationError::new("error-collab-theme-unknown"))?;
    if quadrant.trim().is_empty() {
        return Ok((theme, None));
    }
    let quadrant = Quadrant::parse(quadrant).ok_or_else(|| ValidationError::new("error-collab-quadrant-unknown"))?;
    Ok((theme, Some(quadrant)))
}

/// How long the group's meeting lasts: two hours unless the group's leader
/// says otherwise, from half an hour to a whole working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingMinutes(i64);

impl MeetingMinutes {
    pub const DEFAULT: i64 = 120;
    pub const MIN: i64 = 30;
    pub const MAX: i64 = 480;

    pub fn parse(raw: &str) -> Result<MeetingMinutes, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Ok(MeetingMinutes(Self::DEFAULT));
        }
        match s.parse::<i64>() {
            Ok(n) if (Self::MIN..=Self::MAX).contains(&n) => Ok(MeetingMinutes(n)),
            _ => Err(ValidationError::new("error-collab-minutes")),
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadrants_round_trip_and_split_the_two_axes() {
        for q in Quadrant::ALL {
            assert_eq!(Quadrant::parse(q.code()), Some(q));
        }
        assert_eq!(Quadrant::parse("now"), None);
        let act = Quadrant::Act;
        assert!(act.important() && act.influenceable());
        assert!(Quadrant::Raise.important() && !Quadrant::Raise.influenceable());
        assert!(!Quadrant::Quick.important() && Quadrant::Quick.influenceable());
        assert!(!Quadrant::Park.important() && !Quadrant::Park.influenceable());
    }

    #[test]
    fn placements_name_a_known_theme_and_quadrant() {
        assert_eq!(parse_placement("safety", "act").unwrap(), ("safety", Some(Quadrant::Act)));
        assert_eq!(parse_placement("safety", "").unwrap(), ("safety", None));
        assert_eq!(parse_placement("budget", "act").unwrap_err().key, "error-collab-theme-unknown");
        assert_eq!(parse_placement("safety", "top").unwrap_err().key, "error-collab-quadrant-unknown");
    }

    #[test]
    fn meeting_minutes_default_to_two_hours() {
        assert_eq!(MeetingMinutes::parse("").unwrap().get(), 120);
        assert_eq!(MeetingMinutes::parse(" 90 ").unwrap().get(), 90);
        for bad in ["29", "481", "1,5", "to timer"] {
            assert_eq!(MeetingMinutes::parse(bad).unwrap_err().key, "error-collab-minutes", "{bad}");
        }
    }
}
