//! An organisation's own dialog card, written as one text per language in
//! the content catalogue: the first line is the card's title, lines that
//! begin with "- " (or "• ") are its questions, and the rest explains it.
//! One text keeps the catalogue's revisions, hiding and audit for cards too.

/// An own card's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnCard {
    pub title: String,
    pub text: String,
    pub questions: Vec<String>,
}

pub fn parse_own_card(raw: &str) -> OwnCard {
    let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default().to_string();
    let mut text = Vec::new();
    let mut questions = Vec::new();
    for line in lines {
        match line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            Some(q) => questions.push(q.trim().to_string()),
            None => text.push(line),
        }
    }
    OwnCard { title, text: text.join(" "), questions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_is_the_title_and_dashes_are_questions() {
        let card = parse_own_card("Hjemmearbejde\nMange ledere arbejder hjemme én dag om ugen.\n\n- Hvordan holder du kontakten?\n• Hvad savner du?\n");
        assert_eq!(card.title, "Hjemmearbejde");
        assert_eq!(card.text, "Mange ledere arbejder hjemme én dag om ugen.");
        assert_eq!(card.questions, vec!["Hvordan holder du kontakten?", "Hvad savner du?"]);
    }

    #[test]
    fn a_single_line_is_a_card_with_only_a_title() {
        assert_eq!(parse_own_card("  Nye opgaver  "), OwnCard { title: "Nye opgaver".into(), text: String::new(), questions: vec![] });
    }
}
