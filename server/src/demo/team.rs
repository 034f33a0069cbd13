//! Tool 1 from the nearest leader's side in Fjordby: the conversations
//! about shared agreements. Lars Bech Nielsen has commented on Anne Marie
//! Kristensen's agreement and she has answered (his reply and his "agreed"
//! mark are still to come); Karen Mikkelsen and Lars have settled his; Mette
//! Kjær Andersen has asked Pia Lauridsen a question she has not answered.

use super::people::Structure;
use crate::storage::to_text;
use crate::tools::dialog::store as agreements;
use domain::ids::{CommentId, OrgId};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

#[derive(Clone, Copy)]
enum Who {
    Leader,
    Nearest,
}

struct Thread {
    leader: &'static str,
    /// (who, hours ago, index into the shared points or none for the whole agreement, text)
    comments: &'static [(Who, i64, Option<usize>, &'static str)],
    agreed_by_nearest_hours_ago: Option<i64>,
}

const THREADS: &[Thread] = &[
    Thread {
        leader: "anne.kristensen@fjordby.dk",
        comments: &[
            (
                Who::Nearest,
                75,
                Some(1),
                "Godt, at du tager fat i sygefraværet i Solsikken. Skal vi have HR med på vagtplanlægningen, eller vil du prøve selv først?",
            ),
            (
                Who::Leader,
                70,
                Some(1),
                "Jeg vil gerne prøve selv i en måned først. Hvis det ikke flytter noget, tager vi HR med på vores møde i januar.",
            ),
            (
                Who::Nearest,
                52,
                Some(4),
                "Den faste sparringstime lægger jeg i kalenderen den første tirsdag i måneden. Sig til, hvis tidspunktet ikke passer.",
            ),
            (
                Who::Leader,
                26,
                None,
                "Tak. Tirsdag passer fint. Kan vi bruge første time på at tale om, hvilke arbejdsgrupper jeg kan melde mig ud af?",
            ),
        ],
        agreed_by_nearest_hours_ago: None,
    },
    Thread {
        leader: "lars.nielsen@fjordby.dk",
        comments: &[
            (
                Who::Nearest,
                140,
                Some(3),
                "Jeg tager gerne forventningsafstemningen om strukturen hver måned. Lad os lægge den lige efter direktionsmødet.",
            ),
            (Who::Leader, 130, None, "Det er en god idé. Så har jeg også de nyeste beslutninger med, når jeg taler med mine ledere."),
            (Who::Nearest, 100, None, "Så er vi enige. Jeg har markeret aftalen som aftalt."),
        ],
        agreed_by_nearest_hours_ago: Some(100),
    },
    Thread {
        leader: "pia.lauridsen@fjordby.dk",
        comments: &[(
            Who::Nearest,
            20,
            Some(1),
            "Hvordan går det med mandagsstatussen? Jeg oplever, at den ofte bliver kort. Skal vi flytte den til om eftermiddagen?",
        )],
        agreed_by_nearest_hours_ago: None,
    },
];

/// Adds the conversations to the demo agreements `agreement::create` wrote.
pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, now: OffsetDateTime) -> anyhow::Result<()> {
    for thread in THREADS {
        let leader = &s.persons[thread.leader];
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT id, shared_with_id FROM agreements WHERE org_id = $1 AND person_id = $2 ORDER BY starts_on DESC LIMIT 1",
        )
        .bind(org.as_str())
        .bind(leader.as_str())
        .fetch_optional(&mut *conn)
        .await?;
        let Some((agreement, Some(nearest))) = row else {
            anyhow::bail!("the demo agreement of {} is not shared", thread.leader);
        };
        let agreement = domain::ids::AgreementId::from_db(agreement);
        let shared: Vec<_> = agreements::points_in(conn, org, &agreement).await?.into_iter().filter(|p| p.shared).collect();
        for (who, hours_ago, point, text) in thread.comments {
            let author = match who {
                Who::Leader => leader.as_str(),
                Who::Nearest => nearest.as_str(),
            };
            let point = match point {
                Some(i) => Some(shared.get(*i).ok_or_else(|| anyhow::anyhow!("{} shares no point {i}", thread.leader))?.id.as_str().to_string()),
                None => None,
            };
            // Written oldest first, so the ids (UUID v7) keep the thread's order.
            sqlx::query(
                "INSERT INTO agreement_comments (id, org_id, agreement_id, point_id, author_id, text, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(CommentId::new().as_str())
            .bind(org.as_str())
            .bind(agreement.as_str())
            .bind(point)
            .bind(author)
            .bind(*text)
            .bind(to_text(now - Duration::hours(*hours_ago)))
            .execute(&mut *conn)
            .await?;
        }
        if let Some(hours) = thread.agreed_by_nearest_hours_ago {
            sqlx::query("UPDATE agreements SET agreed_by_nearest_at = $1 WHERE org_id = $2 AND id = $3")
                .bind(to_text(now - Duration::hours(hours)))
                .bind(org.as_str())
                .bind(agreement.as_str())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
