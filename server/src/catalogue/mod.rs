//! The organisation's catalogue of tool content: the shipped items, loaded
//! when the organisation is created, plus HR's own additions and edits.
//! Every edit adds a revision; answers point at a revision, so editing never
//! changes the wording of an earlier answer.

pub mod pages;
pub mod store;
