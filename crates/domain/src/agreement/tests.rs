use super::*;
use proptest::prelude::*;
use time::macros::{date, datetime};

#[test]
fn a_period_is_three_calendar_months() {
    assert_eq!(Period::starting(date!(2027 - 01 - 15)).ends_on, date!(2027 - 04 - 14));
    assert_eq!(Period::starting(date!(2026 - 11 - 30)).ends_on, date!(2027 - 02 - 27));
    assert_eq!(Period::starting(date!(2027 - 11 - 30)).ends_on, date!(2028 - 02 - 28));
    assert_eq!(Period::starting(date!(2026 - 12 - 01)).ends_on, date!(2027 - 02 - 28));
}

#[test]
fn check_ins_include_the_first_weeks_monday() {
    // 1 December 2026 is a Tuesday: that week's line is stored on Monday 30 November.
    assert_eq!(Period::starting(date!(2026 - 12 - 01)).check_in_days(), (date!(2026 - 11 - 30), date!(2027 - 02 - 28)));
    let on_a_monday = Period::starting(date!(2026 - 11 - 30));
    assert_eq!(on_a_monday.check_in_days(), (date!(2026 - 11 - 30), on_a_monday.ends_on));
}

#[test]
fn the_next_period_follows_on_or_starts_today() {
    let p = Period::starting(date!(2026 - 09 - 01));
    assert_eq!(p.next(date!(2026 - 11 - 20)).starts_on, date!(2026 - 12 - 01));
    assert_eq!(p.next(date!(2027 - 01 - 10)).starts_on, date!(2027 - 01 - 10));
}

#[test]
fn days_left_counts_today_and_stops_at_zero() {
    let p = Period::starting(date!(2026 - 09 - 01));
    assert_eq!(p.days_left(p.ends_on), 1);
    assert_eq!(p.days_left(p.ends_on + Duration::days(1)), 0);
    assert_eq!(p.days_left(date!(2026 - 08 - 01)), 91);
}

#[test]
fn ticks_are_for_recent_days_inside_the_period() {
    let p = Period::starting(date!(2026 - 11 - 01));
    let today = date!(2026 - 11 - 23);
    assert_eq!(check_tick_day(today, today, &p), Ok(()));
    assert_eq!(check_tick_day(date!(2026 - 11 - 17), today, &p), Ok(()));
    assert_eq!(check_tick_day(date!(2026 - 11 - 16), today, &p).unwrap_err().key, "error-tick-too-old");
    assert_eq!(check_tick_day(date!(2026 - 11 - 24), today, &p).unwrap_err().key, "error-tick-future");
    let late = Period::starting(date!(2026 - 11 - 22));
    assert_eq!(check_tick_day(date!(2026 - 11 - 21), today, &late).unwrap_err().key, "error-tick-outside-period");
}

#[test]
fn commitments_need_a_rhythm_and_other_points_have_none() {
    assert_eq!(Rhythm::for_point(PointKind::SelfCommitment, "daily"), Ok(Rhythm::Daily));
    assert_eq!(Rhythm::for_point(PointKind::ManagerCommitment, "at_dialog"), Ok(Rhythm::AtDialog));
    assert_eq!(Rhythm::for_point(PointKind::SelfCommitment, "none").unwrap_err().key, "error-rhythm-missing");
    assert_eq!(Rhythm::for_point(PointKind::SelfCommitment, "hourly").unwrap_err().key, "error-rhythm-missing");
    assert_eq!(Rhythm::for_point(PointKind::Goal, "daily"), Ok(Rhythm::None));
}

#[test]
fn point_text_is_trimmed_and_bounded() {
    assert_eq!(PointText::parse("  Jeg holder fri om fredagen \r\n ").unwrap().as_str(), "Jeg holder fri om fredagen");
    assert_eq!(PointText::parse("   ").unwrap_err().key, "error-point-missing");
    assert_eq!(PointText::parse(&"æ".repeat(501)).unwrap_err().key, "error-point-too-long");
    assert!(PointText::parse(&"æ".repeat(500)).is_ok());
    assert_eq!(PointText::parse("a\u{0}b").unwrap_err().key, "error-text-control-chars");
    assert_eq!(parse_follow_up(&"x".repeat(301)).unwrap_err().key, "error-follow-up-too-long");
}

