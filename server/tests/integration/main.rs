//! One integration test binary (fast linking): the real server on a random
//! port, a fresh database per test, SQLite and PostgreSQL.

mod support;

mod account;
mod agreement;
mod apv;
mod cards;
mod auth;
mod backup;
mod browser_foundation;
mod cluster;
mod collab;
mod demo;
mod first_run;
mod dialog_meetings;
mod dialog_team;
mod groups;
mod input;
mod intro;
mod kept;
mod operations;
mod people;
mod plan;
mod promises;
mod retention;
mod reveal;
mod security;
mod storage_faults;
mod tenancy;
mod untested_rules;
mod live;
mod notify;
mod mail_delivery;
mod thread;
mod typed;
