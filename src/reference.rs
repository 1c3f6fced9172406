//! Reference data: councils with social services responsibilities in England
//! and Wales, the NHS bodies (integrated care boards and local health boards)
//! that cover their areas, English districts, and the ICBs that existed before
//! the April 2026 mergers. Also the forgiving name lookups used to recognise
//! what a user typed.
//!
//! # The data
//!
//! The tables are compiled in by `build.rs` from three CSV files in `data/`:
//!
//! - `authorities.csv`: the 175 councils with social services
//!   responsibilities (153 English upper-tier authorities as in the ONS May
//!   2026 lookup, 22 Welsh principal councils), each with the NHS body or
//!   bodies covering its area. NHS bodies are the 36 integrated care boards
//!   (ICBs) as from 1 April 2026 and the 7 Welsh local health boards (LHBs),
//!   unchanged since 1 April 2019.
//! - `icb-predecessors.csv`: the ICBs of July 2022 to March 2026 and the 2026
//!   ICB(s) that took over their areas.
//! - `lower-tier.csv`: the 164 English non-metropolitan districts and their
//!   county councils.
//! - `mysociety/`: mySociety's register of UK local authorities, past and
//!   current (CC BY 4.0): the names people write for councils, the councils
//!   abolished since 2019 with the date and their successors, and the councils
//!   of Scotland and Northern Ireland.
//!
//! The sources are public ONS, NHS England ODS, GOV.UK and mySociety data,
//! mostly under the Open Government Licence v3.0; `data/SOURCES.md` gives each
//! source, the commit read, the cross-checks made and the open caveats, and
//! `data/LICENCE.md` the licences and attributions.
//!
//! # An LA→ICB row is a geographic default
//!
//! Section 117(3) of the Mental Health Act 1983 allocates the ICB by the
//! person's GP registration or ordinary residence, **not** by council area. The
//! council → NHS body mapping here is derived from boundaries (which ICB holds
//! the council's area). It is a sensible default and a prompt, never an
//! answer: where [`Council::nhs`] holds more than one body the area is split
//! and the person's postcode or GP practice decides, and even for an unsplit
//! area the responsible ICB can differ. The mapping is a validated overlay of
//! ONS boundaries, not the official ONS LSOA→ICB lookup itself (see
//! `data/SOURCES.md`, section E and caveat 1).
//!
//! # Name matching
//!
//! [`find_council`] and [`find_nhs_body`] accept codes and names typed
//! loosely: case, punctuation, extra spaces, "&" versus "and", "the", and
//! common affixes ("County Council", "London Borough of", "NHS", "Integrated
//! Care Board", "University Health Board" …) are ignored, and a handful of
//! everyday names ("Hull", "Brighton", "Cardiff and Vale", "BOB") are known.
//! Nothing is guessed beyond that: a name that is not recognised gives `None`,
//! and the caller keeps it as typed. The lookups never panic and allocate at
//! most two small strings; they compare the query with a few hundred names,
//! which takes microseconds.

use chrono::NaiveDate;

/// England or Wales.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nation {
    /// England: councils are county councils, unitary authorities,
    /// metropolitan boroughs, London boroughs, the City of London and the
    /// Isles of Scilly; the NHS bodies are integrated care boards.
    England,
    /// Wales: councils are principal councils; the NHS bodies are local
    /// health boards.
    Wales,
}

/// An NHS body that holds the s117 duty for an area: an ICB (England, ONS code
/// E54…) or a local health board (Wales, W11…), as from 1 April 2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NhsBody {
    /// ONS code, e.g. "E54000032" or "W11000029".
    pub code: &'static str,
    /// NHS ODS organisation code, e.g. "QKS" or "7A4".
    pub ods: &'static str,
    /// Full name, e.g. "NHS Kent and Medway Integrated Care Board".
    pub name: &'static str,
    /// The nation the body serves.
    pub nation: Nation,
}

