//! The words of a piece of news, in the reader's language, for the start
//! page and the mails alike. They name only who acted (when stored, which
//! the recorder allowed) and the group, both shown on the linked page.

use super::store::News;
use super::Kind;
use crate::i18n::{format, Tr};

/// One line saying what happened.
pub fn line(tr: &Tr, news: &News) -> String {
    let name = news.actor_name.clone().unwrap_or_else(|| tr.t("notify-someone"));
    let group = news.group_name.clone().unwrap_or_else(|| tr.t("notify-a-group"));
    // The leader's own agreement lives under /dialog; the nearest leader reads it under /team.
    let own_agreement = news.link.starts_with("/dialog/");
    let key = match news.kind {
        Kind::LiftArrived if news.link.starts_with("/admin/") && news.actor_name.is_some() => "notify-lift-arrived-org-named",
        Kind::LiftArrived if news.link.starts_with("/admin/") => "notify-lift-arrived-org",
        Kind::LiftArrived if news.actor_name.is_some() => "notify-lift-arrived-named",
        Kind::LiftArrived => "notify-lift-arrived",
        Kind::LiftAnswered if news.group_name.is_some() => "notify-lift-answered-group",
        Kind::LiftAnswered => "notify-lift-answered-org",
        Kind::AgreementShared => "notify-agreement-shared",
        Kind::AgreementCommented if own_agreement => "notify-agreement-commented-yours",
        Kind::AgreementCommented => "notify-agreement-commented-theirs",
        Kind::AgreementAgreed if own_agreement => "notify-agreement-agreed-yours",
        Kind::AgreementAgreed => "notify-agreement-agreed-theirs",
        Kind::AgreementUnagreed if own_agreement => "notify-agreement-unagreed-yours",
        Kind::AgreementUnagreed => "notify-agreement-unagreed-theirs",
        Kind::AgreementChanged => "notify-agreement-changed",
        Kind::PictureRevealed => "notify-picture-revealed",
    };
    tr.t_args(key, &[("name", name), ("group", group)])
}

/// A piece of news on the start page.
pub struct NewsItem {
    pub id: String,
    pub text: String,
    pub when: String,
}

pub fn items(tr: &Tr, news: &[News]) -> Vec<NewsItem> {
    news.iter()
        .map(|n| NewsItem { id: n.id.to_string(), text: line(tr, n), when: format::stored_date_time(tr.lang, &n.created_at) })
        .collect()
}
