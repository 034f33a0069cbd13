//! The group's colour map as SVG, drawn on the server: one row per theme,
//! three columns (red, yellow, green) under their names, each bar as long as
//! the share of leaders who marked the theme in that colour, with the count
//! beside it. Position and header name each colour, so colour is never the
//! only cue. Decorative for screen readers (`aria-hidden`): the page puts a
//! table with the same numbers next to it.

use crate::web::svg::escape;
use std::fmt::Write;

pub const WIDTH: u32 = 360;
/// One colour's column; the bar's longest length leaves room for the count.
const COLUMN: u32 = 120;
const BAR_MAX: u32 = 84;
const HEADER: u32 = 26;
const ROW: u32 = 44;
const FONT: u32 = 14;
const BAR_HEIGHT: u32 = 14;
/// Red, yellow and green with a dark outline, readable on white and in print.
const FILLS: [&str; 3] = ["#c62828", "#f2b705", "#2e7d32"];

/// One theme's row: its name and the counts per colour.
pub struct Row<'a> {
    pub name: &'a str,
    pub counts: [u32; 3],
}

/// Bar length for `count` of `total` leaders, rounded to the nearest unit.
pub fn bar_width(count: u32, total: u32) -> u32 {
    crate::web::svg::bar_length(count, total, BAR_MAX)
}

/// Draws the map; `colour_names` are the variant's names (e.g. "Stop op", "Vent", "Kør").
pub fn colour_map(rows: &[Row<'_>], total: u32, colour_names: [&str; 3]) -> String {
    let height = HEADER + ROW * rows.len() as u32 + 4;
    let mut svg = String::with_capacity(512 + rows.len() * 600);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="lt-chart lt-colour-map" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" aria-hidden="true" focusable="false">"#
    );
    for (i, name) in colour_names.iter().enumerate() {
        let _ = write!(
            svg,
            r##"<text x="{x}" y="{FONT}" font-size="{FONT}" font-weight="bold" fill="#1a1a1a">{name}</text>"##,
            x = COLUMN * i as u32,
            name = escape(name),
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let top = HEADER + ROW * r as u32;
        let _ = write!(
            svg,
            r##"<text x="0" y="{y}" font-size="{FONT}" fill="#1a1a1a" class="lt-chart-label">{name}</text>"##,
            y = top + FONT,
            name = escape(row.name),
        );
        for (c, count) in row.counts.iter().enumerate() {
            let x = COLUMN * c as u32;
            let y = top + FONT + 6;
            let width = bar_width(*count, total);
            let _ = write!(
                svg,
                r##"<rect x="{x}" y="{y}" width="{BAR_MAX}" height="{BAR_HEIGHT}" fill="#f0f0f0" stroke="#bfbfbf" stroke-width="1"/><rect x="{x}" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{fill}" stroke="#1a1a1a" stroke-width="{stroke}" class="lt-chart-bar"/><text x="{tx}" y="{ty}" font-size="{FONT}" fill="#1a1a1a" class="lt-chart-count">{count}</text>"##,
                fill = FILLS[c],
                stroke = if width > 0 { 1 } else { 0 },
                tx = x + BAR_MAX + 6,
                ty = y + BAR_HEIGHT - 1,
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_shares_of_the_leaders_who_answered() {
        assert_eq!(bar_width(3, 4), 63);
        assert_eq!(bar_width(4, 4), BAR_MAX);
        assert_eq!(bar_width(0, 0), 0);
        let svg = colour_map(&[Row { name: "Krav <i> arbejdet", counts: [3, 1, 0] }], 4, ["Stop op", "Vent", "Kør"]);
        assert!(svg.contains(r#"width="63""#) && svg.contains(r#"width="21""#));
        assert!(svg.contains("Krav &lt;i&gt; arbejdet"));
        assert!(!svg.contains("style"), "the CSP forbids inline style");
        insta::assert_snapshot!(svg);
    }
}
