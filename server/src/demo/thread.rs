//! The thread across levels in Fjordby: points from leaders' agreements
//! lifted to their leader groups. One waits for an answer, one has been
//! taken into the group's work, and one was lifted on to the organisation,
//! where it waits in HR's inbox.

use super::people::Structure;
use crate::notify::store::{self as notify, Event};
use crate::notify::Kind;
use crate::storage::to_text;
use crate::thread::store::{self as lifts, NewLift};
use domain::ids::{LiftId, OrgId, PersonId, PointId};
use domain::thread::{Answer, Destination, LiftText, SourceKind};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

/// A point of the leader's newest agreement, found by its text.
async fn point(conn: &mut AnyConnection, org: &OrgId, person: &PersonId, text: &str) -> anyhow::Result<PointId> {
    let (id,): (String,) = sqlx::query_as(
        "SELECT p.id FROM agreement_points p JOIN agreements a ON a.id = p.agreement_id \
         WHERE p.org_id = $1 AND p.person_id = $2 AND p.text = $3 ORDER BY a.starts_on DESC LIMIT 1",
    )
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(text)
    .fetch_one(&mut *conn)
    .await?;
    Ok(PointId::from_db(id))
}

/// Sets when a lift was sent and answered, so the demo has a history.
async fn dated(conn: &mut AnyConnection, lift: &LiftId, sent: OffsetDateTime, answered: Option<OffsetDateTime>) -> anyhow::Result<()> {
    sqlx::query("UPDATE lifts SET created_at = $1, answered_at = $2 WHERE id = $3")
        .bind(to_text(sent))
        .bind(answered.map(to_text))
        .bind(lift.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

struct Sent<'a> {
    email: &'static str,
    point: &'static str,
    group: &'static str,
    text: &'static str,
    attributed: bool,
    days_ago: i64,
    structure: &'a Structure,
}

async fn send(conn: &mut AnyConnection, org: &OrgId, s: Sent<'_>, now: OffsetDateTime) -> anyhow::Result<(LiftId, Destination)> {
    let person = &s.structure.persons[s.email];
    let point = point(conn, org, person, s.point).await?;
    let to = Destination::Group(s.structure.groups[s.group].clone());
    let new = NewLift {
        source_kind: SourceKind::AgreementPoint,
        source_id: point.as_str(),
        from_person: person,
        from_group: None,
        to: &to,
        text: &LiftText::parse(s.text)?,
        attributed: s.attributed,
    };
    let id = lifts::lift(conn, org, new, now).await?.ok_or_else(|| anyhow::anyhow!("lifted twice: {}", s.point))?;
    dated(conn, &id, now - Duration::days(s.days_ago), None).await?;
    Ok((id, to))
}

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, now: OffsetDateTime) -> anyhow::Result<()> {
    const BU: &str = "Ledergruppen i Børn og Unge";
    const SS: &str = "Ledergruppen i Social og Sundhed";

    // Open: Thomas asks the group for help with the building project, by name.
    let (thomas, _) = send(
        conn,
        org,
        Sent {
            email: "thomas.hansen@fjordby.dk",
            point: "At jeg ikke står alene med byggesagen.",
            group: BU,
            text: "Udbygningen af Bakkehuset fylder meget. Er der nogen i gruppen, der har prøvet en byggesag, og som jeg kan sparre med?",
            attributed: true,
            days_ago: 4,
            structure: s,
        },
        now,
    )
    .await?;

    // Answered: Anne's wish for sparring, sent without her name, taken into the group's work.
    let (anne, bu) = send(
        conn,
        org,
        Sent {
            email: "anne.kristensen@fjordby.dk",
            point: "At jeg har tid til faglig sparring med mine lederkolleger i stedet for kun drift.",
            group: BU,
            text: "Vi bruger næsten al tid på ledermøderne på drift. Jeg ønsker faste punkter med faglig sparring mellem os ledere.",
            attributed: false,
            days_ago: 20,
            structure: s,
        },
        now,
    )
    .await?;
    let lars = &s.persons["lars.nielsen@fjordby.dk"];
    // Lars, who answers for the group, was told of Thomas's point; Anne of the answer.
    let link = format!("/groups/{}/inbox#lift-{thomas}", s.groups[BU]);
    let arrived = Event { to: lars, kind: Kind::LiftArrived, actor: Some(&s.persons["thomas.hansen@fjordby.dk"]), group: Some(&s.groups[BU]), link: &link };
    notify::record(conn, org, arrived, now - Duration::days(4)).await?;
    let taken = Answer::parse(
        "taken",
        "Godt forslag. Fra næste måned starter hvert andet ledermøde med 30 minutters faglig sparring. Det skriver vi ind i gruppeaftalen.",
    )?;
    lifts::answer(conn, org, &bu, &anne, &taken, lars, now).await?;
    dated(conn, &anne, now - Duration::days(20), Some(now - Duration::days(14))).await?;
    let anne_person = &s.persons["anne.kristensen@fjordby.dk"];
    let (anne_point,): (String,) = sqlx::query_as("SELECT source_id FROM lifts WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(anne.as_str())
        .fetch_one(&mut *conn)
        .await?;
    let link = crate::thread::view::source_page(SourceKind::AgreementPoint, &anne_point, None);
    let answered = Event { to: anne_person, kind: Kind::LiftAnswered, actor: None, group: Some(&s.groups[BU]), link: &link };
    notify::record(conn, org, answered, now - Duration::days(14)).await?;

    // Lifted on: Pia's missing breaks concern the whole area, so Mette lifts it to the organisation.
    let (pia, ss) = send(
        conn,
        org,
        Sent {
            email: "pia.lauridsen@fjordby.dk",
            point: "At jeg får pauser i løbet af dagen.",
            group: SS,
            text: "Jeg får sjældent en pause i løbet af dagen, fordi vagtplanen altid skal gå op. Jeg tror ikke, jeg er den eneste.",
            attributed: false,
            days_ago: 12,
            structure: s,
        },
        now,
    )
    .await?;
    let mette = &s.persons["mette.andersen@fjordby.dk"];
    let onward = NewLift {
        source_kind: SourceKind::Lift,
        source_id: pia.as_str(),
        from_person: mette,
        from_group: Some(&s.groups[SS]),
        to: &Destination::Organisation,
        text: &LiftText::parse(
            "Flere ledere i Social og Sundhed får ikke pauser i løbet af dagen, fordi bemandingen er presset. \
             Vi foreslår, at pauser og mødefri tid for ledere kommer med i planen for ledertrivsel.",
        )?,
        attributed: true,
    };
    let org_lift = lifts::lift(conn, org, onward, now).await?.ok_or_else(|| anyhow::anyhow!("lifted on twice"))?;
    dated(conn, &org_lift, now - Duration::days(6), None).await?;
    let elsewhere = Answer::parse(
        "handled_elsewhere",
        "Det gælder hele området, så jeg har løftet det videre til organisationens plan for ledertrivsel. Vi følger op på ledermødet.",
    )?;
    lifts::answer(conn, org, &ss, &pia, &elsewhere, mette, now).await?;
    dated(conn, &pia, now - Duration::days(12), Some(now - Duration::days(6))).await?;
    Ok(())
}