/// A council with social services responsibilities (English upper-tier
/// authority or Welsh principal council).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Council {
    /// ONS code: E06 (unitary), E08 (metropolitan borough), E09 (London
    /// borough or City of London), E10 (county council) or W06 (Welsh
    /// principal council).
    pub code: &'static str,
    /// The council's name, e.g. "London Borough of Sutton". Styles differ
    /// between sources; check the council's letterhead before writing to it.
    pub name: &'static str,
    /// England or Wales.
    pub nation: Nation,
    /// One of `county_council`, `unitary_authority`, `metropolitan_borough`,
    /// `london_borough`, `city_of_london`, `isles_of_scilly`,
    /// `welsh_principal_council`.
    pub la_type: &'static str,
    /// NHS bodies covering the area, the one covering most of it first. More
    /// than one = split area. This is a geographic default only (see the
    /// module documentation).
    pub nhs: &'static [NhsBody],
}

impl Council {
    /// Whether the council's area is covered by more than one NHS body, so
    /// that the person's postcode or GP practice decides which one.
    #[must_use]
    pub fn is_split(&self) -> bool {
        self.nhs.len() > 1
    }
}

/// How a typed council name was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilVia {
    /// The council's own ONS code (or a superseded code of the same council).
    Code,
    /// The council's name, with or without affixes such as "Council", or a
    /// well-known other name ("Hull", "Caerdydd").
    Name,
    /// A current English district (by name or E07 code); the match is the
    /// county council, which holds social services duties for the district.
    District {
        /// The district's ONS name, e.g. "Bromsgrove".
        district: &'static str,
    },
    /// An abolished district (from mySociety's register: Harrogate in 2023,
    /// Corby in 2021, Wycombe in 2020, Christchurch in 2019 …); the match is the
    /// council that now holds social services for its area, and
    /// [`CouncilMatch::former`] says when it was abolished.
    FormerDistrict {
        /// The former district's short name, e.g. "Harrogate".
        district: &'static str,
    },
}

/// A council recognised from what the user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CouncilMatch {
    /// The council.
    pub council: &'static Council,
    /// How it was recognised.
    pub via: CouncilVia,
    /// The abolished council the name or code was of, if it was one
    /// ("Somerset County Council", "Bournemouth", "Harrogate"): `council` is
    /// then the one council that now covers its whole area.
    pub former: Option<&'static FormerCouncil>,
}

/// A council that no longer exists, from mySociety's register of UK local
/// authorities (`data/mysociety/`): an English county, unitary or district
/// council abolished by a structural change order, with the councils that
/// now hold social services for its area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormerCouncil {
    /// Its ONS code, e.g. "E10000006".
    pub code: &'static str,
    /// Its official name, e.g. "Cumbria County Council".
    pub name: &'static str,
    /// Its short name, e.g. "Cumbria".
    pub short_name: &'static str,
    /// It was a non-metropolitan district (social services were the county's).
    pub was_district: bool,
    /// The first day it no longer existed (its successors' first day).
    pub abolished: NaiveDate,
    /// Indexes into `COUNCILS` of the councils now covering its area.
    successors: &'static [u8],
    /// For an area divided between several councils: the former districts
    /// each took, in the order of `successors` (e.g. "Allerdale, Carlisle and
    /// Copeland"); empty otherwise.
    parts: &'static [&'static str],
}

impl FormerCouncil {
    /// The councils that now hold social services for its area, sorted by
    /// name: one, or several where its area was divided (Cumbria,
    /// Northamptonshire).
    pub fn successors(&self) -> impl Iterator<Item = &'static Council> {
        self.successors
            .iter()
            .filter_map(|&i| COUNCILS.get(usize::from(i)))
    }

    /// Whether its area was divided between several councils, so that the
    /// person's place decides which one.
    #[must_use]
    pub fn is_divided(&self) -> bool {
        self.successors.len() > 1
    }

    /// For a divided area, the former districts that went to `council`
    /// ("Allerdale, Carlisle and Copeland"); `None` otherwise.
    #[must_use]
    pub fn part_taken_by(&self, council: &Council) -> Option<&'static str> {
        self.successors()
            .position(|c| c.code == council.code)
            .and_then(|i| self.parts.get(i))
            .copied()
    }
}

