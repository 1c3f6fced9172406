//! Build script: turns `data/authorities.csv`, `data/icb-predecessors.csv`,
//! `data/lower-tier.csv`, the project's own curated tables (the aliases,
//! old codes and predecessor details in `data/*.csv`, see
//! `data/SOURCES.md`, section I) and mySociety's register in
//! `data/mysociety/` into `$OUT_DIR/reference_data.rs`, which
//! `src/reference.rs` includes.
//!
//! It reads the CSV files with the `csv` crate (a build dependency only).
//!
//! From the register it takes the names people write for councils (the
//! lookup file), the councils abolished since 2019 with the day they went
//! and the councils now covering their areas (followed through `replaced-by`
//! to a council with social services), and the councils of Scotland and
//! Northern Ireland. A register name that would be ambiguous or would not
//! find what it names is left out; only names that add a lookup key are
//! compiled in.
//!
//! The generated file holds only what the crate needs at run time (codes,
//! names, council types, the council → NHS body mapping, district,
//! predecessor and alias tables). The long `split_note` texts are
//! deliberately left out, and no lookup keys are stored (the runtime
//! normalises names as it compares them), to keep the WebAssembly bundle
//! small.
//!
//! The build fails with a message if the data breaks an assumption the code
//! relies on: counts, unknown codes, names that two places would answer to, a
//! name that would not find what it names, a predecessor ICB split in a way
//! `data/icb-partial-predecessors.csv` does not describe.
//!
//! `main` reads (`load_curated`, `load_data`), checks the names
//! (`register`, `check_nhs_names`) and writes (`emit_*`).

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// ---------------------------------------------------------------------------
// The project's own tables (data/*.csv, see data/SOURCES.md, section I).
// Everything in them is checked against the other files.
// ---------------------------------------------------------------------------

/// The project's own curated tables, as read from `data/`.
struct Curated {
    /// Predecessor ICBs that passed only part of their area to each of
    /// several 2026 ICBs: (predecessor, successors ordered by the size of the
    /// part they took, largest first). `data/icb-partial-predecessors.csv`.
    partial_predecessors: Vec<(String, Vec<String>)>,
    /// ODS codes of the predecessor ICBs (the predecessors CSV carries ONS
    /// codes only): predecessor → ODS code. `data/icb-predecessor-ods.csv`.
    predecessor_ods: BTreeMap<String, String>,
    /// Other spellings of an abolished council that mySociety's register does
    /// not list: (alias, register code). `data/former-council-aliases.csv`.
    former_aliases: Vec<(String, String)>,
    /// Superseded council codes still seen in older documents: (old, current).
    /// `data/old-council-codes.csv`.
    old_council_codes: Vec<(String, String)>,
    /// Everyday and Welsh-language names of councils: (alias, council code).
    /// `data/council-aliases.csv`.
    council_aliases: Vec<(String, String)>,
    /// Common abbreviations of NHS bodies: (alias, ONS code of a 2026 body or
    /// a predecessor ICB). `data/nhs-aliases.csv`.
    nhs_aliases: Vec<(String, String)>,
}

/// Reads the curated tables; `Table::load` registers each file with cargo.
fn load_curated() -> Curated {
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
const EXPECTED_COUNCILS: usize = 175;
const EXPECTED_ICBS: usize = 36;
const EXPECTED_LHBS: usize = 7;
const EXPECTED_DISTRICTS: usize = 164;

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

// BEGIN SHARED NORMALISATION
// This block is identical in build.rs and src/reference.rs; build.rs checks
// that it is, so the build-time checks of the lookup keys hold at run time.

/// What one input character becomes in a normalised name.
enum Fold {
    /// A letter or digit, lower-cased and unaccented.
    Char(char),
    /// A letter written as two (æ → ae).
    Str(&'static str),
    /// Dropped without splitting the word (apostrophes: "King's" → "kings").
    Skip,
    /// A word separator (spaces, punctuation, "&").
    Sep,
}

/// Folds one character. Only Latin letters used in English and Welsh names
/// are unaccented; any other non-ASCII letter is kept as it is (and so
/// matches nothing). No Unicode tables are used, to keep the WebAssembly small.
fn fold(c: char) -> Fold {
    if c.is_ascii_alphanumeric() {
        return Fold::Char(c.to_ascii_lowercase());
    }
    match c {
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{2bc}' => Fold::Skip,
        _ if c.is_ascii() => Fold::Sep,
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' => Fold::Char('a'),
        'Ç' | 'ç' => Fold::Char('c'),
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' => Fold::Char('e'),
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' => Fold::Char('i'),
        'Ñ' | 'ñ' => Fold::Char('n'),
        'Ò'..='Ö' | 'ò'..='ö' | 'Ø' | 'ø' | 'Ō' | 'ō' => Fold::Char('o'),
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' => Fold::Char('u'),
        'Ŵ' | 'ŵ' | 'Ẁ' | 'ẁ' | 'Ẃ' | 'ẃ' | 'Ẅ' | 'ẅ' => Fold::Char('w'),
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' | 'Ŷ' | 'ŷ' | 'Ỳ' | 'ỳ' => Fold::Char('y'),
        'Æ' | 'æ' => Fold::Str("ae"),
        'Œ' | 'œ' => Fold::Str("oe"),
        'ß' => Fold::Str("ss"),
        // Latin-1 punctuation and symbols, the General Punctuation block
        // (spaces, dashes, quotes, bullets), minus sign, ideographic space, BOM.
        '\u{80}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2000}'..='\u{206f}'
        | '\u{2212}'
        | '\u{3000}'
        | '\u{feff}' => Fold::Sep,
        _ => Fold::Char(c),
    }
}

/// Ends the word that starts at byte `start` of `out`: drops it if it is
/// "the" or "and", turns "saint" into "st", and adds a space after it.
fn end_word(out: &mut String, start: &mut usize) {
    let word = out.get(*start..).unwrap_or("");
    if word.is_empty() {
        return;
    }
    if word == "the" || word == "and" {
        out.truncate(*start);
        return;
    }
    if word == "saint" {
        out.truncate(*start);
        out.push_str("st");
    }
    out.push(' ');
    *start = out.len();
}

/// Normalises a name into `out`: lower-case; common accents folded;
/// apostrophes dropped; every other non-alphanumeric character separates
/// words; the words "the" and "and" dropped (so "&", "and" and nothing are
/// the same); "saint" → "st"; single spaces, none leading or trailing.
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    let mut start = 0;
    for c in s.chars() {
        match fold(c) {
            Fold::Char(a) => out.push(a),
            Fold::Str(x) => out.push_str(x),
            Fold::Skip => {}
            Fold::Sep => end_word(out, &mut start),
        }
    }
    end_word(out, &mut start);
    if out.ends_with(' ') {
        out.pop();
    }
}

/// Council name prefixes, normalised, longest first.
const COUNCIL_PREFIXES: &[&str] = &[
    "metropolitan borough of ",
    "london borough of ",
    "royal borough of ",
    "city county of ",
    "borough of ",
    "council of ",
    "county of ",
    "city of ",
    "cyngor ",
];

/// Council name suffixes, normalised, each before any suffix of itself.
const COUNCIL_SUFFIXES: &[&str] = &[
    // The ONS's own spellings: "Bristol, City of", "Herefordshire, County of".
    " city of",
    " county of",
    " metropolitan borough council",
    " metropolitan district council",
    " county borough council",
    " metropolitan borough",
    " metropolitan district",
    " unitary authority",
    " district council",
    " borough council",
    " county council",
    " city corporation",
    " city council",
    " corporation",
    " council",
    " borough",
    " county",
    " city",
    " mbc",
    " cbc",
    " bc",
    " cc",
    " dc",
    " ua",
];

/// Stripped council names that are not keys: "City of London Corporation"
/// stripped of both affixes would be "london".
const COUNCIL_KEY_BLOCKLIST: &[&str] = &["london"];

/// NHS body name prefixes, normalised.
const NHS_PREFIXES: &[&str] = &["nhs "];

/// NHS body name suffixes, normalised, each before any suffix of itself.
const NHS_SUFFIXES: &[&str] = &[
    " integrated care board",
    " university health board",
    " teaching health board",
    " local health board",
    " health board",
    " icb",
    " lhb",
    " uhb",
    " thb",
];

/// `s` without the first matching prefix, unless nothing would be left.
fn strip_prefix<'a>(s: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .filter(|r| !r.is_empty())
}

