//! Build script: turns `data/authorities.csv`, `data/icb-predecessors.csv`,
//! `data/lower-tier.csv` and mySociety's register in `data/mysociety/` into
//! `$OUT_DIR/reference_data.rs`, which `src/reference.rs` includes.
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
//! the table below does not describe.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// ---------------------------------------------------------------------------
// Hand-maintained tables. Everything here is checked against the CSVs.
// ---------------------------------------------------------------------------

/// Predecessor ICBs that passed only part of their area to each of several
/// 2026 ICBs, with the successors ordered by the size of the part they took
/// (largest first). See data/SOURCES.md, "Predecessor detail" and D4.
/// - Hertfordshire and West Essex: Hertfordshire part → Central East, West Essex (SICBL 07H) → Essex.
/// - Suffolk and North East Essex: Suffolk part (SICBLs 06L, 07K) → Norfolk and Suffolk, NE Essex (06T) → Essex.
/// - Frimley: 255 LSOAs → Thames Valley, 105 → Hampshire and Isle of Wight, 95 → Surrey and Sussex.
const PARTIAL_PREDECESSORS: &[(&str, &[&str])] = &[
    ("E54000025", &["E54000065", "E54000066"]),
    ("E54000023", &["E54000068", "E54000066"]),
    ("E54000034", &["E54000070", "E54000067", "E54000069"]),
];

/// ODS codes of the predecessor ICBs (data/SOURCES.md, "Predecessor detail";
/// NHS England ODS via rcpch/rcpch-nhs-organisations). The CSV carries ONS codes only.
const PREDECESSOR_ODS: &[(&str, &str)] = &[
    ("E54000022", "QMM"),
    ("E54000023", "QJG"),
    ("E54000024", "QHG"),
    ("E54000025", "QM7"),
    ("E54000026", "QH8"),
    ("E54000027", "QRV"),
    ("E54000028", "QMJ"),
    ("E54000034", "QNQ"),
    ("E54000042", "QRL"),
    ("E54000044", "QU9"),
    ("E54000052", "QXU"),
    ("E54000053", "QNX"),
    ("E54000056", "QUE"),
    ("E54000063", "QXU"),
    ("E54000064", "QNX"),
];

/// Other spellings of an abolished council that mySociety's register does not
/// list: (alias, register code of the abolished council).
const FORMER_ALIASES: &[(&str, &str)] = &[("Barrow", "BAR")];

/// Superseded council codes still seen in older documents (data/SOURCES.md A2).
const OLD_COUNCIL_CODES: &[(&str, &str)] = &[
    ("E08000016", "E08000038"), // Barnsley
    ("E08000019", "E08000039"), // Sheffield
];

/// Everyday and Welsh-language names of councils: (alias, council code).
/// Only names that point to exactly one council. Deliberately absent:
/// "London", "Kingston" and "Richmond" (ambiguous). Names of abolished
/// councils ("Bournemouth", "Cumbria") come from mySociety's register, so
/// that they carry the abolition with them.
const COUNCIL_ALIASES: &[(&str, &str)] = &[
    ("Hull", "E06000010"),
    ("Kingston upon Hull", "E06000010"),
    ("County Durham", "E06000047"),
    ("Southend", "E06000033"),
    ("Brighton", "E06000043"),
    ("Stoke", "E06000021"),
    ("Telford", "E06000020"),
    ("BCP", "E06000058"),
    ("Newcastle upon Tyne", "E08000021"),
    ("East Riding", "E06000011"),
    ("Corporation of London", "E09000001"),
    ("Scilly", "E06000053"),
    ("Blackburn", "E06000008"),
    ("Redcar", "E06000003"),
    ("Stockton", "E06000004"),
    ("Cheshire West", "E06000050"),
    ("Bracknell", "E06000036"),
    ("RBWM", "E06000040"),
    ("Rhondda", "W06000016"),
    ("Rhondda Cynon Taff", "W06000016"),
    ("RCT", "W06000016"),
    ("Merthyr", "W06000024"),
    ("Anglesey", "W06000001"),
    // Welsh-language names.
    ("Ynys Môn", "W06000001"),
    ("Sir Ddinbych", "W06000004"),
    ("Sir y Fflint", "W06000005"),
    ("Wrecsam", "W06000006"),
    ("Sir Benfro", "W06000009"),
    ("Sir Gaerfyrddin", "W06000010"),
    ("Abertawe", "W06000011"),
    ("Castell-nedd Port Talbot", "W06000012"),
    ("Pen-y-bont ar Ogwr", "W06000013"),
    ("Bro Morgannwg", "W06000014"),
    ("Caerdydd", "W06000015"),
    ("Caerffili", "W06000018"),
    ("Tor-faen", "W06000020"),
    ("Sir Fynwy", "W06000021"),
    ("Casnewydd", "W06000022"),
    ("Merthyr Tudful", "W06000024"),
];

