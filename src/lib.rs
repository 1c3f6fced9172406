//! # The Section 117 aftercare checker
//!
//! Decides, from a person's history under the Mental Health Act 1983, whether they are owed after-care under
//! section 117, which council and which NHS body must provide it, and why, with a citation for every step.
//! It is a screening tool, not legal advice.
//!
//! The crate is pure: no clock, no I/O, no randomness. The date of the check is an input ([`Case::as_at`]).
//! Evaluation never fails and never panics: facts that are missing or uncertain give an `undetermined` outcome or
//! a flag with its reason. Only malformed input is an error, found by [`validate`] or by deserialisation.
//!
//! ```
//! use s117::{evaluate, case::*, date::Date, decision::Entitlement};
//!
//! let case = Case {
//!     as_at: "2026-11-23".parse().unwrap(),
//!     detentions: vec![Detention {
//!         gp_place: None,
//!         section: Section::S3,
//!         detained_in: Jurisdiction::England,
//!         admitted: "2025-03-01".parse().ok(),
//!         section_ended: "2025-06-01".parse().ok(),
//!         left_hospital: "2025-06-01".parse().ok(),
//!         leaving: Some(Leaving::Discharged),
//!         recall: None,
//!         cto_ended: None,
//!         sent_on_discharge_to: None,
//!         lived_before: LivedBefore {
//!             in_prison: None,
//!             country: Country::England,
//!             council: Some("Bromsgrove".into()),
//!             placed_by: None,
//!             lacked_capacity: None,
//!             required_by_discharge_condition: None,
//!             informal_in_hospital_after_losing_home: None,
//!         },
//!         gp_icb: None,
//!         nhs_england_secure_service: None,
//!         hospital: None,
//!     }],
//!     lives_now: None,
//!     gp_icb_on_1_july_2022: None,
//!     gp_place_on_1_july_2022: None,
//!     specialised_aftercare: None,
//!     aftercare_ended: None,
//!     charges: vec![],
//!     first_knew: None,
//!     died: None,
//!     not_sure: Vec::new(),
//!     about: None,
//! };
//! let decision = evaluate(&case);
//! assert_eq!(decision.entitlement, Entitlement::Entitled);
//! assert_eq!(decision.council.unwrap().name, "Worcestershire County Council");
//! ```
//!
//! The modules follow the Act: [`rules`] runs each rule in order; [`case`] and [`decision`] are the contract;
//! [`sources`] is the one registry of citations; [`reference`](mod@reference) holds the councils and NHS bodies.

pub mod case;
pub mod date;
pub mod decision;
pub mod error;
pub mod interview;
pub mod letter;
mod memo;
pub mod messages;
pub mod reference;
pub mod rules;
pub mod screen;
pub mod sources;

pub mod api;
#[cfg(feature = "wasm")]
mod wasm;

pub use case::Case;
pub use decision::Decision;
pub use error::{validate, InputError};

/// Decides a case. Never fails and never panics; see [`rules::evaluate`].
pub fn evaluate(case: &Case) -> Decision {
    rules::evaluate(case)
}
