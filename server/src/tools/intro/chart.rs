//! The distribution of one statement's answers as a horizontal bar chart in
//! SVG, drawn on the server. Only SVG presentation attributes and classes are
//! used (the CSP forbids style attributes). The chart is decorative for
//! screen readers (`aria-hidden`): the page puts a data table next to it.

use crate::web::svg::escape;
use std::fmt::Write;

/// One bar: its label, its count, and whether it is the "don't know" bar.
pub struct Bar<'a> {
    pub label: &'a str,
    pub count: u32,
    pub muted: bool,
}

pub const WIDTH: u32 = 320;
/// The longest bar; the rest of the width holds the count next to it.
pub const BAR_MAX: u32 = 270;
const ROW: u32 = 36;
const FONT: u32 = 14;
const BAR_HEIGHT: u32 = 12;

/// Bar length for `count` out of `total` respondents, so charts of the same
/// round share one scale.
pub fn bar_width(count: u32, total: u32) -> u32 {
    crate::web::svg::bar_length(count, total, BAR_MAX)
}

/// Draws the bars, each with its label above and its count after it.
pub fn bar_chart(bars: &[Bar<'_>], total: u32) -> String {
    let height = ROW * bars.len() as u32 + 4;
    let mut svg = String::with_capacity(256 + bars.len() * 320);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="lt-chart" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" aria-hidden="true" focusable="false">"#
    );
    for (i, bar) in bars.iter().enumerate() {
        let top = ROW * i as u32;
        let label_y = top + FONT;
        let bar_y = top + FONT + 4;
        let width = bar_width(bar.count, total);
        let (class, fill) = if bar.muted { ("lt-chart-bar lt-chart-bar-muted", "#747474") } else { ("lt-chart-bar", "#0059b3") };
        let _ = write!(
            svg,
            r##"<text x="0" y="{label_y}" font-size="{FONT}" fill="#1a1a1a" class="lt-chart-label">{label}</text><rect x="0" y="{bar_y}" width="{width}" height="{BAR_HEIGHT}" fill="{fill}" class="{class}"/><text x="{count_x}" y="{count_y}" font-size="{FONT}" fill="#1a1a1a" class="lt-chart-count">{count}</text>"##,
            label = escape(bar.label),
            count_x = width + 6,
            count_y = bar_y + BAR_HEIGHT - 1,
            count = bar.count,
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(svg: &str) -> Vec<u32> {
        svg.split("<rect ")
            .skip(1)
            .map(|r| {
                let at = r.find("width=\"").unwrap() + 7;
                r[at..at + r[at..].find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn bars_are_proportional_to_counts() {
        let labels = ["Helt uenig", "Overvejende uenig", "Hverken eller", "Overvejende enig", "Helt enig"];
        let counts = [0, 1, 0, 2, 1];
        let mut bars: Vec<Bar> = labels.iter().zip(counts).map(|(label, count)| Bar { label, count, muted: false }).collect();
        bars.push(Bar { label: "Ved ikke", count: 0, muted: true });
        let svg = bar_chart(&bars, 4);
        assert_eq!(widths(&svg), vec![0, 68, 0, 135, 68, 0]);
        assert_eq!(bar_width(4, 4), BAR_MAX);
        assert_eq!(bar_width(1, 3), 90);
        assert_eq!(bar_width(0, 0), 0);
        // Six rows, and no inline style anywhere (the CSP would block it).
        assert!(svg.contains(r#"height="220""#));
        assert!(!svg.contains("style"));
    }

    #[test]
    fn labels_are_escaped() {
        let svg = bar_chart(&[Bar { label: "<script>&\"", count: 1, muted: false }], 1);
        assert!(svg.contains("&lt;script&gt;&amp;&quot;"));
        assert!(!svg.contains("<script>"));
    }

    #[test]
    fn chart_snapshot() {
        let bars = [
            Bar { label: "Helt uenig", count: 1, muted: false },
            Bar { label: "Helt enig", count: 2, muted: false },
            Bar { label: "Ved ikke", count: 1, muted: true },
        ];
        insta::assert_snapshot!(bar_chart(&bars, 4));
    }
}