#[test]
fn kinds_round_trip_and_only_two_wellbeing_points() {
    for k in PointKind::ALL {
        assert_eq!(PointKind::parse(k.as_str()), Some(k));
    }
    assert_eq!(PointKind::parse("other"), None);
    assert_eq!(PointKind::Wellbeing.max_points(), 2);
}

#[test]
fn history_marks_each_day_of_the_period() {
    let p = Period::starting(date!(2026 - 11 - 04)); // a Wednesday
    let today = date!(2026 - 11 - 09); // the next Monday
    let ticks = [(date!(2026 - 11 - 04), true), (date!(2026 - 11 - 05), false), (date!(2026 - 11 - 07), true)];
    let weeks = history(&p, today, &ticks);
    assert_eq!(weeks[0].0, date!(2026 - 11 - 02));
    use DayMark::*;
    assert_eq!(weeks[0].1, [Outside, Outside, Kept, NotKept, Unanswered, Kept, Unanswered]);
    assert_eq!(weeks[1].1[0], Ahead);
    let last = weeks.last().unwrap();
    assert!(last.0 <= p.ends_on && p.ends_on < last.0 + Duration::days(7));
    assert_eq!(tally(&weeks), (2, 1, 2));
}

#[test]
fn dialogs_are_in_the_future_within_a_year() {
    let now = datetime!(2026-11-23 12:00 UTC);
    assert!(check_dialog_time(datetime!(2026-11-24 09:00 UTC), now).is_ok());
    assert_eq!(check_dialog_time(datetime!(2026-11-23 11:00 UTC), now).unwrap_err().key, "error-dialog-in-past");
    assert_eq!(check_dialog_time(datetime!(2028-01-01 09:00 UTC), now).unwrap_err().key, "error-dialog-too-far");
}

proptest! {
    /// Every period is about three months long and the next one never overlaps it.
    #[test]
    fn periods_are_three_months_and_do_not_overlap(days in 0i64..20_000, gap in 0i64..400) {
        let start = date!(2000 - 01 - 01) + Duration::days(days);
        let p = Period::starting(start);
        let len = (p.ends_on - p.starts_on).whole_days() + 1;
        prop_assert!((89..=92).contains(&len), "{start}: {len} days");
        let next = p.next(p.ends_on + Duration::days(gap));
        prop_assert!(next.starts_on > p.ends_on);
    }

    /// The history covers every day of the period exactly once, in whole weeks.
    #[test]
    fn history_covers_the_period(days in 0i64..5_000, offset in -10i64..120) {
        let p = Period::starting(date!(2020 - 01 - 01) + Duration::days(days));
        let today = p.starts_on + Duration::days(offset);
        let weeks = history(&p, today, &[]);
        let inside = weeks.iter().flat_map(|(_, m)| m.iter()).filter(|m| **m != DayMark::Outside).count() as i64;
        prop_assert_eq!(inside, (p.ends_on - p.starts_on).whole_days() + 1);
        prop_assert!(weeks.iter().all(|(monday, _)| monday.weekday() == FIRST_WEEKDAY));
    }
}

#[test]
fn dialog_minutes_default_to_the_methods_45_and_have_limits() {
    assert_eq!(DialogMinutes::parse("").unwrap().get(), DIALOG_MINUTES);
    assert_eq!(DialogMinutes::parse(" 60 ").unwrap().get(), 60);
    for bad in ["10", "181", "45.5", "en time", "-45"] {
        assert_eq!(DialogMinutes::parse(bad).unwrap_err().key, "error-dialog-minutes", "{bad}");
    }
    assert!(DialogMinutes::parse("15").is_ok() && DialogMinutes::parse("180").is_ok());
}

#[test]
fn a_dialog_place_is_short_plain_text() {
    assert_eq!(DialogPlace::parse("  Mødelokale 2 ").unwrap().as_str(), "Mødelokale 2");
    assert_eq!(DialogPlace::parse("").unwrap().as_str(), "");
    assert_eq!(DialogPlace::parse(&"æ".repeat(201)).unwrap_err().key, "error-dialog-place-too-long");
    assert_eq!(DialogPlace::parse("a\nb").unwrap_err().key, "error-text-control-chars");
}

