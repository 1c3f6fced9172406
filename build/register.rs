//! mySociety's register (`data/mysociety/`): abolished councils and their
//! successors, the other names of councils, and the councils elsewhere in
//! the UK, sorted into our terms; then every council-side name checked
//! (`register`).

use std::collections::{BTreeMap, BTreeSet};

use crate::council_names::{core_names, drop_ambiguous, other_uk_names, settle_keys, Hit};
use crate::curated::Curated;
use crate::data::{CouncilRow, Data};
use crate::table::{parse_date, Table};

/// An abolished English or Welsh council from mySociety's register.
pub(crate) struct Former {
    pub(crate) reg: String,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) short: String,
    /// Was a non-metropolitan district.
    pub(crate) district: bool,
    /// The county council the district was in (register code).
    pub(crate) county: String,
    /// The first day without it: the start date of its successors.
    pub(crate) abolished: (i32, u32, u32),
    /// Indexes into the councils now holding social services for its area.
    pub(crate) successors: Vec<usize>,
    /// For an area divided between successors: the former districts each took.
    pub(crate) parts: Vec<String>,
}

/// What `register` gives the emitter.
pub(crate) struct Register {
    /// Other names of current councils that add a key: (name, council index).
    pub(crate) council_aliases: Vec<(String, usize)>,
    /// Other names of current districts: (name, district index).
    pub(crate) district_aliases: Vec<(String, usize)>,
    pub(crate) formers: Vec<Former>,
    /// Other names of abolished councils: (name, index into `formers`).
    pub(crate) former_names: Vec<(String, usize)>,
    /// Councils in Scotland (true) and Northern Ireland (false), official names.
    pub(crate) others: Vec<(String, bool)>,
    /// Other names of those: (name, index into `others`).
    pub(crate) other_names: Vec<(String, usize)>,
}

/// A row of mySociety's register (`uk_local_authorities_current.csv`).
struct RegRow {
    reg: String,
    name: String,
    short: String,
    gss: String,
    start: String,
    end: String,
    replaced_by: Vec<String>,
    nation: String,
    kind: String,
    county: String,
}

/// The register's rows by register code, and the other names of each
/// (`lookup_name_to_registry.csv`).
fn read_register() -> (BTreeMap<String, RegRow>, BTreeMap<String, Vec<String>>) {
    let table = Table::load("data/mysociety/uk_local_authorities_current.csv");
    let lookup = Table::load("data/mysociety/lookup_name_to_registry.csv");
    let rows: BTreeMap<String, RegRow> = table
        .records([
            "local-authority-code",
            "official-name",
            "nice-name",
            "gss-code",
            "start-date",
            "end-date",
            "replaced-by",
            "nation",
            "local-authority-type",
            "county-la",
        ])
        .into_iter()
        .map(
            |[reg, name, short, gss, start, end, replaced, nation, kind, county]| {
                let replaced_by = replaced
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                let row = RegRow {
                    reg: reg.clone(),
                    name,
                    short,
                    gss,
                    start,
                    end,
                    replaced_by,
                    nation,
                    kind,
                    county,
                };
                (reg, row)
            },
        )
        .collect();
    let mut names_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for [name, reg] in lookup.records(["la-name", "local-authority-code"]) {
        assert!(
            rows.contains_key(&reg),
            "lookup_name_to_registry.csv: unknown code {reg}"
        );
        names_of.entry(reg).or_default().push(name);
    }
    (rows, names_of)
}

/// Where the register's current bodies are in our files.
struct Current<'a> {
    council_idx: &'a BTreeMap<String, usize>,
    district_by_code: BTreeMap<&'a str, usize>,
    districts: &'a [(String, String, String)],
    old_codes: &'a [(String, String)],
}

