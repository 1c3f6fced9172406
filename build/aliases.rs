//! The curated aliases and old codes, resolved to indexes into the tables.

use crate::curated::Curated;
use crate::data::Data;

/// What an NHS name points at: an index into the bodies or the predecessors.
#[derive(Debug, PartialEq, Clone, Copy)]
pub(crate) enum T {
    Body(usize),
    Former(usize),
}

/// The curated aliases resolved to indexes.
pub(crate) struct Aliases<'a> {
    pub(crate) council: Vec<(&'a str, usize)>,
    pub(crate) old_codes: Vec<(&'a str, usize)>,
    pub(crate) nhs: Vec<(&'a str, T)>,
}

/// Resolves every curated alias and old code; an unknown code is an error.
pub(crate) fn resolve_aliases<'a>(data: &Data, curated: &'a Curated) -> Aliases<'a> {
    let council = curated
        .council_aliases
        .iter()
        .map(|(alias, code)| {
            let i = *data
                .council_idx
                .get(code)
                .unwrap_or_else(|| panic!("data/council-aliases.csv: {code}"));
            (alias.as_str(), i)
        })
        .collect();
    let old_codes = curated
        .old_council_codes
        .iter()
        .map(|(old, new)| {
            assert!(
                !data.council_idx.contains_key(old),
                "data/old-council-codes.csv: {old} is current"
            );
            let i = *data
                .council_idx
                .get(new)
                .unwrap_or_else(|| panic!("data/old-council-codes.csv: {new}"));
            (old.as_str(), i)
        })
        .collect();
    let nhs = curated
        .nhs_aliases
        .iter()
        .map(|(alias, code)| {
            let t = if let Some(i) = data.body_idx.get(code) {
                T::Body(*i)
            } else if let Some(i) = data.pred_idx.get(code) {
                T::Former(*i)
            } else {
                panic!("data/nhs-aliases.csv: unknown code {code}")
            };
            (alias.as_str(), t)
        })
        .collect();
    Aliases {
        council,
        old_codes,
        nhs,
    }
}
