//! What every server-drawn SVG picture shares.

/// Escapes text for SVG (XML) content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A bar's length for `count` of `total`, where `total` fills `max`,
/// rounded to the nearest unit; charts of one round share one scale.
pub fn bar_length(count: u32, total: u32, max: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    (count.min(total) * max * 2 + total) / (2 * total)
}