/// `s` without the first matching suffix, unless nothing would be left.
fn strip_suffix<'a>(s: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes
        .iter()
        .find_map(|p| s.strip_suffix(p))
        .filter(|r| !r.is_empty())
}

/// A normalised query as typed, then with a suffix stripped, with a prefix
/// stripped, and with both. A query matches a name if one of these equals
/// the name's key; the earliest form that matches anything wins.
fn forms<'a>(full: &'a str, prefixes: &[&str], suffixes: &[&str]) -> [Option<&'a str>; 4] {
    let prefixed = strip_prefix(full, prefixes);
    [
        Some(full),
        strip_suffix(full, suffixes),
        prefixed,
        prefixed.and_then(|p| strip_suffix(p, suffixes)),
    ]
}

/// A normalised name's key: its most stripped form that is not blocked.
fn key_form<'a>(full: &'a str, prefixes: &[&str], suffixes: &[&str], blocked: &[&str]) -> &'a str {
    let [_, suffixed, prefixed, both] = forms(full, prefixes, suffixes);
    [both, suffixed, prefixed]
        .into_iter()
        .flatten()
        .find(|f| !blocked.contains(f))
        .unwrap_or(full)
}
// END SHARED NORMALISATION

// ---------------------------------------------------------------------------

/// A CSV file as header-addressed records.
struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn load(path: &str) -> Table {
        println!("cargo:rerun-if-changed={path}");
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let header: Vec<String> = reader
            .headers()
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| {
                r.unwrap_or_else(|e| panic!("{path}: {e}"))
                    .iter()
                    .map(str::to_string)
                    .collect::<Vec<String>>()
            })
            .filter(|r| !(r.len() == 1 && r[0].trim().is_empty()))
            .collect();
        assert!(!header.is_empty(), "{path}: empty");
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(
                r.len(),
                header.len(),
                "{path}: record {} has {} fields, header has {}",
                i + 2,
                r.len(),
                header.len()
            );
        }
        Table {
            file: path.to_string(),
            header,
            rows,
        }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name:?}", self.file))
    }

    /// The values of the named columns, trimmed, for every record.
    fn records<const N: usize>(&self, names: [&str; N]) -> Vec<[String; N]> {
        let idx = names.map(|n| self.col(n));
        self.rows
            .iter()
            .map(|r| idx.map(|i| r[i].trim().to_string()))
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

struct Body {
    code: String,
    ods: String,
    name: String,
    wales: bool,
}

struct CouncilRow {
    code: String,
    name: String,
    wales: bool,
    la_type: String,
    /// ONS codes of NHS bodies, in file order (largest part first).
    nhs: Vec<String>,
}

struct Pred {
    code: String,
    name: String,
    ods: String,
    /// ONS codes of the successors, largest part first.
    successors: Vec<String>,
    from: (i32, u32, u32),
}

/// What an NHS name points at: an index into the bodies or the predecessors.
#[derive(Debug, PartialEq, Clone, Copy)]
enum T {
    Body(usize),
    Former(usize),
}

fn parse_date(s: &str, ctx: &str) -> (i32, u32, u32) {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let year = s.get(0..4).and_then(|x| x.parse::<i32>().ok());
    let month = s.get(5..7).and_then(|x| x.parse::<u32>().ok());
    let day = s.get(8..10).and_then(|x| x.parse::<u32>().ok());
    match (shape_ok, year, month, day) {
        (true, Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) => (y, m, d),
        _ => panic!("{ctx}: bad date {s:?} (want YYYY-MM-DD)"),
    }
}

fn is_code(s: &str, prefixes: &[&str]) -> bool {
    s.len() == 9
        && prefixes.iter().any(|p| s.starts_with(p))
        && s[3..].bytes().all(|b| b.is_ascii_digit())
}

fn normalise(s: &str) -> String {
    let mut out = String::new();
    normalise_into(s, &mut out);
    out
}

fn council_key(name: &str) -> String {
    key_form(
        &normalise(name),
        COUNCIL_PREFIXES,
        COUNCIL_SUFFIXES,
        COUNCIL_KEY_BLOCKLIST,
    )
    .to_string()
}

fn nhs_key(name: &str) -> String {
    key_form(&normalise(name), NHS_PREFIXES, NHS_SUFFIXES, &[]).to_string()
}

/// Looks a name up as the runtime does: the earliest form of the query that
/// equals any key wins.
fn find<'a, V>(
    keys: &'a BTreeMap<String, V>,
    name: &str,
    prefixes: &[&str],
    suffixes: &[&str],
) -> Option<&'a V> {
    let q = normalise(name);
    let hit = forms(&q, prefixes, suffixes)
        .into_iter()
        .flatten()
        .find_map(|f| keys.get(f));
    hit
}