impl Current<'_> {
    /// Where a current body's name points: a council, or a district.
    fn hit(&self, r: &RegRow) -> Option<Hit> {
        let code = self
            .old_codes
            .iter()
            .find(|(old, _)| *old == r.gss)
            .map_or(r.gss.as_str(), |(_, new)| new.as_str());
        if let Some(&i) = self.council_idx.get(code) {
            return Some(Hit::Council(i));
        }
        self.district_by_code
            .get(r.gss.as_str())
            .map(|&i| Hit::District(i))
    }

    /// The councils now holding social services for a body's area.
    fn successors_of(
        &self,
        reg: &str,
        rows: &BTreeMap<String, RegRow>,
        depth: usize,
    ) -> Vec<usize> {
        assert!(depth < 5, "register: replaced-by loops at {reg}");
        let r = rows
            .get(reg)
            .unwrap_or_else(|| panic!("register: unknown successor {reg}"));
        if r.end.is_empty() {
            return match self.hit(r) {
                Some(Hit::Council(i)) => vec![i],
                Some(Hit::District(d)) => vec![self.council_idx[self.districts[d].2.as_str()]],
                _ => panic!(
                    "register: successor {reg} ({}) is not a current council or district",
                    r.gss
                ),
            };
        }
        assert!(
            !r.replaced_by.is_empty(),
            "register: {reg} ended with no successor"
        );
        let mut out: Vec<usize> = r
            .replaced_by
            .iter()
            .flat_map(|s| self.successors_of(s, rows, depth + 1))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The register sorted into our terms, before any name is checked.
#[derive(Default)]
struct Sorted {
    formers: Vec<Former>,
    /// Councils in Scotland (true) and Northern Ireland (false), official names.
    others: Vec<(String, bool)>,
    /// English and Welsh names from the register: (name, target).
    soft: Vec<(String, Hit)>,
    /// Other names of councils elsewhere in the UK: (name, index into `others`).
    other_soft: Vec<(String, usize)>,
}

/// Sorts the register's rows into current councils and districts (their
/// names), abolished councils, and councils elsewhere in the UK.
fn sort_register(
    rows: &BTreeMap<String, RegRow>,
    names_of: &BTreeMap<String, Vec<String>>,
    current: &Current,
) -> Sorted {
    let mut out = Sorted::default();
    for r in rows.values() {
        let names = names_of.get(&r.reg).cloned().unwrap_or_default();
        let all = std::iter::once(r.name.clone())
            .chain(std::iter::once(r.short.clone()))
            .chain(names)
            .filter(|n| !n.trim().is_empty());
        match r.nation.as_str() {
            "Scotland" | "Northern Ireland" => {
                let i = out.others.len();
                out.others.push((r.name.clone(), r.nation == "Scotland"));
                out.other_soft.extend(all.skip(1).map(|n| (n, i)));
                continue;
            }
            "England" | "Wales" => {}
            _ => panic!("register: unknown nation {:?}", r.nation),
        }
        // Combined and strategic authorities have no social services duties.
        if matches!(r.kind.as_str(), "COMB" | "SRA") {
            continue;
        }
        if r.end.is_empty() {
            let hit = current.hit(r).unwrap_or_else(|| {
                panic!(
                    "register: {} ({}) is neither in authorities.csv nor in lower-tier.csv",
                    r.reg, r.gss
                )
            });
            out.soft.extend(all.map(|n| (n, hit)));
        } else {
            let i = out.formers.len();
            out.formers.push(former(r, rows, current));
            out.soft.extend(all.skip(1).map(|n| (n, Hit::Former(i))));
        }
    }
    out
}

/// An abolished council: its successors, and the day it went (the day its
/// successors started).
fn former(r: &RegRow, rows: &BTreeMap<String, RegRow>, current: &Current) -> Former {
    let successors = current.successors_of(&r.reg, rows, 0);
    let first_hop: BTreeSet<&str> = r
        .replaced_by
        .iter()
        .map(|s| rows[s].start.as_str())
        .collect();
    assert!(
        first_hop.len() == 1,
        "register: successors of {} start on different dates",
        r.reg
    );
    let start = first_hop.into_iter().next().unwrap_or_default();
    let abolished = parse_date(if start.is_empty() { &r.end } else { start }, &r.reg);
    Former {
        reg: r.reg.clone(),
        code: r.gss.clone(),
        name: r.name.clone(),
        short: r.short.clone(),
        district: r.kind == "NMD",
        county: r.county.clone(),
        abolished,
        successors,
        parts: Vec::new(),
    }
}

/// The parts of an area divided between successors: its former districts.
fn divide_parts(formers: &mut [Former], council_list: &[CouncilRow]) {
    for i in 0..formers.len() {
        if formers[i].successors.len() < 2 {
            continue;
        }
        let parts: Vec<String> = formers[i]
            .successors
            .iter()
            .map(|s| {
                let names: Vec<&str> = formers
                    .iter()
                    .filter(|d| d.district && d.county == formers[i].reg && d.successors == [*s])
                    .map(|d| d.short.as_str())
                    .collect();
                assert!(
                    !names.is_empty(),
                    "register: no district of {} went to {}",
                    formers[i].reg,
                    council_list[*s].name
                );
                match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => names.join(""),
                }
            })
            .collect();
        formers[i].parts = parts;
    }
}

/// Reads mySociety's register (data/mysociety/) and checks every council-side
/// name: the names and aliases of the councils in authorities.csv, the
/// districts, abolished councils and councils elsewhere in the UK. A name
/// from the register that would be ambiguous, or would not find what it
/// names, is left out; a name from the other files or the curated tables
/// that would not is an error.
pub(crate) fn register(
    data: &Data,
    council_aliases: &[(&str, usize)],
    curated: &Curated,
) -> Register {
    let (rows, names_of) = read_register();
    let current = Current {
        council_idx: &data.council_idx,
        district_by_code: data
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.1.as_str(), i))
            .collect(),
        districts: &data.districts,
        old_codes: &curated.old_council_codes,
    };
    let mut sorted = sort_register(&rows, &names_of, &current);
    for (alias, reg) in &curated.former_aliases {
        let i = sorted
            .formers
            .iter()
            .position(|f| f.reg == *reg)
            .unwrap_or_else(|| {
                panic!("former-council-aliases.csv: {reg} is not an abolished council")
            });
        sorted.soft.push((alias.to_string(), Hit::Former(i)));
    }
    divide_parts(&mut sorted.formers, &data.councils);
    let mut codes: BTreeSet<&str> = data.council_idx.keys().map(String::as_str).collect();
    codes.extend(current.district_by_code.keys());
    for f in &sorted.formers {
        assert!(
            codes.insert(&f.code),
            "register: {} has a current code",
            f.code
        );
    }
    let core = core_names(
        &data.councils,
        council_aliases,
        &data.districts,
        &sorted.formers,
    );
    drop_ambiguous(&mut sorted.soft);
    let (keys, kept) = settle_keys(&core, sorted.soft);
    let mut out = Register {
        council_aliases: Vec::new(),
        district_aliases: Vec::new(),
        formers: sorted.formers,
        former_names: Vec::new(),
        other_names: other_uk_names(&keys, &sorted.others, sorted.other_soft),
        others: sorted.others,
    };
    for (name, hit) in kept {
        match hit {
            Hit::Council(i) => out.council_aliases.push((name, i)),
            Hit::District(i) => out.district_aliases.push((name, i)),
            Hit::Former(i) => out.former_names.push((name, i)),
        }
    }
    // Every abolished council's own name finds it; every one is covered now.
    for f in &out.formers {
        assert!(!f.successors.is_empty(), "{} has no successor", f.name);
    }
    out
}
