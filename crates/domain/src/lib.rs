//! Pure rules of Ledertrivsel: typed ids, roles, validated input, anonymity
//! thresholds and the parsing of imports. No database, no HTTP, no HTML.
//!
//! Errors are translation keys (`ValidationError::key`), so the web layer can
//! show them in the user's language.

pub mod address;
pub mod agreement;
pub mod anonymity;
pub mod apv;
pub mod cards;
pub mod collab;
pub mod disclosure;
pub mod hierarchy;
pub mod groups;
pub mod ids;
pub mod input;
pub mod intro;
pub mod live;
pub mod metrics_access;
pub mod people_import;
pub mod promise;
pub mod redirect;
pub mod retention;
pub mod roles;
pub mod sign_in_limit;
pub mod thread;

pub use input::ValidationError;
