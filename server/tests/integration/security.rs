//! Ways around the privacy promises at the edges (issue 15): open redirects,
//! sign-in limits, the password-reset mail, metrics and caching headers.

pub(crate) mod forgot;
mod headers;
mod redirects;
mod sign_in_limits;
