//! Personal data: the register that classifies every column, and what it
//! drives: a person's export of everything held about them, and the erasure
//! of their account, and the purge of what the organisation's retention
//! period says has expired (`retention`). Nothing here decides who may ask; the handlers in
//! `web::account` only ever pass the signed-in account. `page` tells every
//! signed-in person the privacy rules in their organisation's numbers.

pub use page::routes;

pub mod erasure;
pub mod export;
pub mod page;
pub mod register;
pub mod retention;