/// Scotland or Northern Ireland, where the Mental Health Act 1983 s.117 does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherNation {
    /// Scotland: the Mental Health (Care and Treatment) (Scotland) Act 2003.
    Scotland,
    /// Northern Ireland: the Mental Health (Northern Ireland) Order 1986.
    NorthernIreland,
}

/// A council in Scotland or Northern Ireland, recognised from what the user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherUkCouncil {
    /// Its official name, e.g. "Glasgow City Council".
    pub name: &'static str,
    /// Scotland or Northern Ireland.
    pub nation: OtherNation,
}

/// A date in a table generated by build.rs (checked there, so this cannot fail).
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("build.rs wrote an invalid date"),
    }
}

/// An NHS body as recognised from what the user typed, mapped to its
/// successor where it merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NhsMatch {
    /// The body as of 1 April 2026.
    pub body: &'static NhsBody,
    /// The predecessor ICB's name, if the user named (or gave the code of) an
    /// ICB that existed before April 2026; `None` for a current body.
    pub typed_as: Option<&'static str>,
    /// When the predecessor's area passed to `body` (1 April 2026); `None`
    /// for a current body.
    pub merged_on: Option<NaiveDate>,
    /// The predecessor passed only part of its area to this body (see
    /// `data/SOURCES.md`, "Predecessor detail"), so `body` is a best guess: the
    /// person's council area, postcode or GP practice decides.
    pub partial: bool,
}

/// A pre-April-2026 ICB: its ODS code, its successors (indexes into
/// `NHS_BODIES`, largest part first) and the date its area passed to them.
/// Its ONS code and name are in `FORMER_ICBS`, at the same index.
struct Predecessor {
    ods: &'static str,
    successors: &'static [u8],
    from: Option<NaiveDate>,
}

/// What an NHS name points at.
#[derive(Clone, Copy)]
enum NhsTarget {
    /// Index into `NHS_BODIES`.
    Body(u8),
    /// Index into `PREDECESSORS` and `FORMER_ICBS`.
    Former(u8),
}

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/reference_data.rs"));

/// Queries longer than this (in bytes, after trimming) are not names of
/// anything here and are rejected without further work.
const MAX_QUERY_LEN: usize = 200;

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

/// Normalises a query, or `None` if it is empty or too long to be a name.
fn normalise_query(query: &str) -> Option<String> {
    let q = query.trim();
    if q.is_empty() || q.len() > MAX_QUERY_LEN {
        return None;
    }
    let mut n = String::with_capacity(q.len());
    normalise_into(q, &mut n);
    (!n.is_empty()).then_some(n)
}

/// The affixes and blocked keys of one kind of name.
struct Affixes {
    prefixes: &'static [&'static str],
    suffixes: &'static [&'static str],
    blocked: &'static [&'static str],
}

const COUNCIL_AFFIXES: Affixes = Affixes {
    prefixes: COUNCIL_PREFIXES,
    suffixes: COUNCIL_SUFFIXES,
    blocked: COUNCIL_KEY_BLOCKLIST,
};

const NHS_AFFIXES: Affixes = Affixes {
    prefixes: NHS_PREFIXES,
    suffixes: NHS_SUFFIXES,
    blocked: &[],
};

/// Names with their match keys, sorted by key, computed once per table on first use: normalising every name on
/// every lookup was most of the time a check took (the core stays pure: this is memoisation, not state anyone can
/// observe). Sorted, so that a lookup is a few binary searches however many names there are.
type Keys<T> = Vec<(Box<str>, T)>;

