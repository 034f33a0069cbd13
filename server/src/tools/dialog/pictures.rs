//! Tool 1's pictures, drawn on the server as SVG with presentation
//! attributes only (the CSP forbids style attributes): the leadership task
//! seen all the way round, and a daily point's history as a calendar.
//! Both are `aria-hidden`; the page gives the same content as text or a table.

use crate::content::FigureText;
use domain::agreement::DayMark;
use crate::web::svg::escape;
use std::fmt::Write;

/// Splits a label into lines of at most `width` characters, at spaces.
fn lines(label: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

fn text_block(svg: &mut String, x: f64, y: f64, label: &str, class: &str) {
    let rows = lines(label, 16);
    let first = y - (rows.len() as f64 - 1.0) * 9.0;
    for (i, row) in rows.iter().enumerate() {
        let _ = write!(
            svg,
            r##"<text x="{x:.0}" y="{:.0}" text-anchor="middle" font-size="15" fill="#1a1a1a" class="{class}">{}</text>"##,
            first + i as f64 * 18.0,
            escape(row)
        );
    }
}

/// The figure of the seed's tool: the leadership task in the middle, six
/// directions around it, each an arrow out from the centre.
pub fn all_the_way_round(f: &FigureText) -> String {
    const W: f64 = 560.0;
    const H: f64 = 420.0;
    let (cx, cy) = (W / 2.0, H / 2.0);
    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="lt-figure" viewBox="0 0 {W} {H}" aria-hidden="true" focusable="false">"#
    );
    // Clockwise from the top, as the seed draws it.
    let around = [&f.up, &f.across, &f.out, &f.team, &f.inward, &f.management];
    for (i, label) in around.iter().enumerate() {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::PI / 3.0;
        let (dx, dy) = (angle.cos(), angle.sin());
        let (x1, y1) = (cx + dx * 78.0, cy + dy * 62.0);
        let (x2, y2) = (cx + dx * 150.0, cy + dy * 112.0);
        let _ = write!(
            svg,
            r##"<line x1="{x1:.0}" y1="{y1:.0}" x2="{x2:.0}" y2="{y2:.0}" stroke="#0059b3" stroke-width="3"/><circle cx="{x2:.0}" cy="{y2:.0}" r="5" fill="#0059b3"/>"##
        );
        text_block(&mut svg, cx + dx * 205.0, cy + dy * 158.0 + 5.0, label, "lt-figure-label");
    }
    let _ = write!(
        svg,
        r##"<ellipse cx="{cx}" cy="{cy}" rx="76" ry="60" fill="#e6f0fa" stroke="#0059b3" stroke-width="2"/>"##
    );
    text_block(&mut svg, cx, cy + 5.0, &f.center, "lt-figure-center");
    svg.push_str("</svg>");
    svg
}

/// A daily point's period as a calendar: one row per week, Monday first.
pub fn history(weeks: &[(time::Date, [DayMark; 7])], weekday_initials: &[String; 7]) -> String {
    const CELL: u32 = 22;
    const GAP: u32 = 4;
    const LEFT: u32 = 0;
    const TOP: u32 = 20;
    let width = LEFT + 7 * (CELL + GAP);
    let height = TOP + weeks.len() as u32 * (CELL + GAP);
    let mut svg = String::with_capacity(256 + weeks.len() * 7 * 120);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="lt-history" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false">"#
    );
    for (d, initial) in weekday_initials.iter().enumerate() {
        let x = LEFT + d as u32 * (CELL + GAP) + CELL / 2;
        let _ = write!(svg, r##"<text x="{x}" y="14" text-anchor="middle" font-size="12" fill="#1a1a1a">{}</text>"##, escape(initial));
    }
    for (w, (_, marks)) in weeks.iter().enumerate() {
        for (d, mark) in marks.iter().enumerate() {
            let x = LEFT + d as u32 * (CELL + GAP);
            let y = TOP + w as u32 * (CELL + GAP);
            // Kept and not kept differ in shape as well as colour (WCAG 1.4.1).
            match mark {
                DayMark::Kept => {
                    let _ = write!(
                        svg,
                        r##"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4" fill="#008139"/><path d="M{} {} l4 4 l8 -9" stroke="#ffffff" stroke-width="2.5" fill="none"/>"##,
                        x + 5,
                        y + 11
                    );
                }
                DayMark::NotKept => {
                    let _ = write!(
                        svg,
                        r##"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4" fill="#ffffff" stroke="#b51d09" stroke-width="2"/><path d="M{} {} l10 10 M{} {} l-10 10" stroke="#b51d09" stroke-width="2.5"/>"##,
                        x + 6,
                        y + 6,
                        x + 16,
                        y + 6
                    );
                }
                DayMark::Unanswered => {
                    let _ = write!(
                        svg,
                        r##"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4" fill="#ffffff" stroke="#747474" stroke-width="1.5" stroke-dasharray="3 2"/>"##
                    );
                }
                DayMark::Ahead => {
                    let _ = write!(svg, r##"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4" fill="#f5f5f5"/>"##);
                }
                DayMark::Outside => {}
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(lines("Ud mod borgere og kunder", 16), vec!["Ud mod borgere", "og kunder"]);
        assert_eq!(lines("På tværs", 16), vec!["På tværs"]);
    }

    #[test]
    fn history_draws_one_mark_per_answered_day() {
        use DayMark::*;
        let weeks = vec![(time::macros::date!(2026 - 11 - 02), [Outside, Kept, NotKept, Unanswered, Ahead, Ahead, Kept])];
        let initials = ["M", "T", "O", "T", "F", "L", "S"].map(String::from);
        let svg = history(&weeks, &initials);
        assert_eq!(svg.matches("fill=\"#008139\"").count(), 2);
        assert_eq!(svg.matches("stroke=\"#b51d09\" stroke-width=\"2\"").count(), 1);
        assert_eq!(svg.matches("stroke-dasharray").count(), 1);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