/// Adds `key → value` to a key map, refusing two different values for one key.
fn add_key<V: PartialEq + std::fmt::Debug>(
    map: &mut BTreeMap<String, V>,
    key: String,
    value: V,
    what: &str,
) {
    assert!(!key.is_empty(), "empty {what} key for {value:?}");
    if let Some(old) = map.get(&key) {
        assert!(
            *old == value,
            "ambiguous {what} name {key:?}: {old:?} and {value:?}"
        );
        return;
    }
    map.insert(key, value);
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn nation(wales: bool) -> &'static str {
    if wales {
        "Nation::Wales"
    } else {
        "Nation::England"
    }
}

/// The text between the shared-block markers of a source file.
fn shared_block(path: &str) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let begin = text.find("// BEGIN SHARED NORMALISATION");
    let end = text.find("// END SHARED NORMALISATION");
    match (begin, end) {
        (Some(b), Some(e)) if b < e => text[b..e].to_string(),
        _ => panic!("{path}: shared normalisation markers missing"),
    }
}

// ---------------------------------------------------------------------------
// mySociety's register: abolished councils, other names, other UK nations
// ---------------------------------------------------------------------------

/// An abolished English or Welsh council from mySociety's register.
struct Former {
    reg: String,
    code: String,
    name: String,
    short: String,
    /// Was a non-metropolitan district.
    district: bool,
    /// The county council the district was in (register code).
    county: String,
    /// The first day without it: the start date of its successors.
    abolished: (i32, u32, u32),
    /// Indexes into the councils now holding social services for its area.
    successors: Vec<usize>,
    /// For an area divided between successors: the former districts each took.
    parts: Vec<String>,
}

/// What a council-side name points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hit {
    Council(usize),
    District(usize),
    Former(usize),
}

/// The council-side keys, as the runtime holds them.
#[derive(Default)]
struct CouncilKeys {
    council: BTreeMap<String, usize>,
    district: BTreeMap<String, usize>,
    /// Formers by their stripped key (tried last).
    former: BTreeMap<String, usize>,
    /// Formers by their whole normalised name (tried right after an exact council key).
    former_full: BTreeMap<String, usize>,
}

impl CouncilKeys {
    /// Adds a name's keys. `Ok(true)` if it added a key; `Err` if a key is
    /// taken by something else (nothing is added then).
    fn add(&mut self, name: &str, hit: Hit) -> Result<bool, String> {
        let key = council_key(name);
        let full = normalise(name);
        if key.is_empty() {
            return Err(format!("{name:?}: empty key"));
        }
        let clash =
            |map: &BTreeMap<String, usize>, k: &str, i: usize| map.get(k).is_some_and(|&j| j != i);
        match hit {
            Hit::Council(i) => {
                if clash(&self.council, &key, i) {
                    return Err(format!("{name:?}: council key {key:?} taken"));
                }
                Ok(self.council.insert(key, i).is_none())
            }
            Hit::District(i) => {
                if clash(&self.district, &key, i) {
                    return Err(format!("{name:?}: district key {key:?} taken"));
                }
                Ok(self.district.insert(key, i).is_none())
            }
            Hit::Former(i) => {
                // A key that is a council's (or a district's) is never reached.
                let stripped =
                    !self.council.contains_key(&key) && !self.district.contains_key(&key);
                let whole = !self.council.contains_key(&full);
                if (stripped && clash(&self.former, &key, i))
                    || (whole && clash(&self.former_full, &full, i))
                {
                    return Err(format!("{name:?}: former key {key:?} taken"));
                }
                let mut added = false;
                if stripped {
                    added |= self.former.insert(key, i).is_none();
                }
                if whole {
                    added |= self.former_full.insert(full, i).is_none();
                }
                Ok(added)
            }
        }
    }

    /// Looks a name up as `find_council` does.
    fn lookup(&self, name: &str) -> Option<Hit> {
        let q = normalise(name);
        if q.is_empty() {
            return None;
        }
        if let Some(&i) = self.council.get(&q) {
            return Some(Hit::Council(i));
        }
        if let Some(&i) = self.former_full.get(&q) {
            return Some(Hit::Former(i));
        }
        let f = forms(&q, COUNCIL_PREFIXES, COUNCIL_SUFFIXES);
        let first =
            |map: &BTreeMap<String, usize>| f.iter().flatten().find_map(|k| map.get(*k)).copied();
        first(&self.council)
            .map(Hit::Council)
            .or_else(|| first(&self.district).map(Hit::District))
            .or_else(|| first(&self.former).map(Hit::Former))
    }
}