/// The keys of `names`, sorted (stably: of equal keys, the first name stays first).
fn keys<T>(affixes: &Affixes, names: impl Iterator<Item = (&'static str, T)>) -> Keys<T> {
    let mut buf = String::with_capacity(96);
    let mut keys: Keys<T> = names
        .map(|(name, t)| {
            normalise_into(name, &mut buf);
            let key = key_form(&buf, affixes.prefixes, affixes.suffixes, affixes.blocked);
            (Box::from(key), t)
        })
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys
}

/// The whole normalised names of `names` (no affixes stripped), sorted stably.
fn full_keys<T>(names: impl Iterator<Item = (&'static str, T)>) -> Keys<T> {
    let mut buf = String::with_capacity(96);
    let mut keys: Keys<T> = names
        .map(|(name, t)| {
            normalise_into(name, &mut buf);
            (Box::from(buf.as_str()), t)
        })
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys
}

/// The value of the first name whose key is `key`.
fn exact<T: Copy>(key: &str, keys: &[(Box<str>, T)]) -> Option<T> {
    let at = keys.partition_point(|(k, _)| &**k < key);
    keys.get(at).filter(|(k, _)| &**k == key).map(|(_, t)| *t)
}

/// Of `keys`, the one that equals the earliest form of the query (the first such name if several do; build.rs
/// ensures there is at most one unless a tie is intended).
fn best<T: Copy>(forms: &[Option<&str>; 4], keys: &[(Box<str>, T)]) -> Option<(usize, T)> {
    forms
        .iter()
        .enumerate()
        .find_map(|(rank, f)| f.and_then(|f| exact(f, keys)).map(|t| (rank, t)))
}

/// Council names and aliases (the ONS names, everyday names, and other names from mySociety's register) → index
/// into `COUNCILS`.
fn council_keys() -> &'static Keys<usize> {
    static KEYS: OnceLock<Keys<usize>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let names = COUNCILS
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name, i))
            .chain(COUNCIL_ALIASES.iter().map(|&(a, i)| (a, usize::from(i))));
        keys(&COUNCIL_AFFIXES, names)
    })
}

/// District names and their other names → index into `DISTRICTS`.
fn district_keys() -> &'static Keys<usize> {
    static KEYS: OnceLock<Keys<usize>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let names = DISTRICTS
            .iter()
            .enumerate()
            .map(|(i, d)| (d.0, i))
            .chain(DISTRICT_ALIASES.iter().map(|&(a, i)| (a, usize::from(i))));
        keys(&COUNCIL_AFFIXES, names)
    })
}

/// Names of abolished councils → index into `FORMER_COUNCILS`.
fn former_names() -> impl Iterator<Item = (&'static str, usize)> {
    FORMER_COUNCILS
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name, i))
        .chain(FORMER_NAMES.iter().map(|&(a, i)| (a, usize::from(i))))
}

/// Names of abolished councils, by key → index into `FORMER_COUNCILS`.
fn former_keys() -> &'static Keys<usize> {
    static KEYS: OnceLock<Keys<usize>> = OnceLock::new();
    KEYS.get_or_init(|| keys(&COUNCIL_AFFIXES, former_names()))
}

/// Names of abolished councils, whole ("Somerset County Council", whose key is Somerset Council's) → index into
/// `FORMER_COUNCILS`.
fn former_full_keys() -> &'static Keys<usize> {
    static KEYS: OnceLock<Keys<usize>> = OnceLock::new();
    KEYS.get_or_init(|| full_keys(former_names()))
}

/// Names of councils in Scotland and Northern Ireland → index into `OTHER_UK`.
fn other_uk_keys() -> &'static Keys<usize> {
    static KEYS: OnceLock<Keys<usize>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let names = OTHER_UK
            .iter()
            .enumerate()
            .map(|(i, o)| (o.0, i))
            .chain(OTHER_UK_NAMES.iter().map(|&(a, i)| (a, usize::from(i))));
        keys(&COUNCIL_AFFIXES, names)
    })
}

/// Codes, ODS codes, names and aliases of 2026 NHS bodies, then of their predecessors.
fn nhs_keys() -> &'static Keys<NhsTarget> {
    static KEYS: OnceLock<Keys<NhsTarget>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let bodies = NHS_BODIES
            .iter()
            .zip(0u8..)
            .flat_map(|(b, i)| [b.code, b.ods, b.name].map(|n| (n, NhsTarget::Body(i))));
        let preds = FORMER_ICBS
            .iter()
            .zip(PREDECESSORS.iter())
            .zip(0u8..)
            .flat_map(|((f, p), i)| [f.0, p.ods, f.1].map(|n| (n, NhsTarget::Former(i))));
        keys(
            &NHS_AFFIXES,
            bodies.chain(preds).chain(NHS_ALIASES.iter().copied()),
        )
    })
}

