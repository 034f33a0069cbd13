//! What both sides of a shared agreement see the same way: the
//! conversation (thread and form, template `tools/dialog/comments.html`),
//! the follow-up state of a shared point, and a shared point's history.

use crate::i18n::format;
use crate::tools::dialog::agreement::{kind_title, Reader};
use crate::tools::dialog::comments::Comment;
use crate::tools::dialog::pictures;
use crate::tools::dialog::store::Point;
use crate::web::Page;
use domain::agreement::{daily_missing, history, tally, weekly_due, Period, Rhythm, WeeklyDue};
use domain::ids::PersonId;
use time::Date;

/// One comment as shown in the thread.
pub struct CommentView {
    pub author: String,
    pub mine: bool,
    pub at: String,
    /// "Kind: point text" when the comment is about one shared point.
    pub about: Option<String>,
    pub text: String,
}

/// The conversation: the thread, and the form when the viewer may write.
pub struct Conversation {
    pub comments: Vec<CommentView>,
    /// Where the form posts; empty when the viewer may not write.
    pub action: String,
    /// (point id, "Kind: text") for the "about" choice.
    pub points: Vec<(String, String)>,
    pub typed: String,
    pub typed_point: String,
}

impl Conversation {
    /// The thread as `me` sees it, with only the comments about points in
    /// `visible` (or the whole agreement): a comment on a point the leader
    /// has since made private is not shown to the other party. The points
    /// are named for `reader` (the leader's "Aftaler med dig selv" is the
    /// nearest leader's "Lederens aftaler med sig selv").
    pub fn new(page: &Page, me: &PersonId, reader: Reader, comments: Vec<Comment>, visible: &[Point], action: Option<&str>) -> Conversation {
        let label = |p: &Point| format!("{}: {}", kind_title(page, p.kind, reader), p.text);
        let comments = comments
            .into_iter()
            .filter_map(|c| {
                let about = match &c.point_id {
                    Some(id) => Some(label(visible.iter().find(|p| p.id == *id)?)),
                    None => None,
                };
                Some(CommentView {
                    author: c.author_name.unwrap_or_else(|| page.t("team-comment-deleted-author")),
                    mine: c.author_id.as_ref() == Some(me),
                    at: page.date_time(&c.created_at),
                    about,
                    text: c.text,
                })
            })
            .collect();
        Conversation {
            comments,
            action: action.unwrap_or_default().to_string(),
            points: visible.iter().filter(|p| p.shared).map(|p| (p.id.to_string(), label(p))).collect(),
            typed: String::new(),
            typed_point: String::new(),
        }
    }
}

/// A shared point on the nearest leader's page, with its follow-up.
pub struct SharedPointView {
    pub text: String,
    pub follow_up: String,
    pub rhythm_name: String,
    /// What is missing ("ugens linje", "flueben for 2 af de seneste 7 dage"); empty when up to date.
    pub due: String,
    pub svg: String,
    pub summary: String,
    /// (date, answer, note), newest first.
    pub rows: Vec<(String, String, String)>,
}

/// What is missing on one shared point, to go into `team-due-missing`; empty when nothing is.
pub fn due_text(page: &Page, rhythm: Rhythm, period: &Period, since: Date, today: Date, answered: &[Date]) -> String {
    match rhythm {
        Rhythm::Daily => match daily_missing(period, since, today, answered) {
            0 => String::new(),
            n => page.t1("team-due-daily-missing", "count", n),
        },
        Rhythm::Weekly => match weekly_due(period, since, today, answered) {
            WeeklyDue::Written | WeeklyDue::NotYet => String::new(),
            WeeklyDue::Due => page.t("team-due-weekly"),
            WeeklyDue::Overdue => page.t("team-due-weekly-overdue"),
        },
        Rhythm::AtDialog | Rhythm::None => String::new(),
    }
}

/// A shared point's follow-up for the period: picture (daily), summary and table.
pub fn shared_point(page: &Page, p: &Point, period: &Period, today: Date, check_ins: &[(Date, bool, String)]) -> SharedPointView {
    let (svg, summary) = if p.rhythm == Rhythm::Daily {
        let ticks: Vec<_> = check_ins.iter().map(|(d, k, _)| (*d, *k)).collect();
        let weeks = history(period, today, &ticks);
        let (kept, not_kept, unanswered) = tally(&weeks);
        let initials: [String; 7] = std::array::from_fn(|i| page.t(&format!("dialog-weekday-{i}")));
        let summary = page.tr.t_args(
            "dialog-history-summary",
            &[("kept", kept.to_string()), ("notkept", not_kept.to_string()), ("unanswered", unanswered.to_string())],
        );
        (pictures::history(&weeks, &initials), summary)
    } else {
        (String::new(), String::new())
    };
    let answered: Vec<Date> = check_ins.iter().map(|(d, _, _)| *d).collect();
    let answer = |kept: bool| page.t(if kept { "dialog-kept-yes" } else { "dialog-kept-no" });
    SharedPointView {
        text: p.text.clone(),
        follow_up: p.follow_up.clone(),
        // Goals and wellbeing points have no rhythm: nothing to say about it.
        rhythm_name: if p.rhythm == Rhythm::None { String::new() } else { page.t(&format!("dialog-rhythm-{}", p.rhythm.as_str())) },
        due: if period.contains(today) { due_text(page, p.rhythm, period, p.since, today, &answered) } else { String::new() },
        svg,
        summary,
        rows: check_ins.iter().rev().map(|(d, k, n)| (format::date(page.lang, *d), answer(*k), n.clone())).collect(),
    }
}