/// What `register` gives the emitter.
struct Register {
    /// Other names of current councils that add a key: (name, council index).
    council_aliases: Vec<(String, usize)>,
    /// Other names of current districts: (name, district index).
    district_aliases: Vec<(String, usize)>,
    formers: Vec<Former>,
    /// Other names of abolished councils: (name, index into `formers`).
    former_names: Vec<(String, usize)>,
    /// Councils in Scotland (true) and Northern Ireland (false), official names.
    others: Vec<(String, bool)>,
    /// Other names of those: (name, index into `others`).
    other_names: Vec<(String, usize)>,
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

/// The names from the files and the curated tables, which must work.
fn core_names(
    council_list: &[CouncilRow],
    council_aliases: &[(&str, usize)],
    districts: &[(String, String, String)],
    formers: &[Former],
) -> Vec<(String, Hit)> {
    let mut core: Vec<(String, Hit)> = council_list
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.clone(), Hit::Council(i)))
        .collect();
    core.extend(
        council_aliases
            .iter()
            .map(|(a, i)| (a.to_string(), Hit::Council(*i))),
    );
    core.extend(
        districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.0.clone(), Hit::District(i))),
    );
    core.extend(
        formers
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.clone(), Hit::Former(i))),
    );
    core
}

/// Drops the register names whose key means two things. (Keys of one table:
/// a former's stripped key and whole name are in tables of their own, so
/// they are not ambiguous with a council's key.)
fn drop_ambiguous(soft: &mut Vec<(String, Hit)>) {
    let table_keys = |name: &str, hit: Hit| -> Vec<(u8, String)> {
        match hit {
            Hit::Council(_) => vec![(0, council_key(name))],
            Hit::District(_) => vec![(1, council_key(name))],
            Hit::Former(_) => vec![(2, council_key(name)), (3, normalise(name))],
        }
    };
    let mut targets: BTreeMap<(u8, String), BTreeSet<Hit>> = BTreeMap::new();
    for (name, hit) in soft.iter() {
        for k in table_keys(name, *hit) {
            targets.entry(k).or_default().insert(*hit);
        }
    }
    soft.retain(|(name, hit)| {
        table_keys(name, *hit)
            .iter()
            .all(|k| targets.get(k).is_some_and(|t| t.len() == 1))
    });
}

/// Builds the council-side keys from the core names (each must find what it
/// names) and the register names that add a key and still find what they
/// name, repeating until no register name is dropped. Returns the keys and
/// the register names kept.
fn settle_keys(
    core: &[(String, Hit)],
    mut soft: Vec<(String, Hit)>,
) -> (CouncilKeys, Vec<(String, Hit)>) {
    loop {
        let mut keys = CouncilKeys::default();
        for (name, hit) in core {
            if let Err(e) = keys.add(name, *hit) {
                panic!("ambiguous council-side name: {e}");
            }
        }
        let mut kept: Vec<(String, Hit)> = Vec::new();
        for (name, hit) in &soft {
            if let Ok(true) = keys.add(name, *hit) {
                kept.push((name.clone(), *hit));
            }
        }
        check_core_names(&keys, core);
        let before = soft.len();
        soft.retain(|(name, hit)| keys.lookup(name) == Some(*hit));
        if soft.len() == before {
            return (keys, kept);
        }
    }
}

/// Every core name finds what it names, and no district is a council's name.
fn check_core_names(keys: &CouncilKeys, core: &[(String, Hit)]) {
    for (name, hit) in core {
        let got = keys.lookup(name);
        assert_eq!(
            got,
            Some(*hit),
            "council-side name {name:?} does not find what it names"
        );
    }
    for (name, hit) in core {
        if let Hit::District(_) = hit {
            let mut only = CouncilKeys {
                council: keys.council.clone(),
                ..CouncilKeys::default()
            };
            only.former_full.clear();
            assert!(
                only.lookup(name).is_none(),
                "district {name:?} is also a council name; decide which wins"
            );
        }
    }
}

/// The other names of councils elsewhere in the UK that are kept. They are
/// checked only after the English and Welsh names, so a name those find is
/// not theirs.
fn other_uk_names(
    keys: &CouncilKeys,
    others: &[(String, bool)],
    other_soft: Vec<(String, usize)>,
) -> Vec<(String, usize)> {
    let mut other_keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (name, _)) in others.iter().enumerate() {
        assert!(
            keys.lookup(name).is_none(),
            "{name:?} is also an English or Welsh name"
        );
        add_key(
            &mut other_keys,
            council_key(name),
            i,
            "council elsewhere in the UK",
        );
    }
    let mut other_targets: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (name, i) in &other_soft {
        other_targets
            .entry(council_key(name))
            .or_default()
            .insert(*i);
    }
    let mut out = Vec::new();
    for (name, i) in other_soft {
        let key = council_key(&name);
        let unique = other_targets[&key].len() == 1 && other_keys.get(&key).is_none_or(|j| *j == i);
        if !unique || keys.lookup(&name).is_some() || key.is_empty() {
            continue;
        }
        if other_keys.insert(key, i).is_none() {
            out.push((name, i));
        }
    }
    for (i, (name, _)) in others.iter().enumerate() {
        assert_eq!(
            find(&other_keys, name, COUNCIL_PREFIXES, COUNCIL_SUFFIXES),
            Some(&i),
            "{name:?}"
        );
    }
    out
}

