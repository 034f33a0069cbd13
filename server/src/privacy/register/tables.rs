//! The register's entries, one per table, in the order tables depend on
//! each other: erasure and the purge walk it backwards.

use super::{Class, Link, Of, Owner, Retention, TableEntry};
use Class::{NotPersonal as N, Personal as P, Secret as X, Sensitive as S};
use Retention as R;

const fn owner(column: &'static str, of: Of, link: Link) -> Owner {
    Owner { column, of, link, withholds: &[] }
}

const fn owner_withholding(column: &'static str, of: Of, link: Link, withholds: &'static [&'static str]) -> Owner {
    Owner { column, of, link, withholds }
}

/// The register, one entry per table.
pub const REGISTER: &[TableEntry] = &[
    TableEntry {
        table: "orgs",
        retention: R::NotPersonal,
        columns: &[("id", N), ("name", N), ("anonymity_k", N), ("free_text_k", N), ("retention_days", N), ("created_at", N)],
        owners: &[],
    },
    TableEntry {
        table: "accounts",
        retention: R::WhileMember,
        columns: &[("id", P), ("email", P), ("password_hash", X), ("locale", P), ("created_at", P), ("notify_mail", P)],
        owners: &[owner("id", Of::Account, Link::Subject)],
    },
    TableEntry {
        table: "units",
        retention: R::NotPersonal,
        columns: &[("id", N), ("org_id", N), ("name", N), ("parent_id", N), ("created_at", N)],
        owners: &[],
    },
    TableEntry {
        table: "persons",
        retention: R::WhileMember,
        columns: &[
            ("id", P),
            ("org_id", N),
            ("account_id", P),
            ("name", P),
            ("unit_id", P),
            ("nearest_leader_id", P),
            ("created_at", P),
            ("invited_at", P),
            ("joined_at", P),
            ("invited_by", P),
        ],
        owners: &[
            owner("id", Of::Person, Link::Subject),
            owner("nearest_leader_id", Of::Person, Link::PointsAt),
            owner("invited_by", Of::Account, Link::PointsAt),
        ],
    },
    TableEntry {
        table: "person_roles",
        retention: R::WhileMember,
        columns: &[("person_id", P), ("org_id", N), ("role", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "leader_groups",
        retention: R::SharedWork,
        columns: &[("id", N), ("org_id", N), ("name", N), ("group_leader_id", P), ("openness", N), ("created_at", N)],
        owners: &[owner("group_leader_id", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "group_members",
        retention: R::WhileMember,
        columns: &[("group_id", P), ("person_id", P), ("org_id", N)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "tokens",
        retention: R::Own("expires_at"),
        columns: &[
            ("hash", X),
            ("kind", P),
            ("account_id", P),
            ("org_id", N),
            ("expires_at", P),
            ("used_at", P),
            ("created_at", P),
        ],
        owners: &[owner("account_id", Of::Account, Link::Subject)],
    },
    // A proposed sign-in address, until its owner confirms it or the link expires.
    TableEntry {
        table: "address_changes",
        retention: R::Own("created_at"),
        columns: &[("token_hash", X), ("org_id", N), ("account_id", P), ("new_email", P), ("created_at", P)],
        owners: &[owner("account_id", Of::Account, Link::Subject)],
    },
    // Sign-ins: the id is the cookie's secret and the data holds the
    // account id and CSRF secret. Erasure deletes an account's sessions by
    // their content (see `erasure`), as no column names the account.
    TableEntry { table: "login_sessions", retention: R::ShortLived, columns: &[("id", X), ("data", X), ("expires_at", N)], owners: &[] },
    // A queued password-reset mail (`auth::reset_mail`): the address typed
    // on /password/forgot, which may belong to no account. A row lives only
    // until its mail is sent, seconds, so no owner column ties it to a person.
    // The readiness check's test write: inserted and deleted in one
    // transaction, never holding a row.
    TableEntry { table: "storage_probe", retention: R::NotPersonal, columns: &[("id", N), ("filler", N)], owners: &[] },
    TableEntry {
        table: "password_reset_requests",
        retention: R::ShortLived,
        columns: &[("id", N), ("email", P), ("requested_at", P), ("claimed_at", N)],
        owners: &[],
    },
    // The organisation's record of who did what. Erasure clears the link to
    // the person but keeps the name: the log must still say who acted, for
    // the organisation's retention period.
    TableEntry {
        table: "audit_log",
        retention: R::Own("at"),
        columns: &[
            ("id", N),
            ("org_id", N),
            ("actor_person_id", P),
            ("actor_name", P),
            ("action", N),
            ("target", P),
            ("at", P),
        ],
        owners: &[owner("actor_person_id", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "catalogue_items",
        retention: R::NotPersonal,
        columns: &[("id", N), ("org_id", N), ("tool", N), ("item_key", N), ("section", N), ("position", N), ("hidden", N), ("origin", N), ("current_revision_id", N), ("created_at", N)],
        owners: &[],
    },
    TableEntry {
        table: "catalogue_revisions",
        retention: R::NotPersonal,
        columns: &[("id", N), ("org_id", N), ("item_id", N), ("revision", N), ("content_version", N), ("text_da", N), ("text_en", N), ("created_at", N)],
        owners: &[],
    },
    // An organisation's own decks: content, like the catalogue, about no one.
    TableEntry {
        table: "own_decks",
        retention: R::NotPersonal,
        columns: &[("id", N), ("org_id", N), ("template", N), ("title_da", N), ("title_en", N), ("summary_da", N), ("summary_en", N), ("hidden", N), ("created_at", N)],
        owners: &[],
    },
    TableEntry {
        table: "intro_runs",
        retention: R::SharedWork,
        columns: &[("id", N), ("org_id", N), ("group_id", N), ("started_by", P), ("created_at", N), ("closed_at", N)],
        owners: &[owner("started_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "intro_run_items",
        retention: R::NotPersonal,
        columns: &[("run_id", N), ("org_id", N), ("revision_id", N), ("section", N), ("position", N)],
        owners: &[],
    },
    TableEntry {
        table: "intro_answers",
        retention: R::Parent { key: "run_id", parent: "intro_runs", ended: "closed_at" },
        columns: &[("run_id", N), ("person_id", P), ("revision_id", N), ("org_id", N), ("value", S), ("updated_at", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "intro_respondents",
        retention: R::Parent { key: "run_id", parent: "intro_runs", ended: "closed_at" },
        columns: &[("run_id", N), ("person_id", P), ("org_id", N), ("comment", S), ("submitted_at", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "intro_decisions",
        retention: R::SharedWork,
        columns: &[
            ("run_id", N),
            ("org_id", N),
            ("next_tool", N),
            ("owner_person_id", P),
            ("due_date", N),
            ("note", P),
            ("decided_by", P),
            ("decided_at", N),
        ],
        owners: &[
            owner("owner_person_id", Of::Person, Link::Names),
            owner("decided_by", Of::Person, Link::Names),
        ],
    },
    TableEntry {
        table: "guide_notes",
        retention: R::WhileMember,
        columns: &[("person_id", P), ("item_id", N), ("org_id", N), ("revision_id", N), ("text", S), ("updated_at", N)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "agreements",
        retention: R::WhileMember,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("person_id", P),
            ("starts_on", N),
            ("ends_on", N),
            ("previous_id", N),
            ("shared_with_id", P),
            ("agreed_by_leader_at", P),
            ("agreed_by_nearest_at", P),
            ("created_at", N),
            ("updated_at", N),
        ],
        owners: &[owner("person_id", Of::Person, Link::Subject), owner("shared_with_id", Of::Person, Link::PointsAt)],
    },
    TableEntry {
        table: "agreement_points",
        retention: R::WhileMember,
        columns: &[
            ("id", N),
            ("agreement_id", N),
            ("org_id", N),
            ("person_id", P),
            ("kind", N),
            ("position", N),
            ("text", S),
            ("follow_up", S),
            ("rhythm", N),
            ("shared", P),
            ("created_at", N),
            ("updated_at", N),
        ],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    // A comment on a shared agreement names its author in a role: it is
    // exported with the author's data and stays, without the name, in the
    // leader's agreement if the author is deleted. A deleted leader's
    // agreement takes its comments with it (ON DELETE CASCADE).
    TableEntry {
        table: "agreement_comments",
        retention: R::WhileMember,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("agreement_id", N),
            ("point_id", N),
            ("author_id", P),
            ("text", S),
            ("created_at", N),
        ],
        owners: &[owner("author_id", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "check_ins",
        retention: R::WhileMember,
        columns: &[
            ("point_id", N),
            ("day", N),
            ("org_id", N),
            ("person_id", P),
            ("kept", S),
            ("note", S),
            ("updated_at", N),
        ],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "dialogs",
        retention: R::WhileMember,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("agreement_id", N),
            ("leader_id", P),
            ("nearest_leader_id", P),
            ("starts_at", P),
            ("minutes", N),
            ("place", P),
            ("sequence", N),
            ("cancelled_at", N),
            ("created_at", N),
        ],
        owners: &[owner("leader_id", Of::Person, Link::Subject), owner("nearest_leader_id", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "reminders_sent",
        retention: R::NotPersonal,
        columns: &[("kind", N), ("subject_id", N), ("due_key", N), ("org_id", N), ("sent_at", N)],
        owners: &[],
    },
    // The thread across levels. A lift is shared work: the sender exports it
    // (their words, the answer), and erasure clears their name from it while
    // the receiving level keeps the point. Whoever answered exports it too,
    // but never the sender: an unattributed lift must not name its sender
    // to the level that received it, not even through a data export.
    TableEntry {
        table: "lifts",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("source_kind", N),
            ("source_id", N),
            ("from_person_id", P),
            ("from_group_id", N),
            ("to_level", N),
            ("to_group_id", N),
            ("text", S),
            ("attributed", P),
            ("status", N),
            ("answer", P),
            ("answered_by_id", P),
            ("answered_at", P),
            ("created_at", P),
        ],
        owners: &[
            owner("from_person_id", Of::Person, Link::Names),
            owner_withholding("answered_by_id", Of::Person, Link::Names, &["from_person_id", "attributed"]),
        ],
    },
    // The leader APV. A leader's Skema 1 is theirs (exported, deleted with
    // them); the group's meeting, plans and report are shared work that
    // names people in a role (who started, who owns an action).
    TableEntry {
        table: "apv_campaigns",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("title", N),
            ("variant", N),
            ("deadline", N),
            ("started_by", P),
            ("created_at", N),
            ("closed_at", N),
            ("anonymity_k", N),
            ("free_text_k", N),
            ("kept_respondents", N),
        ],
        owners: &[owner("started_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "round_promises",
        retention: R::NotPersonal,
        columns: &[
            ("round_id", N),
            ("org_id", N),
            ("group_id", N),
            ("tool", N),
            ("openness", N),
            ("anonymity_k", N),
            ("free_text_k", N),
            ("created_at", N),
            ("revealed_at", N),
            ("answers_deleted_at", N),
        ],
        owners: &[],
    },
    TableEntry {
        table: "round_readers",
        retention: R::SharedWork,
        columns: &[("round_id", P), ("org_id", N), ("person_id", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "apv_rounds",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("group_id", N),
            ("campaign_id", N),
            ("variant", N),
            ("deadline", N),
            ("started_by", P),
            ("created_at", N),
            ("absence", N),
            ("absence_note", P),
            ("amo_on", N),
            ("amo_note", P),
            ("next_due", N),
            ("closed_at", N),
            ("tallied_at", N),
        ],
        owners: &[owner("started_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "apv_round_themes",
        retention: R::NotPersonal,
        columns: &[("round_id", N), ("org_id", N), ("revision_id", N), ("part", N), ("position", N), ("other", N)],
        owners: &[],
    },
    TableEntry {
        table: "apv_answers",
        retention: R::ApvCampaign,
        columns: &[
            ("round_id", N),
            ("person_id", P),
            ("revision_id", N),
            ("org_id", N),
            ("red", S),
            ("yellow", S),
            ("green", S),
            ("updated_at", P),
        ],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "apv_respondents",
        retention: R::ApvCampaign,
        columns: &[("round_id", N), ("person_id", P), ("org_id", N), ("submitted_at", P), ("unit_id", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    // What a purged campaign keeps: counts per block of respondents (the
    // round's group and a unit at closing), the blocks the overview's
    // differencing check already requires to hold k or be withheld.
    TableEntry {
        table: "apv_kept_blocks",
        retention: R::Tally,
        columns: &[("round_id", N), ("org_id", N), ("unit_id", N), ("respondents", N)],
        owners: &[],
    },
    TableEntry {
        table: "apv_kept_counts",
        retention: R::Tally,
        columns: &[("round_id", N), ("org_id", N), ("unit_id", N), ("item_id", N), ("red", N), ("yellow", N), ("green", N)],
        owners: &[],
    },
    TableEntry {
        table: "apv_sorting",
        retention: R::NotPersonal,
        columns: &[("round_id", N), ("revision_id", N), ("colour", N), ("org_id", N), ("level", N)],
        owners: &[],
    },
    TableEntry {
        table: "apv_plans",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("round_id", N),
            ("org_id", N),
            ("revision_id", N),
            ("issue", P),
            ("activities", P),
            ("resources", P),
            ("timing", P),
            ("participants", P),
            ("responsibilities", P),
            ("evaluation", P),
            ("follow_up", P),
            ("follow_up_on", N),
            ("severity", P),
            ("extent", P),
            ("causes", P),
            ("created_at", N),
            ("updated_at", N),
        ],
        owners: &[],
    },
    TableEntry {
        table: "apv_actions",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("plan_id", N),
            ("org_id", N),
            ("text", P),
            ("owner_person_id", P),
            ("due_on", N),
            ("done_at", N),
            ("created_at", N),
        ],
        owners: &[owner("owner_person_id", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "apv_action_reviews",
        retention: R::SharedWork,
        columns: &[
            ("action_id", N),
            ("org_id", N),
            ("round_id", N),
            ("done", N),
            ("worked", N),
            ("next_step", N),
            ("reviewed_by", P),
            ("reviewed_at", N),
        ],
        owners: &[owner("reviewed_by", Of::Person, Link::Names)],
    },
    // Tool 2, the leader group's collaboration. A member's checklist is
    // theirs; the meeting's matrix and the group agreement are shared work
    // that names people in a role (who placed, who owns a point).
    TableEntry {
        table: "collab_rounds",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("group_id", N),
            ("started_by", P),
            ("meeting_at", N),
            ("minutes", N),
            ("place", N),
            ("message", P),
            ("sequence", N),
            ("created_at", N),
            ("closed_at", N),
            ("shared_at", N),
        ],
        owners: &[owner("started_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "collab_round_items",
        retention: R::NotPersonal,
        columns: &[("round_id", N), ("org_id", N), ("revision_id", N), ("section", N), ("position", N)],
        owners: &[],
    },
    TableEntry {
        table: "collab_answers",
        retention: R::Parent { key: "round_id", parent: "collab_rounds", ended: "closed_at" },
        columns: &[
            ("round_id", N),
            ("person_id", P),
            ("revision_id", N),
            ("org_id", N),
            ("value", S),
            ("updated_at", P),
        ],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "collab_respondents",
        retention: R::Parent { key: "round_id", parent: "collab_rounds", ended: "closed_at" },
        columns: &[("round_id", N), ("person_id", P), ("org_id", N), ("comment", S), ("submitted_at", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    TableEntry {
        table: "collab_matrix",
        retention: R::SharedWork,
        columns: &[("round_id", N), ("org_id", N), ("theme", N), ("quadrant", N), ("placed_by", P), ("placed_at", N)],
        owners: &[owner("placed_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "collab_agenda",
        retention: R::NotPersonal,
        columns: &[("round_id", N), ("org_id", N), ("item", N), ("started_at", N), ("left_seconds", N), ("updated_at", N)],
        owners: &[],
    },
    TableEntry {
        table: "collab_points",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("round_id", N),
            ("org_id", N),
            ("position", N),
            ("text", P),
            ("actions", P),
            ("measure", P),
            ("owner_person_id", P),
            ("follow_up_on", N),
            ("updated_by", P),
            ("updated_at", N),
        ],
        owners: &[owner("owner_person_id", Of::Person, Link::Names), owner("updated_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "collab_point_reviews",
        retention: R::SharedWork,
        columns: &[
            ("point_id", N),
            ("org_id", N),
            ("round_id", N),
            ("done", N),
            ("worked", N),
            ("next_step", N),
            ("reviewed_by", P),
            ("reviewed_at", N),
        ],
        owners: &[owner("reviewed_by", Of::Person, Link::Names)],
    },
    // Tool 3: the organisation's plan is shared work about no one's
    // wellbeing; it names people in a role (who started it, who edited).
    TableEntry {
        table: "org_plans",
        retention: R::SharedWork,
        columns: &[
            ("id", N),
            ("org_id", N),
            ("title", N),
            ("created_by", P),
            ("created_at", N),
            ("signed_off_on", N),
            ("signed_off_by", P),
            ("signoff_note", N),
            ("recorded_by", P),
            ("closed_at", N),
        ],
        owners: &[owner("created_by", Of::Person, Link::Names), owner("recorded_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "org_plan_themes",
        retention: R::SharedWork,
        columns: &[
            ("plan_id", N),
            ("org_id", N),
            ("theme", N),
            ("position", N),
            ("known", N),
            ("sources", N),
            ("need_more", N),
            ("unfold", N),
            ("quadrant", N),
            ("goal", N),
            ("actions", N),
            ("owner", P),
            ("starts_on", N),
            ("deadline", N),
            ("measure", N),
            ("follow_up", N),
            ("follow_up_on", N),
            ("status", N),
            ("top", N),
            ("updated_by", P),
            ("updated_at", N),
        ],
        owners: &[owner("updated_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "org_plan_status_log",
        retention: R::SharedWork,
        columns: &[("id", N), ("plan_id", N), ("org_id", N), ("theme", N), ("status", N), ("follow_up_on", N), ("noted_by", P), ("noted_at", N)],
        owners: &[owner("noted_by", Of::Person, Link::Names)],
    },
    // A leader's own notes to the dialog cards: theirs alone.
    TableEntry {
        table: "card_notes",
        retention: R::WhileMember,
        columns: &[("person_id", P), ("org_id", N), ("deck", N), ("card", N), ("text", S), ("updated_at", P)],
        owners: &[owner("person_id", Of::Person, Link::Subject)],
    },
    // Live sessions are shared work: the starter and each signed-in
    // participant are named in them. The join code and a guest's secret
    // are credentials; the log holds what was said and chosen.
    TableEntry {
        table: "live_sessions",
        retention: R::SharedWork,
        columns: &[("id", N), ("org_id", N), ("deck", N), ("procedure", N), ("join_code", X), ("group_id", N), ("created_by", P), ("created_at", N), ("ended_at", N), ("landed_at", N), ("landed_to", N), ("cards", N)],
        owners: &[owner("created_by", Of::Person, Link::Names)],
    },
    TableEntry {
        table: "live_participants",
        retention: R::Parent { key: "session_id", parent: "live_sessions", ended: "ended_at" },
        columns: &[("session_id", N), ("no", N), ("person_id", P), ("name", P), ("guest_secret_hash", X), ("joined_at", P)],
        owners: &[owner("person_id", Of::Person, Link::Names)],
    },
    // What a person should hear about (`notify`): theirs, exported and
    // deleted with them. Who acted is someone else's name pointing into it:
    // not exported to the actor (it would tell them who was told), cleared
    // on their erasure. Kept no longer than the organisation's period.
    TableEntry {
        table: "notifications",
        retention: R::Own("created_at"),
        columns: &[
            ("id", N),
            ("org_id", N),
            ("person_id", P),
            ("kind", P),
            ("actor_id", P),
            ("group_id", N),
            ("link", N),
            ("created_at", P),
            ("read_at", P),
            ("mailed_at", P),
        ],
        // The reader's export leaves out who acted: the name is on the linked
        // page while the reader may see it, and an id in a file is not.
        owners: &[
            owner_withholding("person_id", Of::Person, Link::Subject, &["actor_id"]),
            owner("actor_id", Of::Person, Link::PointsAt),
        ],
    },
    TableEntry {
        table: "live_events",
        retention: R::Parent { key: "session_id", parent: "live_sessions", ended: "ended_at" },
        columns: &[("session_id", N), ("seq", N), ("participant", N), ("client_id", N), ("body", S), ("at", N)],
        owners: &[],
    },
];
