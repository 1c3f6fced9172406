//! The project's own tables (`data/*.csv`, see `data/SOURCES.md`, section I):
//! aliases, old codes and predecessor details. Everything in them is checked
//! against the other files.

use std::collections::BTreeMap;

use crate::table::Table;

/// The project's own curated tables, as read from `data/`.
pub(crate) struct Curated {
    /// Predecessor ICBs that passed only part of their area to each of
    /// several 2026 ICBs: (predecessor, successors ordered by the size of the
    /// part they took, largest first). `data/icb-partial-predecessors.csv`.
    pub(crate) partial_predecessors: Vec<(String, Vec<String>)>,
    /// ODS codes of the predecessor ICBs (the predecessors CSV carries ONS
    /// codes only): predecessor → ODS code. `data/icb-predecessor-ods.csv`.
    pub(crate) predecessor_ods: BTreeMap<String, String>,
    /// Other spellings of an abolished council that mySociety's register does
    /// not list: (alias, register code). `data/former-council-aliases.csv`.
    pub(crate) former_aliases: Vec<(String, String)>,
    /// Superseded council codes still seen in older documents: (old, current).
    /// `data/old-council-codes.csv`.
    pub(crate) old_council_codes: Vec<(String, String)>,
    /// Everyday and Welsh-language names of councils: (alias, council code).
    /// `data/council-aliases.csv`.
    pub(crate) council_aliases: Vec<(String, String)>,
    /// Common abbreviations of NHS bodies: (alias, ONS code of a 2026 body or
    /// a predecessor ICB). `data/nhs-aliases.csv`.
    pub(crate) nhs_aliases: Vec<(String, String)>,
}

/// Reads the curated tables; `Table::load` registers each file with cargo.
pub(crate) fn load_curated() -> Curated {
    let pairs = |path: &str, cols: [&str; 2]| -> Vec<(String, String)> {
        let table = Table::load(path);
        let out: Vec<(String, String)> = table
            .records(cols)
            .into_iter()
            .map(|[a, b]| (a, b))
            .collect();
        for (a, b) in &out {
            assert!(!a.is_empty() && !b.is_empty(), "{path}: empty field");
        }
        out
    };
    let ods = pairs(
        "data/icb-predecessor-ods.csv",
        ["predecessor_code", "ods_code"],
    );
    let mut predecessor_ods = BTreeMap::new();
    for (code, ods) in ods {
        let old = predecessor_ods.insert(code.clone(), ods);
        assert!(old.is_none(), "data/icb-predecessor-ods.csv: {code} twice");
    }
    let mut council_aliases = Vec::new();
    for [alias, code, language] in
        Table::load("data/council-aliases.csv").records(["alias", "la_code", "language"])
    {
        assert!(
            !alias.is_empty() && matches!(language.as_str(), "en" | "cy"),
            "data/council-aliases.csv {alias}/{code}: empty alias, or language {language:?} not en or cy"
        );
        council_aliases.push((alias, code));
    }
    Curated {
        partial_predecessors: load_partial_predecessors(),
        predecessor_ods,
        former_aliases: pairs(
            "data/former-council-aliases.csv",
            ["alias", "register_code"],
        ),
        old_council_codes: pairs("data/old-council-codes.csv", ["old_code", "current_code"]),
        council_aliases,
        nhs_aliases: pairs("data/nhs-aliases.csv", ["alias", "nhs_code"]),
    }
}

/// Reads `data/icb-partial-predecessors.csv`: one row per part, the parts of
/// one predecessor together and largest first.
fn load_partial_predecessors() -> Vec<(String, Vec<String>)> {
    let path = "data/icb-partial-predecessors.csv";
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for [pred, succ, part] in
        Table::load(path).records(["predecessor_code", "successor_code", "part"])
    {
        assert!(!part.is_empty(), "{path} {pred}/{succ}: empty part");
        match out.last_mut() {
            Some((p, succs)) if *p == pred => {
                assert!(!succs.contains(&succ), "{path} {pred}: {succ} twice");
                succs.push(succ);
            }
            _ => {
                assert!(
                    out.iter().all(|(p, _)| *p != pred),
                    "{path}: the rows of {pred} are not together"
                );
                out.push((pred, vec![succ]));
            }
        }
    }
    out
}
