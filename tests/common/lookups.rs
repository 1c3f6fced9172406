//! Lookup helpers shared by `tests/reference*.rs` (each test binary includes this file with `#[path]`): the council
//! or NHS body a query finds, failing the test if it finds none. Not every test binary uses every helper, hence
//! `dead_code` is allowed here.
#![allow(dead_code)]

use chrono::NaiveDate;
use s117::reference::{find_council, find_nhs_body, Council, CouncilVia};

pub fn council(query: &str) -> &'static Council {
    find_council(query)
        .unwrap_or_else(|| panic!("{query:?} not found"))
        .council
}

pub fn council_name(query: &str) -> &'static str {
    council(query).name
}

pub fn via(query: &str) -> CouncilVia {
    find_council(query)
        .unwrap_or_else(|| panic!("{query:?} not found"))
        .via
}

pub fn nhs_code(query: &str) -> &'static str {
    find_nhs_body(query)
        .unwrap_or_else(|| panic!("{query:?} not found"))
        .body
        .code
}

pub fn april_2026() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 4, 1)
}
