//! The group's picture at a glance: one stacked bar per statement, from
//! "not at all" (orange) through the middle (grey) to "to a very great
//! extent" (blue), with "don't know" as an outlined white end. Drawn on the
//! server as SVG with presentation attributes only (the CSP forbids style
//! attributes); decorative for screen readers, the page has the table.

use std::fmt::Write;

pub const WIDTH: u32 = 300;
const HEIGHT: u32 = 28;
/// Fill and text colour per scale point, then "don't know". Orange and
/// blue meet 3:1 against white; the counts inside meet 4.5:1 on their fill.
pub const COLOURS: [(&str, &str); 6] = [
    ("#a34a00", "#ffffff"),
    ("#e8a56a", "#1a1a1a"),
    ("#d0d0d0", "#1a1a1a"),
    ("#86aedb", "#1a1a1a"),
    ("#00468c", "#ffffff"),
    ("#ffffff", "#1a1a1a"),
];

/// Segment edges for `counts` out of their sum: cumulative rounding, so the
/// segments always fill the bar exactly.
fn edges(counts: &[u32]) -> Vec<(u32, u32)> {
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return counts.iter().map(|_| (0, 0)).collect();
    }
    let mut seen = 0;
    counts
        .iter()
        .map(|c| {
            let start = WIDTH * seen / total;
            seen += c;
            (start, WIDTH * seen / total - start)
        })
        .collect()
}

/// `counts`: the five scale points and then "don't know".
pub fn stacked_bar(counts: &[u32; 6]) -> String {
    let mut svg = String::with_capacity(1024);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="lt-stacked" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" focusable="false">"#
    );
    for (i, (x, w)) in edges(counts).into_iter().enumerate() {
        if w == 0 {
            continue;
        }
        let (fill, text) = COLOURS[i];
        let stroke = if i == 5 { r##" stroke="#747474" stroke-width="1""## } else { "" };
        let _ = write!(svg, r#"<rect x="{x}" y="0" width="{w}" height="{HEIGHT}" fill="{fill}"{stroke}/>"#);
        if w >= 16 {
            let _ = write!(
                svg,
                r#"<text x="{}" y="19" font-size="14" text-anchor="middle" fill="{text}">{}</text>"#,
                x + w / 2,
                counts[i]
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// One swatch of the legend.
pub fn swatch(i: usize) -> String {
    let (fill, _) = COLOURS[i.min(5)];
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="15" height="15" fill="{fill}" stroke="#747474"/></svg>"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_fill_the_bar_in_proportion() {
        assert_eq!(edges(&[1, 1, 1, 0, 0, 0]), vec![(0, 100), (100, 100), (200, 100), (300, 0), (300, 0), (300, 0)]);
        let e = edges(&[1, 2, 0, 3, 1, 0]);
        assert_eq!(e.iter().map(|(_, w)| w).sum::<u32>(), WIDTH);
        assert_eq!(edges(&[0; 6]), vec![(0, 0); 6]);
    }

    #[test]
    fn empty_segments_are_not_drawn_and_nothing_uses_style() {
        let svg = stacked_bar(&[0, 2, 0, 0, 1, 1]);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains(">2</text>") && !svg.contains("style"));
    }
}
