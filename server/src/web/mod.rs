//! Pages that are not a tool or admin: sign-in, setup, start page, account,
//! and the plumbing every page shares (`Page`, assets, health, error pages).

pub mod account;
pub mod ask;
pub mod address;
pub mod assets;
pub mod download;
pub mod due;
pub mod error_pages;
pub mod forms;
pub mod health;
pub mod invitation;
pub mod notice;
pub mod page;
pub mod query;
pub mod setup;
pub mod signin;
pub mod start;
pub mod svg;

pub use page::Page;
