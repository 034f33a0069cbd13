//! Tool 1's rules: the leader agreement (lederaftale), its points, their
//! follow-up rhythm, the three-month period and the daily tick.
//!
//! An agreement holds four kinds of points (goals for the leadership task,
//! the two most important points for own wellbeing, agreements with oneself,
//! agreements with the nearest leader). Each agreement point carries how and
//! when it is followed up; the rhythm decides what the follow-up looks like
//! (a tick per day, a line per week, or a talk at the next dialog).

use crate::input::ValidationError;
use time::{Date, Duration, Month, Weekday};

/// The four parts of the agreement, in the order the method writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PointKind {
    /// A goal for the leadership task the next 6–12 months.
    Goal,
    /// One of the (at most two) most important points for own wellbeing.
    Wellbeing,
    /// An agreement with oneself (`SelfCommitment`).
    SelfCommitment,
    /// An agreement with the nearest leader (`ManagerCommitment`).
    ManagerCommitment,
}

impl PointKind {
    pub const ALL: [PointKind; 4] =
        [PointKind::Goal, PointKind::Wellbeing, PointKind::SelfCommitment, PointKind::ManagerCommitment];

    pub fn as_str(self) -> &'static str {
        match self {
            PointKind::Goal => "goal",
            PointKind::Wellbeing => "wellbeing",
            PointKind::SelfCommitment => "self",
            PointKind::ManagerCommitment => "manager",
        }
    }

    pub fn parse(s: &str) -> Option<PointKind> {
        PointKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// How many points of this kind an agreement may hold. The method asks
    /// for *the two* most important wellbeing points: a short list is the point.
    pub fn max_points(self) -> usize {
        match self {
            PointKind::Wellbeing => 2,
            PointKind::Goal | PointKind::SelfCommitment | PointKind::ManagerCommitment => 6,
        }
    }

    /// Agreements are followed up; goals and wellbeing points are what they serve.
    pub fn is_commitment(self) -> bool {
        matches!(self, PointKind::SelfCommitment | PointKind::ManagerCommitment)
    }
}

/// How a commitment is followed up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rhythm {
    /// "Kept it today?": one tap a day.
    Daily,
    /// A short line once a week on how it went.
    Weekly,
    /// Talked over at the next dialog with the nearest leader.
    AtDialog,
    /// Not followed up in the product (goals, wellbeing points).
    None,
}

impl Rhythm {
    pub const CHOICES: [Rhythm; 3] = [Rhythm::Daily, Rhythm::Weekly, Rhythm::AtDialog];

    pub fn as_str(self) -> &'static str {
        match self {
            Rhythm::Daily => "daily",
            Rhythm::Weekly => "weekly",
            Rhythm::AtDialog => "at_dialog",
            Rhythm::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Rhythm> {
        [Rhythm::Daily, Rhythm::Weekly, Rhythm::AtDialog, Rhythm::None].into_iter().find(|r| r.as_str() == s)
    }

    /// The rhythm a point of `kind` gets from a form value: commitments need
    /// one of the choices, other points have none.
    pub fn for_point(kind: PointKind, raw: &str) -> Result<Rhythm, ValidationError> {
        if !kind.is_commitment() {
            return Ok(Rhythm::None);
        }
        match Rhythm::parse(raw) {
            Some(r) if r != Rhythm::None => Ok(r),
            _ => Err(ValidationError::new("error-rhythm-missing")),
        }
    }
}

/// The text of a point: what the leader writes, short enough to live on a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointText(String);

impl PointText {
    pub const MAX_LEN: usize = 500;