/// Common abbreviations of NHS bodies: (alias, ONS code of a 2026 body or a predecessor ICB).
const NHS_ALIASES: &[(&str, &str)] = &[
    ("BLMK", "E54000024"),
    ("HWE", "E54000025"),
    ("SNEE", "E54000023"),
    ("MSE", "E54000026"),
    ("NWL", "E54000027"),
    ("NCL", "E54000028"),
    ("BOB", "E54000044"),
    ("HIOW", "E54000067"),
    ("BNSSG", "E54000039"),
    ("BSW", "E54000040"),
    ("LLR", "E54000015"),
    ("NENC", "E54000050"),
    ("LSC", "E54000048"),
    ("L&SC", "E54000048"),
    ("STW", "E54000011"),
    ("NEL", "E54000029"),
    ("SEL", "E54000030"),
    ("SWL", "E54000031"),
    ("HNY", "E54000051"),
    ("BSol", "E54000055"),
    ("BCUHB", "W11000023"),
    ("Betsi", "W11000023"),
    ("PTHB", "W11000024"),
    ("HDUHB", "W11000025"),
    ("ABUHB", "W11000028"),
    ("CAVUHB", "W11000029"),
    ("C&V UHB", "W11000029"),
    ("CTMUHB", "W11000030"),
    ("SBUHB", "W11000031"),
];

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

