//! A campaign's overview as .xlsx (colour map and participation) and .csv
//! (colour map): the same view, the same suppression and the same numbers
//! as the page. A view the page withholds cannot be exported either.

use super::campaigns::{overview, MapRow, MapState, Overview, ViewQuery};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::org::audit;
use crate::state::AppState;
use crate::web::download;
use crate::web::Page;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::response::Response;
use exports::xlsx::{Cell, Sheet};

fn number(n: Option<u32>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Integer(i64::from(n)))
}

/// The map's header and rows, shared by both formats.
fn map_table(page: &Page, o: &Overview, rows: &[MapRow], respondents: u32) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut header = vec![page.t("apv-theme-column")];
    for name in &o.colour_names {
        header.push(name.clone());
        header.push(page.t1("apv-export-share", "colour", name));
    }
    header.push(page.t1("apv-export-before", "colour", &o.colour_names[0]));
    header.push(page.t("apv-export-respondents"));
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![Cell::Text(r.name.clone())];
            for (count, share) in r.counts.iter().zip(r.percents) {
                cells.push(Cell::Integer(i64::from(*count)));
                cells.push(number(share));
            }
            cells.push(number(r.red_before));
            cells.push(Cell::Integer(i64::from(respondents)));
            cells
        })
        .collect();
    (header, rows)
}

/// The view, or 400 when the page would withhold it.
async fn shown(state: &AppState, page: &Page, me: &Member, id: &str, q: &ViewQuery) -> AppResult<(Overview, Vec<Vec<Cell>>, Vec<String>)> {
    let mut o = overview(state, page, me, id, q).await?;
    let MapState::Shown { respondents, rows, .. } = std::mem::replace(&mut o.map, MapState::Differencing) else {
        return Err(AppError::BadRequest("apv-error-view-withheld"));
    };
    let (header, table) = map_table(page, &o, &rows, respondents);
    let mut conn = state.db.pool.acquire().await?;
    audit::record(&mut conn, me.org(), audit::Actor { person: Some(me.person()), name: &me.m.name }, "apv-overview-export", &o.campaign.title, state.clock.now())
        .await?;
    Ok((o, table, header))
}

/// The file's name without its extension: the export's and the campaign's.
fn file_name(page: &Page, o: &Overview) -> String {
    let slug: String = o
        .campaign
        .title
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{slug}", page.t("apv-export-file"))
}

pub async fn xlsx(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<ViewQuery>,
) -> AppResult<Response> {
    let (o, map, columns) = shown(&state, &page, &me, &id, &q).await?;
    let participation = Sheet {
        name: page.t("apv-participation-heading"),
        header: vec![page.t("apv-group-column"), page.t("apv-asked-column"), page.t("apv-handed-in-column"), page.t("apv-status-column")],
        rows: o
            .participation
            .iter()
            .map(|p| {
                vec![
                    Cell::Text(p.group_name.clone()),
                    Cell::Integer(p.asked),
                    Cell::Integer(p.handed_in),
                    Cell::Text(page.t(if p.open { "apv-round-open" } else { "apv-round-closed" })),
                ]
            })
            .collect(),
    };
    let sheets = [Sheet { name: page.t("apv-overview-heading"), header: columns, rows: map }, participation];
    download::xlsx(&sheets, &file_name(&page, &o))
}

pub async fn csv(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<ViewQuery>,
) -> AppResult<Response> {
    let (o, map, columns) = shown(&state, &page, &me, &id, &q).await?;
    Ok(download::csv(&columns, &map, &file_name(&page, &o)))
}