    pub fn parse(raw: &str) -> Result<PointText, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(ValidationError::new("error-point-missing"));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("error-point-too-long"));
        }
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        Ok(PointText(s.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A comment in the conversation about a shared agreement, by the leader or
/// the nearest leader: a few lines, not a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentText(String);

impl CommentText {
    pub const MAX_LEN: usize = 2000;

    pub fn parse(raw: &str) -> Result<CommentText, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(ValidationError::new("error-comment-missing"));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("error-comment-too-long"));
        }
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        Ok(CommentText(s.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How and when a commitment is followed up, in the leader's own words
/// (e.g. "I tick it off every afternoon"). Optional, at most 300 characters.
pub fn parse_follow_up(raw: &str) -> Result<String, ValidationError> {
    let s = raw.trim();
    if s.chars().count() > 300 {
        return Err(ValidationError::new("error-follow-up-too-long"));
    }
    if s.chars().any(|c| c.is_control()) {
        return Err(ValidationError::new("error-text-control-chars"));
    }
    Ok(s.to_string())
}

/// The agreement's period: the method's three months, from the first day to
/// the last day inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub starts_on: Date,
    pub ends_on: Date,
}

impl Period {
    /// Three calendar months from `start` (a period starting 15 January ends
    /// 14 April; one starting 30 November ends 27 February, the last day
    /// before the same day three months on, clamped to the month's end).
    pub fn starting(start: Date) -> Period {
        let (mut year, mut month) = (start.year(), start.month());
        for _ in 0..3 {
            if month == Month::December {
                year += 1;
            }
            month = month.next();
        }
        let day = start.day().min(month.length(year));
        let same_day_later = Date::from_calendar_date(year, month, day).expect("clamped to the month's length");
        Period { starts_on: start, ends_on: same_day_later - Duration::days(1) }
    }

    /// The days whose check-ins belong to the period: from the Monday of its
    /// first week (a weekly line is stored on its week's Monday, which lies
    /// before the first day when the period began later that week) to its last day.
    pub fn check_in_days(&self) -> (Date, Date) {
        (week_start(self.starts_on), self.ends_on)
    }

    /// The period after this one: it starts the day after this one ends, or
    /// today if that day has passed (a leader returning after a break starts now).
    pub fn next(&self, today: Date) -> Period {
        Period::starting((self.ends_on + Duration::days(1)).max(today))
    }

    pub fn contains(&self, day: Date) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }

    pub fn has_ended(&self, today: Date) -> bool {
        today > self.ends_on
    }

    /// Days left including today; 0 once the period has ended.
    pub fn days_left(&self, today: Date) -> i64 {
        if today > self.ends_on { 0 } else { (self.ends_on - today.max(self.starts_on)).whole_days() + 1 }
    }
}

/// How many days back a tick may be set or corrected: a leader who forgot
/// on Friday can still say so on Monday, but the history is not rewritten later.
pub const TICK_DAYS_BACK: i64 = 6;

/// Whether a tick for `day` may be recorded today: not ahead, not too far back.
pub fn check_tick_window(day: Date, today: Date) -> Result<(), ValidationError> {
    if day > today {
        return Err(ValidationError::new("error-tick-future"));
    }
    if (today - day).whole_days() > TICK_DAYS_BACK {
        return Err(ValidationError::new("error-tick-too-old"));
    }
    Ok(())
}

/// Whether a tick for `day` may be recorded today for a daily point in `period`.
pub fn check_tick_day(day: Date, today: Date, period: &Period) -> Result<(), ValidationError> {
    check_tick_window(day, today)?;
    if !period.contains(day) {
        return Err(ValidationError::new("error-tick-outside-period"));
    }
    Ok(())
}

/// The Monday of `day`'s week: a weekly line is stored on its week's Monday.
pub fn week_start(day: Date) -> Date {
    day - Duration::days(i64::from(day.weekday().number_days_from_monday()))
}

/// One day in the history picture of a daily point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayMark {
    Kept,
    NotKept,
    /// A past day in the period with no answer.
    Unanswered,
    /// Today or a later day in the period.
    Ahead,
    /// Before the period started or after it ended (fills the first and last week).
    Outside,
}

/// The history of a daily point as weeks (Monday first) of marks, covering
/// the whole period: what a paper tick list by the desk would show.
pub fn history(period: &Period, today: Date, ticks: &[(Date, bool)]) -> Vec<(Date, [DayMark; 7])> {
    let mut weeks = Vec::new();
    let mut monday = week_start(period.starts_on);
    while monday <= period.ends_on {
        let mut marks = [DayMark::Outside; 7];
        for (i, mark) in marks.iter_mut().enumerate() {
            let day = monday + Duration::days(i as i64);
            *mark = if !period.contains(day) {
                DayMark::Outside
            } else if let Some((_, kept)) = ticks.iter().find(|(d, _)| *d == day) {
                if *kept { DayMark::Kept } else { DayMark::NotKept }
            } else if day >= today {
                DayMark::Ahead
            } else {
                DayMark::Unanswered
            };
        }
        weeks.push((monday, marks));
        monday += Duration::days(7);
    }
    weeks
}