/// Upper-cases an ONS code (a letter and 8 digits, as "E09000029") into
/// `buf`; `None` if it cannot be one.
fn code_key<'a>(code: &str, buf: &'a mut [u8; 9]) -> Option<&'a str> {
    let code = code.trim().as_bytes();
    let [letter, digits @ ..] = code else {
        return None;
    };
    if !letter.is_ascii_alphabetic() || digits.len() != 8 || !digits.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(code) {
        *b = c.to_ascii_uppercase();
    }
    core::str::from_utf8(buf).ok()
}

/// Binary search of an index sorted by code.
fn by_code<T>(
    index: &[u8],
    items: &'static [T],
    code_of: fn(&T) -> &str,
    code: &str,
) -> Option<&'static T> {
    let mut buf = [0u8; 9];
    let code = code_key(code, &mut buf)?;
    index
        .binary_search_by(|&i| items.get(usize::from(i)).map_or("", code_of).cmp(code))
        .ok()
        .and_then(|pos| index.get(pos))
        .and_then(|&i| items.get(usize::from(i)))
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// All 175 councils, sorted by name, one entry per council (a split area has
/// several entries in [`Council::nhs`]).
#[must_use]
pub fn councils() -> &'static [Council] {
    &COUNCILS
}

/// All NHS bodies as from 1 April 2026: the 36 ICBs and the 7 Welsh local
/// health boards, sorted by name.
#[must_use]
pub fn nhs_bodies() -> &'static [NhsBody] {
    &NHS_BODIES
}

/// The 164 English non-metropolitan districts as (district name, ONS code of
/// its county council), sorted by district name.
#[must_use]
pub fn districts() -> &'static [(&'static str, &'static str)] {
    &DISTRICTS
}

/// The predecessor ICB names (pre-April-2026) with their codes, for lists:
/// (ONS code, name, ONS code of the successor). A predecessor that passed
/// parts of its area to several ICBs is listed with the one that took the
/// largest part; [`nhs_successors`] gives them all. Sorted by name. Earlier
/// codes of one ICB are listed separately (Surrey Heartlands E54000052 and
/// E54000063, Sussex E54000053 and E54000064), as is NHS Hampshire and Isle of
/// Wight's pre-2026 code E54000042.
#[must_use]
pub fn former_icbs() -> &'static [(&'static str, &'static str, &'static str)] {
    &FORMER_ICBS
}

/// The council with this ONS code (E06, E08, E09, E10 or W06; any case,
/// surrounding spaces ignored). District (E07) codes and superseded codes
/// are not council codes: use [`find_council`] for those.
#[must_use]
pub fn council_by_code(code: &str) -> Option<&'static Council> {
    by_code(&COUNCILS_BY_CODE, &COUNCILS, |c| c.code, code)
}

/// The 2026 NHS body with this ONS code (E54… or W11…; any case). Codes of
/// predecessor ICBs are not accepted here: use [`find_nhs_body`].
#[must_use]
pub fn nhs_body_by_code(code: &str) -> Option<&'static NhsBody> {
    by_code(&NHS_BY_CODE, &NHS_BODIES, |b| b.code, code)
}