/// Reads mySociety's register (data/mysociety/) and checks every council-side
/// name: the names and aliases of the councils in authorities.csv, the
/// districts, abolished councils and councils elsewhere in the UK. A name
/// from the register that would be ambiguous, or would not find what it
/// names, is left out; a name from the other files or the hand tables that
/// would not is an error.
fn register(
    council_list: &[&CouncilRow],
    council_idx: &BTreeMap<&str, usize>,
    council_aliases: &[(&str, usize)],
    districts: &[(String, String, String)],
) -> Register {
    let table = Table::load("data/mysociety/uk_local_authorities_current.csv");
    let lookup = Table::load("data/mysociety/lookup_name_to_registry.csv");
    struct Row {
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
    let rows: BTreeMap<String, Row> = table
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
                let row = Row {
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
    let district_by_code: BTreeMap<&str, usize> = districts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.1.as_str(), i))
        .collect();
    fn current_code(gss: &str) -> &str {
        OLD_COUNCIL_CODES
            .iter()
            .find(|(old, _)| *old == gss)
            .map_or(gss, |(_, new)| new)
    }
    let is_england_or_wales = |r: &Row| r.nation == "England" || r.nation == "Wales";
    // Where a current body's name points: a council, or a district.
    let current_hit = |r: &Row| -> Option<Hit> {
        if let Some(&i) = council_idx.get(current_code(&r.gss)) {
            return Some(Hit::Council(i));
        }
        district_by_code
            .get(r.gss.as_str())
            .map(|&i| Hit::District(i))
    };
    // The councils now holding social services for an abolished body's area.
    fn successors_of(
        reg: &str,
        rows: &BTreeMap<String, Row>,
        hit: &dyn Fn(&Row) -> Option<Hit>,
        districts: &[(String, String, String)],
        council_idx: &BTreeMap<&str, usize>,
        depth: usize,
    ) -> Vec<usize> {
        assert!(depth < 5, "register: replaced-by loops at {reg}");
        let r = rows
            .get(reg)
            .unwrap_or_else(|| panic!("register: unknown successor {reg}"));
        if r.end.is_empty() {
            return match hit(r) {
                Some(Hit::Council(i)) => vec![i],
                Some(Hit::District(d)) => vec![council_idx[districts[d].2.as_str()]],
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
            .flat_map(|s| successors_of(s, rows, hit, districts, council_idx, depth + 1))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    let mut formers: Vec<Former> = Vec::new();
    let mut others: Vec<(String, bool)> = Vec::new();
    // (name, target) from the register, in a stable order.
    let mut soft: Vec<(String, Hit)> = Vec::new();
    let mut other_soft: Vec<(String, usize)> = Vec::new();
    for r in rows.values() {
        let names = names_of.get(&r.reg).cloned().unwrap_or_default();
        let all = std::iter::once(r.name.clone())
            .chain(std::iter::once(r.short.clone()))
            .chain(names)
            .filter(|n| !n.trim().is_empty());
        match r.nation.as_str() {
            "Scotland" | "Northern Ireland" => {
                let i = others.len();
                others.push((r.name.clone(), r.nation == "Scotland"));
                other_soft.extend(all.skip(1).map(|n| (n, i)));
            }
            _ if !is_england_or_wales(r) => panic!("register: unknown nation {:?}", r.nation),
            // Combined and strategic authorities have no social services duties.
            _ if matches!(r.kind.as_str(), "COMB" | "SRA") => {}
            _ if r.end.is_empty() => {
                let hit = current_hit(r).unwrap_or_else(|| {
                    panic!(
                        "register: {} ({}) is neither in authorities.csv nor in lower-tier.csv",
                        r.reg, r.gss
                    )
                });
                soft.extend(all.map(|n| (n, hit)));
            }
            _ => {
                let successors =
                    successors_of(&r.reg, &rows, &current_hit, districts, council_idx, 0);
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
                let i = formers.len();
                formers.push(Former {
                    reg: r.reg.clone(),
                    code: r.gss.clone(),
                    name: r.name.clone(),
                    short: r.short.clone(),
                    district: r.kind == "NMD",
                    county: r.county.clone(),
                    abolished,
                    successors,
                    parts: Vec::new(),
                });
                soft.extend(all.skip(1).map(|n| (n, Hit::Former(i))));
            }
        }
    }
    for (alias, reg) in FORMER_ALIASES {
        let i = formers
            .iter()
            .position(|f| f.reg == *reg)
            .unwrap_or_else(|| panic!("FORMER_ALIASES: {reg} is not an abolished council"));
        soft.push((alias.to_string(), Hit::Former(i)));
    }
    // The parts of an area divided between successors: its former districts.
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
    let mut codes: BTreeSet<&str> = council_idx.keys().copied().collect();
    codes.extend(district_by_code.keys());
    for f in &formers {
        assert!(
            codes.insert(&f.code),
            "register: {} has a current code",
            f.code
        );
    }

    // Names from the files and hand tables (must work) and from the register
    // (kept where they work).
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
    // Register names whose key means two things are dropped outright.
    // (Keys of one table: a former's stripped key and whole name are in tables
    // of their own, so they are not ambiguous with a council's key.)
    let table_keys = |name: &str, hit: Hit| -> Vec<(u8, String)> {
        match hit {
            Hit::Council(_) => vec![(0, council_key(name))],
            Hit::District(_) => vec![(1, council_key(name))],
            Hit::Former(_) => vec![(2, council_key(name)), (3, normalise(name))],
        }
    };
    let mut targets: BTreeMap<(u8, String), BTreeSet<Hit>> = BTreeMap::new();
    for (name, hit) in &soft {
        for k in table_keys(name, *hit) {
            targets.entry(k).or_default().insert(*hit);
        }
    }
    soft.retain(|(name, hit)| {
        table_keys(name, *hit)
            .iter()
            .all(|k| targets.get(k).is_some_and(|t| t.len() == 1))
    });
    let (keys, kept) = loop {
        let mut keys = CouncilKeys::default();
        for (name, hit) in &core {
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
        for (name, hit) in &core {
            let got = keys.lookup(name);
            assert_eq!(
                got,
                Some(*hit),
                "council-side name {name:?} does not find what it names"
            );
        }
        for (name, hit) in &core {
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
        let before = soft.len();
        soft.retain(|(name, hit)| keys.lookup(name) == Some(*hit));
        if soft.len() == before {
            break (keys, kept);
        }
    };
    let mut out = Register {
        council_aliases: Vec::new(),
        district_aliases: Vec::new(),
        formers,
        former_names: Vec::new(),
        others,
        other_names: Vec::new(),
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

    // Councils elsewhere in the UK: checked only after the English and Welsh
    // names, so a name those find is not theirs.
    let mut other_keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (name, _)) in out.others.iter().enumerate() {
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
    for (name, i) in other_soft {
        let key = council_key(&name);
        let unique = other_targets[&key].len() == 1 && other_keys.get(&key).is_none_or(|j| *j == i);
        if !unique || keys.lookup(&name).is_some() || key.is_empty() {
            continue;
        }
        if other_keys.insert(key, i).is_none() {
            out.other_names.push((name, i));
        }
    }
    for (i, (name, _)) in out.others.iter().enumerate() {
        assert_eq!(
            find(&other_keys, name, COUNCIL_PREFIXES, COUNCIL_SUFFIXES),
            Some(&i),
            "{name:?}"
        );
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/reference.rs");
    println!("cargo:rerun-if-changed=data/mysociety");
    assert!(
        shared_block("build.rs") == shared_block("src/reference.rs"),
        "the shared normalisation block differs between build.rs and src/reference.rs"
    );

    let authorities = Table::load("data/authorities.csv");
    let predecessors = Table::load("data/icb-predecessors.csv");
    let lower = Table::load("data/lower-tier.csv");

    // --- NHS bodies and councils from authorities.csv ----------------------
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
        let wales = match nation.as_str() {
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
            is_code(&code, council_prefixes),
            "{ctx}: bad council code for {nation}"
        );
        assert!(
            is_code(&nhs_code, &[body_prefix]),
            "{ctx}: bad NHS body code {nhs_code:?}"
        );
        assert!(
            !name.is_empty() && !nhs_ods.is_empty() && !nhs_name.is_empty(),
            "{ctx}: empty field"
        );
        assert!(
            matches!(
                la_type.as_str(),
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

    // Bodies and councils sorted by name; indexes by code.
    let mut body_list: Vec<&Body> = bodies.values().collect();
    body_list.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    let body_idx: BTreeMap<&str, usize> = body_list
        .iter()
        .enumerate()
        .map(|(i, b)| (b.code.as_str(), i))
        .collect();
    let mut council_list: Vec<&CouncilRow> = councils.values().collect();
    council_list.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    let council_idx: BTreeMap<&str, usize> = council_list
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();

    // --- Predecessors -------------------------------------------------------
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
        let ods = PREDECESSOR_ODS
            .iter()
            .find(|(c, _)| *c == pred_code)
            .map(|(_, o)| o.to_string())
            .unwrap_or_else(|| panic!("{ctx}: no ODS code for {pred_code} in PREDECESSOR_ODS"));
        let p = preds.entry(pred_code.clone()).or_insert_with(|| Pred {
            code: pred_code.clone(),
            name: pred_name.clone(),
            ods,
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
    for p in preds.values_mut() {
        if p.successors.len() > 1 {
            let (_, order) = PARTIAL_PREDECESSORS
                .iter()
                .find(|(c, _)| *c == p.code)
                .unwrap_or_else(|| {
                    panic!(
                        "{} has several successors; add it to PARTIAL_PREDECESSORS",
                        p.code
                    )
                });
            let want: BTreeSet<&str> = order.iter().copied().collect();
            let got: BTreeSet<&str> = p.successors.iter().map(String::as_str).collect();
            assert_eq!(
                want, got,
                "{}: PARTIAL_PREDECESSORS disagrees with the CSV",
                p.code
            );
            p.successors = order.iter().map(|s| s.to_string()).collect();
        }
    }
    for (c, _) in PARTIAL_PREDECESSORS {
        assert!(
            preds.get(*c).is_some_and(|p| p.successors.len() > 1),
            "{c} in PARTIAL_PREDECESSORS is not a split predecessor in the CSV"
        );
    }
    let mut pred_list: Vec<&Pred> = preds.values().collect();
    pred_list.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    let pred_idx: BTreeMap<&str, usize> = pred_list
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code.as_str(), i))
        .collect();

    // --- Districts ----------------------------------------------------------
    let mut districts: Vec<(String, String, String)> = Vec::new(); // (name, code, upper code)
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
    // Indexes are emitted as u8.
    assert!(councils.len() <= 256 && districts.len() <= 256 && bodies.len() <= 256);

    // --- Aliases --------------------------------------------------------------
    let council_aliases: Vec<(&str, usize)> = COUNCIL_ALIASES
        .iter()
        .map(|(alias, code)| {
            let i = *council_idx
                .get(code)
                .unwrap_or_else(|| panic!("COUNCIL_ALIASES: {code}"));
            (*alias, i)
        })
        .collect();
    let old_codes: Vec<(&str, usize)> = OLD_COUNCIL_CODES
        .iter()
        .map(|(old, new)| {
            assert!(
                !councils.contains_key(*old),
                "OLD_COUNCIL_CODES: {old} is current"
            );
            (
                *old,
                *council_idx
                    .get(new)
                    .unwrap_or_else(|| panic!("OLD_COUNCIL_CODES: {new}")),
            )
        })
        .collect();
    let nhs_aliases: Vec<(&str, T)> = NHS_ALIASES
        .iter()
        .map(|(alias, code)| {
            let t = if let Some(i) = body_idx.get(code) {
                T::Body(*i)
            } else if let Some(i) = pred_idx.get(code) {
                T::Former(*i)
            } else {
                panic!("NHS_ALIASES: unknown code {code}")
            };
            (*alias, t)
        })
        .collect();

    // --- Lookup checks ----------------------------------------------------------
    // The runtime compares the forms of a query with the key of every name
    // (see `forms` and `key_form`). Here every key is checked to be
    // unambiguous, and every name to find what it names.

    // Councils (names and aliases), districts, and mySociety's register:
    // abolished councils and their other names, councils in Scotland and
    // Northern Ireland.
    let reg = register(&council_list, &council_idx, &council_aliases, &districts);

    // NHS: 2026 bodies (code, ODS code, name, aliases), then predecessors. A
    // predecessor name equal to a 2026 body's (NHS Hampshire and Isle of
    // Wight kept its name and ODS code) finds the 2026 body.
    let mut nhs_names: Vec<(&str, T)> = Vec::new();
    for (i, b) in body_list.iter().enumerate() {
        for name in [&b.code, &b.ods, &b.name] {
            nhs_names.push((name, T::Body(i)));
        }
    }
    nhs_names.extend(nhs_aliases.iter().filter(|(_, t)| matches!(t, T::Body(_))));
    let mut nhs_keys: BTreeMap<String, T> = BTreeMap::new();
    for (name, t) in &nhs_names {
        add_key(&mut nhs_keys, nhs_key(name), *t, "NHS");
    }
    let same_pred = |a: usize, b: usize| {
        pred_list[a].name == pred_list[b].name && pred_list[a].successors == pred_list[b].successors
    };
    let mut pred_names: Vec<(&str, T)> = Vec::new();
    for (i, p) in pred_list.iter().enumerate() {
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
    // Councils and NHS bodies are looked up separately, so they may share
    // names; districts are council-side only.

    // --- Emit ---------------------------------------------------------------
    let mut o = String::new();
    o.push_str("// @generated by build.rs from data/authorities.csv, data/icb-predecessors.csv\n");
    o.push_str("// and data/lower-tier.csv. Do not edit.\n\n");

    for (i, b) in body_list.iter().enumerate() {
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
    let list: Vec<String> = (0..body_list.len()).map(|i| format!("B{i}")).collect();
    writeln!(
        o,
        "static NHS_BODIES: [NhsBody; {}] = [{}];",
        list.len(),
        list.join(", ")
    )
    .unwrap();

    let mut by_code: Vec<(&str, usize)> = body_list
        .iter()
        .enumerate()
        .map(|(i, b)| (b.code.as_str(), i))
        .collect();
    by_code.sort();
    let by_code: Vec<usize> = by_code.iter().map(|x| x.1).collect();
    writeln!(
        o,
        "static NHS_BY_CODE: [u8; {}] = {by_code:?};\n",
        by_code.len()
    )
    .unwrap();

    writeln!(o, "static COUNCILS: [Council; {}] = [", council_list.len()).unwrap();
    for c in &council_list {
        let nhs: Vec<String> = c
            .nhs
            .iter()
            .map(|n| format!("B{}", body_idx[n.as_str()]))
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
    let mut by_code: Vec<(&str, usize)> = council_list
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    by_code.sort();
    let by_code: Vec<usize> = by_code.iter().map(|x| x.1).collect();
    writeln!(
        o,
        "static COUNCILS_BY_CODE: [u8; {}] = {by_code:?};",
        by_code.len()
    )
    .unwrap();
    let pairs = |v: &[(&str, usize)]| -> String {
        v.iter()
            .map(|(s, i)| format!("({}, {i})", lit(s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let all_aliases: Vec<(&str, usize)> = council_aliases
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
        old_codes.len(),
        pairs(&old_codes)
    )
    .unwrap();

    writeln!(
        o,
        "static DISTRICTS: [(&str, &str); {}] = [",
        districts.len()
    )
    .unwrap();
    for (name, _, upper) in &districts {
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
        .map(|d| council_idx[d.2.as_str()])
        .collect();
    writeln!(
        o,
        "static DISTRICT_COUNCIL: [u8; {}] = {upper:?};",
        upper.len()
    )
    .unwrap();
    let owned = |v: &[(String, usize)]| -> String {
        v.iter()
            .map(|(s, i)| format!("({}, {i})", lit(s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        o,
        "static DISTRICT_ALIASES: [(&str, u8); {}] = [{}];\n",
        reg.district_aliases.len(),
        owned(&reg.district_aliases)
    )
    .unwrap();
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
        owned(&reg.former_names)
    )
    .unwrap();
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
        owned(&reg.other_names)
    )
    .unwrap();

    writeln!(
        o,
        "static FORMER_ICBS: [(&str, &str, &str); {}] = [",
        pred_list.len()
    )
    .unwrap();
    for p in &pred_list {
        writeln!(
            o,
            "    ({}, {}, {}),",
            lit(&p.code),
            lit(&p.name),
            lit(&p.successors[0])
        )
        .unwrap();
    }
    o.push_str("];\n");
    writeln!(
        o,
        "static PREDECESSORS: [Predecessor; {}] = [",
        pred_list.len()
    )
    .unwrap();
    for p in &pred_list {
        let succ: Vec<String> = p
            .successors
            .iter()
            .map(|s| body_idx[s.as_str()].to_string())
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

    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("reference_data.rs");
    // Only rewrite when changed, so dependants are not rebuilt needlessly.
    if fs::read_to_string(&out).ok().as_deref() != Some(o.as_str()) {
        fs::write(&out, o).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    }
}
