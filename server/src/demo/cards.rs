//! A demo leader's own notes to the leader-wellbeing cards, from a walk
//! with a colleague: Martin Vestergaard finds them on /cards/wellbeing/reflect.

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

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, now: OffsetDateTime) -> anyhow::Result<()> {
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
}