/// Recognises a council from a code or a loosely typed name.
///
/// In order: the council's ONS code (or a superseded one, or an E07 district
/// code, giving its county); the council's name, ignoring case, punctuation,
/// "the", "&"/"and" and affixes such as "Council", "County Council", "London
/// Borough of", "City of"; well-known other names ("Hull", "Brighton",
/// Welsh-language names, and the names in mySociety's register); a current
/// English district ("Bromsgrove" → Worcestershire County Council,
/// [`CouncilVia::District`]); an abolished council whose whole area one
/// council now covers ("Harrogate" → North Yorkshire Council,
/// [`CouncilVia::FormerDistrict`]; "Somerset County Council" → Somerset
/// Council), with [`CouncilMatch::former`] set. The whole name of an
/// abolished council is tried before affixes are stripped, so "Dorset County
/// Council" is the abolished county, not a loose spelling of Dorset Council.
///
/// Anything else gives `None`: nothing is guessed. That includes an abolished
/// council whose area was divided ("Cumbria", "Northamptonshire"): see
/// [`find_former_council`]; and councils in Scotland and Northern Ireland: see
/// [`find_council_elsewhere`].
#[must_use]
pub fn find_council(query: &str) -> Option<CouncilMatch> {
    let found = |council: Option<&'static Council>, via| {
        council.map(|council| CouncilMatch {
            council,
            via,
            former: None,
        })
    };
    if let Some(council) = council_by_code(query) {
        return found(Some(council), CouncilVia::Code);
    }
    let mut code_buf = [0u8; 9];
    if let Some(code) = code_key(query, &mut code_buf) {
        if let Some(&(_, i)) = OLD_COUNCIL_CODES.iter().find(|(old, _)| *old == code) {
            return found(COUNCILS.get(usize::from(i)), CouncilVia::Code);
        }
        let district = DISTRICT_CODES
            .as_bytes()
            .chunks(9)
            .position(|c| c == code.as_bytes());
        if let Some(i) = district {
            let district = DISTRICTS.get(i)?.0;
            let council = COUNCILS.get(usize::from(*DISTRICT_COUNCIL.get(i)?));
            return found(council, CouncilVia::District { district });
        }
        let former = FORMER_COUNCILS.iter().find(|f| f.code == code)?;
        return covering(former, CouncilVia::Code);
    }

    let q = normalise_query(query)?;
    let forms = forms(&q, COUNCIL_PREFIXES, COUNCIL_SUFFIXES);
    if let Some(i) = exact(&q, council_keys()) {
        return found(COUNCILS.get(i), CouncilVia::Name);
    }
    if let Some(i) = exact(&q, former_full_keys()) {
        return covering(FORMER_COUNCILS.get(i)?, former_via(FORMER_COUNCILS.get(i)?));
    }
    if let Some((_, i)) = best(&forms, council_keys()) {
        return found(COUNCILS.get(i), CouncilVia::Name);
    }
    if let Some((_, i)) = best(&forms, district_keys()) {
        let district = DISTRICTS.get(i)?.0;
        let council = COUNCILS.get(usize::from(*DISTRICT_COUNCIL.get(i)?));
        return found(council, CouncilVia::District { district });
    }
    let (_, i) = best(&forms, former_keys())?;
    let former = FORMER_COUNCILS.get(i)?;
    covering(former, former_via(former))
}

/// How a name of an abolished council was recognised.
fn former_via(former: &'static FormerCouncil) -> CouncilVia {
    if former.was_district {
        CouncilVia::FormerDistrict {
            district: former.short_name,
        }
    } else {
        CouncilVia::Name
    }
}

/// The one council covering an abolished council's area; `None` if its area was divided.
fn covering(former: &'static FormerCouncil, via: CouncilVia) -> Option<CouncilMatch> {
    match former.successors {
        [only] => COUNCILS
            .get(usize::from(*only))
            .map(|council| CouncilMatch {
                council,
                via,
                former: Some(former),
            }),
        _ => None,
    }
}

/// Recognises an abolished council (from mySociety's register) by its code or
/// a loosely typed name, whether one council or several now cover its area
/// ("Cumbria" → Cumbria County Council, divided between Cumberland and
/// Westmorland and Furness in 2023). `None` if the query is the name of a
/// current council or district ("Somerset" is Somerset Council), or not of an
/// abolished council.
#[must_use]
pub fn find_former_council(query: &str) -> Option<&'static FormerCouncil> {
    let mut code_buf = [0u8; 9];
    if let Some(code) = code_key(query, &mut code_buf) {
        return FORMER_COUNCILS.iter().find(|f| f.code == code);
    }
    let q = normalise_query(query)?;
    if exact(&q, council_keys()).is_some() {
        return None;
    }
    if let Some(i) = exact(&q, former_full_keys()) {
        return FORMER_COUNCILS.get(i);
    }
    let forms = forms(&q, COUNCIL_PREFIXES, COUNCIL_SUFFIXES);
    if best(&forms, council_keys()).is_some() || best(&forms, district_keys()).is_some() {
        return None;
    }
    best(&forms, former_keys()).and_then(|(_, i)| FORMER_COUNCILS.get(i))
}

