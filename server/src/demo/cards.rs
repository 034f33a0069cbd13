//! A demo leader's own notes to the leader-wellbeing cards, from a walk
//! with a colleague: Martin Vestergaard finds them on /cards/wellbeing/reflect.
//! And Fjordby's own deck on leading at a distance, used like the leader
//! group deck, with its cards in the content catalogue.

use super::people::Structure;
use crate::storage::to_text;
use domain::ids::OrgId;
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

const NOTES: &[(&str, &str)] = &[
    ("w-start", "Gåtur med Niels langs havnen, en time. Vi tog tre kort hver."),
    ("w-role", "Jeg trives bedst, når jeg har tid til at være i driften sammen med medarbejderne – og mindst, når dagen går med mails."),
    ("w-why-lead", "Jeg blev leder for at gøre en forskel for borgerne. Det skal jeg huske mig selv på i budgetperioden."),
];

/// Fjordby's own deck: (Danish, English) name and description.
const OWN_DECK: [(&str, &str); 2] = [
    ("Ledelse på afstand", "Leading at a distance"),
    (
        "Fjordbys egne kort om at lede medarbejdere og kolleger, man sjældent ser: hjemmearbejde, flere matrikler og møder på skærm.",
        "Fjordby's own cards on leading staff and colleagues you seldom see: working from home, several sites and meetings on screen.",
    ),
];

/// The own deck's cards, written as the catalogue has them (title, text, "- " questions).
const OWN_CARDS: &[(&str, &str)] = &[
    (
        "Hjemmearbejde\nMange medarbejdere arbejder hjemme en eller to dage om ugen, og lederen ser dem mindre.\n- Hvordan ved du, hvordan dine medarbejdere har det?\n- Hvad gør I for at holde fællesskabet?",
        "Working from home\nMany staff work from home one or two days a week, and the leader sees them less.\n- How do you know how your staff are doing?\n- What do you do to keep the sense of community?",
    ),
    (
        "Flere matrikler\nLederen har ansvar for steder, der ligger langt fra hinanden.\n- Hvordan fordeler du din tid mellem stederne?\n- Hvem kan du læne dig op ad, når du ikke er der?",
        "Several sites\nThe leader is responsible for places far apart.\n- How do you share your time between the sites?\n- Whom can you lean on when you are not there?",
    ),
    (
        "Møder på skærm\nLedergruppen mødes oftere på skærm end i samme rum.\n- Hvad fungerer godt på skærm, og hvad skal vi mødes om fysisk?\n- Hvordan får alle ordet?",
        "Meetings on screen\nThe leader group meets on screen more often than in the same room.\n- What works well on screen, and what should we meet about in person?\n- How does everyone get the word?",
    ),
    (
        "Kontakten til egen chef\nChefen sidder et andet sted, og der er langt mellem samtalerne.\n- Hvornår har du sidst haft en god snak med din chef?\n- Hvad har du brug for, når I ikke ses?",
        "Contact with your own manager\nYour manager sits elsewhere, and conversations are few.\n- When did you last have a good talk with your manager?\n- What do you need when you do not meet?",
    ),
];

async fn own_deck(conn: &mut AnyConnection, org: &OrgId, now: time::OffsetDateTime) -> anyhow::Result<()> {
    use crate::tools::cards::own_decks;
    let [(title_da, title_en), (summary_da, summary_en)] = OWN_DECK;
    let texts = own_decks::Texts { title_da, title_en, summary_da, summary_en };
    let id = own_decks::insert(conn, org, "leader_group", &texts, now).await?;
    let code = own_decks::code(&id);
    for (da, en) in OWN_CARDS {
        crate::catalogue::store::add(conn, org, crate::tools::cards::own::TOOL, &code, da, en, now).await?;
    }
    Ok(())
}

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, now: OffsetDateTime) -> anyhow::Result<()> {
    own_deck(conn, org, now).await?;
    let martin = &s.persons["martin.vestergaard@fjordby.dk"];
    for (i, (card, text)) in NOTES.iter().enumerate() {
        sqlx::query("INSERT INTO card_notes (person_id, org_id, deck, card, text, updated_at) VALUES ($1, $2, 'wellbeing', $3, $4, $5)")
            .bind(martin.as_str())
            .bind(org.as_str())
            .bind(*card)
            .bind(*text)
            .bind(to_text(now - Duration::days(12) + Duration::minutes(i as i64 * 9)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_notes_are_to_cards_of_the_wellbeing_deck() {
        let cards = crate::tools::cards::content::load().unwrap();
        let deck = cards.da.deck("wellbeing").unwrap();
        assert!(super::NOTES.iter().all(|(card, _)| deck.card(card).is_some()));
    }

    #[test]
    fn the_own_cards_have_a_title_and_questions_in_both_languages() {
        for (da, en) in super::OWN_CARDS {
            for text in [da, en] {
                let card = domain::cards::parse_own_card(text);
                assert!(!card.title.is_empty() && !card.text.is_empty() && card.questions.len() == 2, "{text}");
            }
        }
    }
}