/// How many days back the nearest leader's overview looks for missing ticks.
pub const RECENT_DAYS: i64 = 7;

/// The days of the last `RECENT_DAYS` before today (today is not over yet)
/// inside the period, from the day the point was made (`since`), that have
/// no tick: what is "missing recently". A point made today misses nothing.
pub fn daily_missing(period: &Period, since: Date, today: Date, answered: &[Date]) -> usize {
    (1..=RECENT_DAYS)
        .map(|back| today - Duration::days(back))
        .filter(|d| period.contains(*d) && *d >= since && !answered.contains(d))
        .count()
}

/// Where a weekly point's line stands this week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeeklyDue {
    /// This week's line is written.
    Written,
    /// This week's line is missing; last week's was written (or before the period).
    Due,
    /// This week's and last week's lines are both missing.
    Overdue,
    /// The point was made this week: its first line is not missing yet.
    NotYet,
}

/// The state of a weekly point from the Mondays its lines are stored on. A
/// week before the point was made (`since`) is never missing, and in the
/// week it was made its first line is not missing yet.
pub fn weekly_due(period: &Period, since: Date, today: Date, lines: &[Date]) -> WeeklyDue {
    let this_week = week_start(today);
    if lines.contains(&this_week) {
        return WeeklyDue::Written;
    }
    if week_start(since) >= this_week {
        return WeeklyDue::NotYet;
    }
    let first_week = week_start(period.starts_on.max(since));
    let last_week = this_week - Duration::days(7);
    if last_week >= first_week && !lines.contains(&last_week) {
        WeeklyDue::Overdue
    } else {
        WeeklyDue::Due
    }
}

/// Counts for the summary line under the picture: kept, not kept, unanswered.
pub fn tally(weeks: &[(Date, [DayMark; 7])]) -> (usize, usize, usize) {
    let marks = weeks.iter().flat_map(|(_, m)| m.iter());
    marks.fold((0, 0, 0), |(k, n, u), m| match m {
        DayMark::Kept => (k + 1, n, u),
        DayMark::NotKept => (k, n + 1, u),
        DayMark::Unanswered => (k, n, u + 1),
        DayMark::Ahead | DayMark::Outside => (k, n, u),
    })
}

/// The weekday a history row starts on; kept here so the picture and the
/// table agree.
pub const FIRST_WEEKDAY: Weekday = Weekday::Monday;

/// A dialog with the nearest leader: the method sets 45 minutes aside.
pub const DIALOG_MINUTES: i64 = 45;

/// Whether a dialog time is acceptable: in the future and within a year.
pub fn check_dialog_time(starts: time::OffsetDateTime, now: time::OffsetDateTime) -> Result<(), ValidationError> {
    if starts <= now {
        return Err(ValidationError::new("error-dialog-in-past"));
    }
    if starts - now > Duration::days(366) {
        return Err(ValidationError::new("error-dialog-too-far"));
    }
    Ok(())
}

/// How long a dialog lasts, in minutes: the method's 45 unless the two
/// agree otherwise, from a quarter of an hour to three hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DialogMinutes(i64);

impl DialogMinutes {
    pub const MIN: i64 = 15;
    pub const MAX: i64 = 180;

    /// An empty field means the method's 45 minutes.
    pub fn parse(raw: &str) -> Result<DialogMinutes, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Ok(DialogMinutes(DIALOG_MINUTES));
        }
        match s.parse::<i64>() {
            Ok(n) if (Self::MIN..=Self::MAX).contains(&n) => Ok(DialogMinutes(n)),
            _ => Err(ValidationError::new("error-dialog-minutes")),
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

/// Where the dialog takes place (a room, an address, a video link); may be empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogPlace(String);

impl DialogPlace {
    pub const MAX_LEN: usize = 200;

    pub fn parse(raw: &str) -> Result<DialogPlace, ValidationError> {
        let s = raw.trim();
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("error-dialog-place-too-long"));
        }
        if s.chars().any(|c| c.is_control()) {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        Ok(DialogPlace(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests;