/// Every abolished English council in mySociety's register, with the councils
/// now covering its area.
#[must_use]
pub fn former_councils() -> &'static [FormerCouncil] {
    &FORMER_COUNCILS
}

/// Recognises a council in Scotland or Northern Ireland from a loosely typed
/// name ("Glasgow City Council", "Fife", "Belfast"), from mySociety's
/// register. Such a council cannot hold the s.117 duty. Names of English and
/// Welsh councils are never matched here; call [`find_council`] first.
#[must_use]
pub fn find_council_elsewhere(query: &str) -> Option<OtherUkCouncil> {
    let q = normalise_query(query)?;
    let forms = forms(&q, COUNCIL_PREFIXES, COUNCIL_SUFFIXES);
    let (_, i) = best(&forms, other_uk_keys())?;
    OTHER_UK
        .get(i)
        .map(|&(name, nation)| OtherUkCouncil { name, nation })
}

/// The NHS body or predecessor a query names. 2026 bodies come first, so
/// they win ties with predecessors (NHS Hampshire and Isle of Wight kept its
/// name and ODS code).
fn nhs_target(query: &str) -> Option<NhsTarget> {
    let q = normalise_query(query)?;
    let forms = forms(&q, NHS_PREFIXES, NHS_SUFFIXES);
    best(&forms, nhs_keys()).map(|(_, t)| t)
}

/// The matches for a target: one for a current body, one per successor
/// (largest part first) for a predecessor.
fn target_matches(t: NhsTarget) -> impl Iterator<Item = NhsMatch> {
    let (current, former) = match t {
        NhsTarget::Body(i) => (Some(i), None),
        NhsTarget::Former(i) => (None, Some(usize::from(i))),
    };
    let pred = former.and_then(|i| PREDECESSORS.get(i));
    let typed_as = former.and_then(|i| FORMER_ICBS.get(i)).map(|f| f.1);
    let successors: &'static [u8] = pred.map_or(&[], |p| p.successors);
    let partial = successors.len() > 1;
    let merged_on = pred.and_then(|p| p.from);
    current
        .into_iter()
        .chain(successors.iter().copied())
        .filter_map(move |b| {
            Some(NhsMatch {
                body: NHS_BODIES.get(usize::from(b))?,
                typed_as,
                merged_on,
                partial,
            })
        })
}

/// Recognises an NHS body from a code or a loosely typed name, mapping a
/// pre-April-2026 ICB to its successor.
///
/// Accepts ONS codes ("E54000032", "W11000029"), ODS codes ("QKS", "7A4"),
/// full names and names without "NHS", "Integrated Care Board", "ICB",
/// "University Health Board", "Teaching Health Board", "Health Board" or "LHB"
/// ("Kent and Medway", "Cardiff and Vale", "Powys"), and common abbreviations
/// ("BOB", "BCUHB"). Case, punctuation, "the" and "&"/"and" are ignored.
///
/// A predecessor ICB that passed only part of its area to each of several
/// ICBs (Hertfordshire and West Essex, Suffolk and North East Essex, Frimley)
/// gives the successor that took the largest part, with
/// [`NhsMatch::partial`] set; [`nhs_successors`] lists them all.
#[must_use]
pub fn find_nhs_body(query: &str) -> Option<NhsMatch> {
    nhs_target(query).and_then(|t| target_matches(t).next())
}

/// Every NHS body a typed name or code may now mean: one match for a current
/// body or a predecessor that passed its whole area to one ICB; for a
/// predecessor split between several ICBs, one match per successor, largest
/// part first, each with [`NhsMatch::partial`] set. Empty if not recognised.
#[must_use]
pub fn nhs_successors(query: &str) -> Vec<NhsMatch> {
    nhs_target(query).map_or_else(Vec::new, |t| target_matches(t).collect())
}
