//! The organisation's structure: organisations, accounts, people, units,
//! reporting lines, leader groups, roles. Every function takes the `OrgId`
//! first (except account look-ups, which are global by nature).

pub mod address;
pub mod audit;
pub mod first_steps;
pub mod people;
pub mod groups;
pub mod import;
pub mod provision;
pub mod settings;
pub mod store;
pub mod units;