#[test]
fn comments_are_trimmed_and_limited() {
    assert_eq!(CommentText::parse("  Godt punkt.\r\nLad os tale om det.  ").unwrap().as_str(), "Godt punkt.\nLad os tale om det.");
    assert_eq!(CommentText::parse(" \n ").unwrap_err().key, "error-comment-missing");
    assert!(CommentText::parse(&"æ".repeat(CommentText::MAX_LEN)).is_ok());
    assert_eq!(CommentText::parse(&"æ".repeat(CommentText::MAX_LEN + 1)).unwrap_err().key, "error-comment-too-long");
    assert_eq!(CommentText::parse("a\u{7}b").unwrap_err().key, "error-text-control-chars");
}

#[test]
fn missing_ticks_count_recent_past_days_inside_the_period() {
    let period = Period::starting(date!(2026 - 11 - 25));
    let today = date!(2026 - 11 - 30);
    let before = date!(2026 - 01 - 01);
    // 25–29 November are past days of the period; today does not count yet.
    assert_eq!(daily_missing(&period, before, today, &[]), 5);
    assert_eq!(daily_missing(&period, before, today, &[date!(2026 - 11 - 29), date!(2026 - 11 - 27), today]), 3);
    let long = Period::starting(date!(2026 - 10 - 01));
    assert_eq!(daily_missing(&long, before, today, &[date!(2026 - 11 - 01)]), RECENT_DAYS as usize, "an old tick does not count");
    assert_eq!(daily_missing(&long, before, long.ends_on + Duration::days(30), &[]), 0, "after the period nothing is missing");
}

/// Issue 17, item 5: a point made minutes ago was shown to the nearest
/// leader as missing its ticks and lines from before it existed.
#[test]
fn nothing_is_missing_from_before_the_point_was_made() {
    let long = Period::starting(date!(2026 - 10 - 01));
    let today = date!(2026 - 11 - 30);
    assert_eq!(daily_missing(&long, today, today, &[]), 0, "made today");
    assert_eq!(daily_missing(&long, date!(2026 - 11 - 28), today, &[]), 2, "made two days ago: 28 and 29 November");
    // Made on Thursday 26 November, today Monday 30 November: only last week's line can be missing.
    let made = date!(2026 - 11 - 26);
    assert_eq!(weekly_due(&long, made, date!(2026 - 11 - 26), &[]), WeeklyDue::NotYet, "the week it was made");
    assert_eq!(weekly_due(&long, made, date!(2026 - 11 - 29), &[]), WeeklyDue::NotYet, "Sunday of that week");
    assert_eq!(weekly_due(&long, made, today, &[]), WeeklyDue::Overdue, "the week it was made, missed, and this week's");
    assert_eq!(weekly_due(&long, made, today, &[date!(2026 - 11 - 23)]), WeeklyDue::Due);
    assert_eq!(weekly_due(&long, date!(2026 - 11 - 30), today, &[]), WeeklyDue::NotYet, "made this Monday");
}

#[test]
fn a_weekly_line_is_due_this_week_and_overdue_after_a_missed_week() {
    let period = Period::starting(date!(2026 - 11 - 04));
    let today = date!(2026 - 11 - 26); // a Thursday; the week's Monday is 23 November
    assert_eq!(weekly_due(&period, date!(2026 - 01 - 01), today, &[date!(2026 - 11 - 23)]), WeeklyDue::Written);
    assert_eq!(weekly_due(&period, date!(2026 - 01 - 01), today, &[date!(2026 - 11 - 16)]), WeeklyDue::Due);
    assert_eq!(weekly_due(&period, date!(2026 - 01 - 01), today, &[date!(2026 - 11 - 09)]), WeeklyDue::Overdue);
    // In the period's first week there is no earlier week to miss.
    assert_eq!(weekly_due(&period, date!(2026 - 01 - 01), date!(2026 - 11 - 05), &[]), WeeklyDue::Due);
}