/// Reads mySociety's register (data/mysociety/) and checks every council-side
/// name: the names and aliases of the councils in authorities.csv, the
/// districts, abolished councils and councils elsewhere in the UK. A name
/// from the register that would be ambiguous, or would not find what it
/// names, is left out; a name from the other files or the curated tables
/// that would not is an error.
fn register(data: &Data, council_aliases: &[(&str, usize)], curated: &Curated) -> Register {
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

// ---------------------------------------------------------------------------
// authorities.csv, icb-predecessors.csv and lower-tier.csv
// ---------------------------------------------------------------------------

/// The bodies, councils, predecessors and districts, each list sorted by
/// name, with indexes by code.
struct Data {
    bodies: Vec<Body>,
    body_idx: BTreeMap<String, usize>,
    councils: Vec<CouncilRow>,
    council_idx: BTreeMap<String, usize>,
    preds: Vec<Pred>,
    pred_idx: BTreeMap<String, usize>,
    /// (name, code, upper-tier code), sorted.
    districts: Vec<(String, String, String)>,
}

/// Reads and checks the three CSV files and the curated ICB tables.
fn load_data(curated: &Curated) -> Data {
    let (bodies, councils) = load_authorities();
    let preds = load_predecessors(&bodies, curated);
    let districts = load_districts(&councils);
    // Indexes are emitted as u8.
    assert!(councils.len() <= 256 && districts.len() <= 256 && bodies.len() <= 256);
    let (bodies, body_idx) = by_name(bodies, |b| (&b.name, &b.code));
    let (councils, council_idx) = by_name(councils, |c| (&c.name, &c.code));
    let (preds, pred_idx) = by_name(preds, |p| (&p.name, &p.code));
    Data {
        bodies,
        body_idx,
        councils,
        council_idx,
        preds,
        pred_idx,
        districts,
    }
}

/// A map's values sorted by (name, code), with an index by code.
fn by_name<V>(
    map: BTreeMap<String, V>,
    name_code: impl Fn(&V) -> (&String, &String),
) -> (Vec<V>, BTreeMap<String, usize>) {
    let mut list: Vec<V> = map.into_values().collect();
    list.sort_by(|a, b| name_code(a).cmp(&name_code(b)));
    let idx = list
        .iter()
        .enumerate()
        .map(|(i, v)| (name_code(v).1.clone(), i))
        .collect();
    (list, idx)
}

/// NHS bodies and councils from `data/authorities.csv`, by code.
fn load_authorities() -> (BTreeMap<String, Body>, BTreeMap<String, CouncilRow>) {
    let authorities = Table::load("data/authorities.csv");
    let mut bodies: BTreeMap<String, Body> = BTreeMap::new();
    let mut councils: BTreeMap<String, CouncilRow> = BTreeMap::new();
    for [nation, code, name, la_type, nhs_code, nhs_ods, nhs_name] in authorities.records([
        "nation",
        "la_code",
        "la_name",
        "la_type",
        "nhs_body_code",
        "nhs_body_ods",
        "nhs_body_name",
    ]) {
        let ctx = format!("data/authorities.csv {code}");
        let wales = check_authority_row(&ctx, &nation, &code, &la_type, &nhs_code);
        assert!(
            !name.is_empty() && !nhs_ods.is_empty() && !nhs_name.is_empty(),
            "{ctx}: empty field"
        );
        match bodies.get(&nhs_code) {
            Some(b) => assert!(
                b.ods == nhs_ods && b.name == nhs_name,
                "{ctx}: {nhs_code} has two ODS codes or names"
            ),
            None => {
                let body = Body {
                    code: nhs_code.clone(),
                    ods: nhs_ods,
                    name: nhs_name,
                    wales,
                };
                bodies.insert(nhs_code.clone(), body);
            }
        }
        match councils.get_mut(&code) {
            Some(c) => {
                assert!(
                    c.name == name && c.la_type == la_type && c.wales == wales,
                    "{ctx}: split rows disagree"
                );
                assert!(!c.nhs.contains(&nhs_code), "{ctx}: {nhs_code} listed twice");
                c.nhs.push(nhs_code);
            }
            None => {
                let row = CouncilRow {
                    code: code.clone(),
                    name,
                    wales,
                    la_type,
                    nhs: vec![nhs_code],
                };
                councils.insert(code, row);
            }
        }
    }
    assert_eq!(councils.len(), EXPECTED_COUNCILS, "council count");
    let n_icb = bodies.values().filter(|b| !b.wales).count();
    let n_lhb = bodies.values().filter(|b| b.wales).count();
    assert_eq!(n_icb, EXPECTED_ICBS, "ICB count");
    assert_eq!(n_lhb, EXPECTED_LHBS, "LHB count");
    (bodies, councils)
}

/// Checks one row's nation, codes and council type; true for Wales.
fn check_authority_row(ctx: &str, nation: &str, code: &str, la_type: &str, nhs_code: &str) -> bool {
    let wales = match nation {
        "England" => false,
        "Wales" => true,
        other => panic!("{ctx}: unknown nation {other:?}"),
    };
    let (council_prefixes, body_prefix): (&[&str], &str) = if wales {
        (&["W06"], "W11")
    } else {
        (&["E06", "E08", "E09", "E10"], "E54")
    };
    assert!(
        is_code(code, council_prefixes),
        "{ctx}: bad council code for {nation}"
    );
    assert!(
        is_code(nhs_code, &[body_prefix]),
        "{ctx}: bad NHS body code {nhs_code:?}"
    );
    assert!(
        matches!(
            la_type,
            "county_council"
                | "unitary_authority"
                | "metropolitan_borough"
                | "london_borough"
                | "city_of_london"
                | "isles_of_scilly"
                | "welsh_principal_council"
        ),
        "{ctx}: unknown la_type {la_type:?}"
    );
    wales
}

/// Predecessor ICBs from `data/icb-predecessors.csv`, by code, with their
/// ODS codes and their successors in the order of the size of their parts.
fn load_predecessors(bodies: &BTreeMap<String, Body>, curated: &Curated) -> BTreeMap<String, Pred> {
    let predecessors = Table::load("data/icb-predecessors.csv");
    let mut preds: BTreeMap<String, Pred> = BTreeMap::new();
    let mut icbs_seen: BTreeSet<String> = BTreeSet::new();
    for [icb_code, icb_name, pred_code, pred_name, from] in predecessors.records([
        "icb_code",
        "icb_name",
        "predecessor_code",
        "predecessor_name",
        "from_date",
    ]) {
        let ctx = format!("data/icb-predecessors.csv {icb_code}/{pred_code}");
        let body = bodies
            .get(&icb_code)
            .unwrap_or_else(|| panic!("{ctx}: {icb_code} is not an NHS body in authorities.csv"));
        assert_eq!(
            body.name, icb_name,
            "{ctx}: ICB name differs from authorities.csv"
        );
        assert!(is_code(&pred_code, &["E54"]), "{ctx}: bad predecessor code");
        assert!(!pred_name.is_empty(), "{ctx}: empty predecessor name");
        let date = parse_date(&from, &ctx);
        icbs_seen.insert(icb_code.clone());
        if pred_code == icb_code {
            assert_eq!(
                pred_name, icb_name,
                "{ctx}: identity row with a different name"
            );
            continue;
        }
        assert!(
            !bodies.contains_key(&pred_code),
            "{ctx}: predecessor is a 2026 body"
        );
        let ods = curated.predecessor_ods.get(&pred_code).unwrap_or_else(|| {
            panic!("{ctx}: no ODS code for {pred_code} in data/icb-predecessor-ods.csv")
        });
        let p = preds.entry(pred_code.clone()).or_insert_with(|| Pred {
            code: pred_code.clone(),
            name: pred_name.clone(),
            ods: ods.clone(),
            successors: Vec::new(),
            from: date,
        });
        assert_eq!(p.name, pred_name, "{ctx}: predecessor has two names");
        assert_eq!(p.from, date, "{ctx}: predecessor has two dates");
        p.successors.push(icb_code);
    }
    let icb_codes: BTreeSet<String> = bodies
        .values()
        .filter(|b| !b.wales)
        .map(|b| b.code.clone())
        .collect();
    assert_eq!(
        icbs_seen, icb_codes,
        "icb-predecessors.csv must list every 2026 ICB"
    );
    order_partial_successors(&mut preds, &curated.partial_predecessors);
    preds
}

/// Orders the successors of each predecessor split between several 2026
/// ICBs as `data/icb-partial-predecessors.csv` does, largest part first.
fn order_partial_successors(preds: &mut BTreeMap<String, Pred>, partial: &[(String, Vec<String>)]) {
    const FILE: &str = "data/icb-partial-predecessors.csv";
    for p in preds.values_mut() {
        if p.successors.len() > 1 {
            let (_, order) = partial
                .iter()
                .find(|(c, _)| *c == p.code)
                .unwrap_or_else(|| panic!("{} has several successors; add it to {FILE}", p.code));
            let want: BTreeSet<&str> = order.iter().map(String::as_str).collect();
            let got: BTreeSet<&str> = p.successors.iter().map(String::as_str).collect();
            assert_eq!(
                want, got,
                "{}: {FILE} disagrees with icb-predecessors.csv",
                p.code
            );
            p.successors.clone_from(order);
        }
    }
    for (c, _) in partial {
        assert!(
            preds.get(c).is_some_and(|p| p.successors.len() > 1),
            "{c} in {FILE} is not a split predecessor in icb-predecessors.csv"
        );
    }
}

/// Districts from `data/lower-tier.csv`: (name, code, upper-tier code), sorted.
fn load_districts(councils: &BTreeMap<String, CouncilRow>) -> Vec<(String, String, String)> {
    let lower = Table::load("data/lower-tier.csv");
    let mut districts: Vec<(String, String, String)> = Vec::new();
    for [code, name, upper_code, upper_name] in lower.records([
        "district_code",
        "district_name",
        "upper_tier_code",
        "upper_tier_name",
    ]) {
        let ctx = format!("data/lower-tier.csv {code}");
        assert!(is_code(&code, &["E07"]), "{ctx}: bad district code");
        let c = councils
            .get(&upper_code)
            .unwrap_or_else(|| panic!("{ctx}: unknown upper tier {upper_code}"));
        assert_eq!(
            c.name, upper_name,
            "{ctx}: upper-tier name differs from authorities.csv"
        );
        assert_eq!(
            c.la_type, "county_council",
            "{ctx}: upper tier is not a county council"
        );
        districts.push((name, code, upper_code));
    }
    assert_eq!(districts.len(), EXPECTED_DISTRICTS, "district count");
    districts.sort();
    districts
}

// ---------------------------------------------------------------------------
// Aliases and NHS names
// ---------------------------------------------------------------------------

/// The curated aliases resolved to indexes.
struct Aliases<'a> {
    council: Vec<(&'a str, usize)>,
    old_codes: Vec<(&'a str, usize)>,
    nhs: Vec<(&'a str, T)>,
}

/// Resolves every curated alias and old code; an unknown code is an error.
fn resolve_aliases<'a>(data: &Data, curated: &'a Curated) -> Aliases<'a> {
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

/// Checks the NHS names: 2026 bodies (code, ODS code, name, aliases), then
/// predecessors. A predecessor name equal to a 2026 body's (NHS Hampshire
/// and Isle of Wight kept its name and ODS code) finds the 2026 body.
/// Councils and NHS bodies are looked up separately, so they may share names.
fn check_nhs_names(data: &Data, nhs_aliases: &[(&str, T)]) {
    let mut nhs_names: Vec<(&str, T)> = Vec::new();
    for (i, b) in data.bodies.iter().enumerate() {
        for name in [&b.code, &b.ods, &b.name] {
            nhs_names.push((name, T::Body(i)));
        }
    }
    nhs_names.extend(nhs_aliases.iter().filter(|(_, t)| matches!(t, T::Body(_))));
    let mut nhs_keys: BTreeMap<String, T> = BTreeMap::new();
    for (name, t) in &nhs_names {
        add_key(&mut nhs_keys, nhs_key(name), *t, "NHS");
    }
    let preds = &data.preds;
    let same_pred = |a: usize, b: usize| {
        preds[a].name == preds[b].name && preds[a].successors == preds[b].successors
    };
    let mut pred_names: Vec<(&str, T)> = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for name in [&p.code, &p.ods, &p.name] {
            pred_names.push((name, T::Former(i)));
        }
    }
    pred_names.extend(
        nhs_aliases
            .iter()
            .filter(|(_, t)| matches!(t, T::Former(_))),
    );
    for (name, t) in &pred_names {
        let key = nhs_key(name);
        match (nhs_keys.get(&key), t) {
            (Some(T::Body(_)), _) => {} // the 2026 body wins
            // Earlier and later ONS codes of one ICB (Surrey Heartlands
            // E54000052/E54000063, Sussex E54000053/E54000064) share a name
            // and an ODS code; the first wins.
            (Some(T::Former(j)), T::Former(i)) if same_pred(*i, *j) => {}
            _ => add_key(&mut nhs_keys, key, *t, "NHS"),
        }
    }
    for (name, t) in nhs_names.iter().chain(&pred_names) {
        let hit = find(&nhs_keys, name, NHS_PREFIXES, NHS_SUFFIXES).copied();
        let ok = match (hit, t) {
            (Some(T::Former(j)), T::Former(i)) => same_pred(j, *i),
            // A predecessor name taken by a 2026 body (see above).
            (Some(T::Body(_)), T::Former(_)) => nhs_keys.get(&nhs_key(name)) == hit.as_ref(),
            (h, t) => h == Some(*t),
        };
        assert!(
            ok,
            "NHS name {name:?} does not find its body ({hit:?}, want {t:?})"
        );
    }
}

// ---------------------------------------------------------------------------
// Emit
// ---------------------------------------------------------------------------

/// `[(name, index), …]` as Rust source.
fn pairs<S: AsRef<str>>(v: &[(S, usize)]) -> String {
    v.iter()
        .map(|(s, i)| format!("({}, {i})", lit(s.as_ref())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The indexes of `codes` in code order.
fn by_code_order<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut by_code: Vec<(&str, usize)> = codes.enumerate().map(|(i, c)| (c, i)).collect();
    by_code.sort();
    by_code.iter().map(|x| x.1).collect()
}

/// `NHS_BODIES` and `NHS_BY_CODE`.
fn emit_bodies(o: &mut String, data: &Data) {
    for (i, b) in data.bodies.iter().enumerate() {
        writeln!(
            o,
            "const B{i}: NhsBody = NhsBody {{ code: {}, ods: {}, name: {}, nation: {} }};",
            lit(&b.code),
            lit(&b.ods),
            lit(&b.name),
            nation(b.wales)
        )
        .unwrap();
    }
    let list: Vec<String> = (0..data.bodies.len()).map(|i| format!("B{i}")).collect();
    writeln!(
        o,
        "static NHS_BODIES: [NhsBody; {}] = [{}];",
        list.len(),
        list.join(", ")
    )
    .unwrap();
    let by_code = by_code_order(data.bodies.iter().map(|b| b.code.as_str()));
    writeln!(
        o,
        "static NHS_BY_CODE: [u8; {}] = {by_code:?};\n",
        by_code.len()
    )
    .unwrap();
}

/// `COUNCILS`, `COUNCILS_BY_CODE`, `COUNCIL_ALIASES` and `OLD_COUNCIL_CODES`.
fn emit_councils(o: &mut String, data: &Data, aliases: &Aliases, reg: &Register) {
    writeln!(o, "static COUNCILS: [Council; {}] = [", data.councils.len()).unwrap();
    for c in &data.councils {
        let nhs: Vec<String> = c
            .nhs
            .iter()
            .map(|n| format!("B{}", data.body_idx[n.as_str()]))
            .collect();
        writeln!(
            o,
            "    Council {{ code: {}, name: {}, nation: {}, la_type: {}, nhs: &[{}] }},",
            lit(&c.code),
            lit(&c.name),
            nation(c.wales),
            lit(&c.la_type),
            nhs.join(", ")
        )
        .unwrap();
    }
    o.push_str("];\n");
    let by_code = by_code_order(data.councils.iter().map(|c| c.code.as_str()));
    writeln!(
        o,
        "static COUNCILS_BY_CODE: [u8; {}] = {by_code:?};",
        by_code.len()
    )
    .unwrap();
    let all_aliases: Vec<(&str, usize)> = aliases
        .council
        .iter()
        .copied()
        .chain(reg.council_aliases.iter().map(|(a, i)| (a.as_str(), *i)))
        .collect();
    writeln!(
        o,
        "static COUNCIL_ALIASES: [(&str, u8); {}] = [{}];",
        all_aliases.len(),
        pairs(&all_aliases)
    )
    .unwrap();
    writeln!(
        o,
        "static OLD_COUNCIL_CODES: [(&str, u8); {}] = [{}];\n",
        aliases.old_codes.len(),
        pairs(&aliases.old_codes)
    )
    .unwrap();
}

/// `DISTRICTS`, `DISTRICT_CODES`, `DISTRICT_COUNCIL` and `DISTRICT_ALIASES`.
fn emit_districts(o: &mut String, data: &Data, reg: &Register) {
    let districts = &data.districts;
    writeln!(
        o,
        "static DISTRICTS: [(&str, &str); {}] = [",
        districts.len()
    )
    .unwrap();
    for (name, _, upper) in districts {
        writeln!(o, "    ({}, {}),", lit(name), lit(upper)).unwrap();
    }
    o.push_str("];\n");
    let codes: String = districts.iter().map(|d| d.1.as_str()).collect();
    writeln!(
        o,
        "/// The E07 codes of `DISTRICTS`, 9 bytes each, in the same order."
    )
    .unwrap();
    writeln!(o, "static DISTRICT_CODES: &str = {};", lit(&codes)).unwrap();
    let upper: Vec<usize> = districts
        .iter()
        .map(|d| data.council_idx[d.2.as_str()])
        .collect();
    writeln!(
        o,
        "static DISTRICT_COUNCIL: [u8; {}] = {upper:?};",
        upper.len()
    )
    .unwrap();
    writeln!(
        o,
        "static DISTRICT_ALIASES: [(&str, u8); {}] = [{}];\n",
        reg.district_aliases.len(),
        pairs(&reg.district_aliases)
    )
    .unwrap();
}

/// `FORMER_COUNCILS` and `FORMER_NAMES`.
fn emit_formers(o: &mut String, reg: &Register) {
    writeln!(
        o,
        "static FORMER_COUNCILS: [FormerCouncil; {}] = [",
        reg.formers.len()
    )
    .unwrap();
    for f in &reg.formers {
        let parts: Vec<String> = f.parts.iter().map(|p| lit(p)).collect();
        writeln!(
            o,
            "    FormerCouncil {{ code: {}, name: {}, short_name: {}, was_district: {}, abolished: ymd({}, {}, {}), successors: &{:?}, parts: &[{}] }},",
            lit(&f.code),
            lit(&f.name),
            lit(&f.short),
            f.district,
            f.abolished.0,
            f.abolished.1,
            f.abolished.2,
            f.successors,
            parts.join(", ")
        )
        .unwrap();
    }
    o.push_str("];\n");
    writeln!(
        o,
        "static FORMER_NAMES: [(&str, u8); {}] = [{}];\n",
        reg.former_names.len(),
        pairs(&reg.former_names)
    )
    .unwrap();
}

/// `OTHER_UK` and `OTHER_UK_NAMES`.
fn emit_other_uk(o: &mut String, reg: &Register) {
    let others: Vec<String> = reg
        .others
        .iter()
        .map(|(name, scotland)| {
            let n = if *scotland {
                "OtherNation::Scotland"
            } else {
                "OtherNation::NorthernIreland"
            };
            format!("({}, {n})", lit(name))
        })
        .collect();
    writeln!(
        o,
        "static OTHER_UK: [(&str, OtherNation); {}] = [{}];",
        others.len(),
        others.join(", ")
    )
    .unwrap();
    writeln!(
        o,
        "static OTHER_UK_NAMES: [(&str, u8); {}] = [{}];\n",
        reg.other_names.len(),
        pairs(&reg.other_names)
    )
    .unwrap();
}

/// `FORMER_ICBS`, `PREDECESSORS` and `NHS_ALIASES`.
fn emit_predecessors(o: &mut String, data: &Data, nhs_aliases: &[(&str, T)]) {
    let preds = &data.preds;
    writeln!(
        o,
        "static FORMER_ICBS: [(&str, &str, &str); {}] = [",
        preds.len()
    )
    .unwrap();
    for p in preds {
        let first = lit(&p.successors[0]);
        writeln!(o, "    ({}, {}, {first}),", lit(&p.code), lit(&p.name)).unwrap();
    }
    o.push_str("];\n");
    writeln!(o, "static PREDECESSORS: [Predecessor; {}] = [", preds.len()).unwrap();
    for p in preds {
        let succ: Vec<String> = p
            .successors
            .iter()
            .map(|s| data.body_idx[s.as_str()].to_string())
            .collect();
        writeln!(
            o,
            "    Predecessor {{ ods: {}, successors: &[{}], from: NaiveDate::from_ymd_opt({}, {}, {}) }},",
            lit(&p.ods),
            succ.join(", "),
            p.from.0,
            p.from.1,
            p.from.2
        )
        .unwrap();
    }
    o.push_str("];\n");
    let targets: Vec<String> = nhs_aliases
        .iter()
        .map(|(alias, t)| match t {
            T::Body(i) => format!("({}, NhsTarget::Body({i}))", lit(alias)),
            T::Former(i) => format!("({}, NhsTarget::Former({i}))", lit(alias)),
        })
        .collect();
    writeln!(
        o,
        "static NHS_ALIASES: [(&str, NhsTarget); {}] = [{}];",
        targets.len(),
        targets.join(", ")
    )
    .unwrap();
}

/// Writes `$OUT_DIR/reference_data.rs`, only when it changed, so dependants
/// are not rebuilt needlessly.
fn write_if_changed(o: &str) {
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("reference_data.rs");
    if fs::read_to_string(&out).ok().as_deref() != Some(o) {
        fs::write(&out, o).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/reference.rs");
    println!("cargo:rerun-if-changed=data/mysociety");
    assert!(
        shared_block("build.rs") == shared_block("src/reference.rs"),
        "the shared normalisation block differs between build.rs and src/reference.rs"
    );
    let curated = load_curated();
    let data = load_data(&curated);
    let aliases = resolve_aliases(&data, &curated);
    // The runtime compares the forms of a query with the key of every name
    // (see `forms` and `key_form`). Every key is checked to be unambiguous,
    // and every name to find what it names: council-side names (with
    // mySociety's register) here, NHS names below.
    let reg = register(&data, &aliases.council, &curated);
    check_nhs_names(&data, &aliases.nhs);

    let mut o = String::new();
    o.push_str("// @generated by build.rs from data/authorities.csv, data/icb-predecessors.csv\n");
    o.push_str("// and data/lower-tier.csv. Do not edit.\n\n");
    emit_bodies(&mut o, &data);
    emit_councils(&mut o, &data, &aliases, &reg);
    emit_districts(&mut o, &data, &reg);
    emit_formers(&mut o, &reg);
    emit_other_uk(&mut o, &reg);
    emit_predecessors(&mut o, &data, &aliases.nhs);
    write_if_changed(&o);
}
