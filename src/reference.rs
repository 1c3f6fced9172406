//! Reference data: councils with social services responsibilities in England
//! and Wales, the NHS bodies (integrated care boards and local health boards)
//! that cover their areas, English districts, and the ICBs that existed before
//! the April 2026 mergers. Also the forgiving name lookups used to recognise
//! what a user typed.
//!
//! # The data
//!
//! The tables are compiled in by the build script (`build/`) from three CSV
//! files in `data/`:
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

/// A date in a table generated by the build script (checked there, so this cannot fail).
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("the build script wrote an invalid date"),
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

mod lookup;
mod loose;
pub use lookup::{
    council_by_code, council_suggestions, councils, districts, find_council,
    find_council_elsewhere, find_former_council, find_nhs_body, former_councils, former_icbs,
    is_known_council, is_known_nhs_body, nhs_bodies, nhs_body_by_code, nhs_successors,
    nhs_suggestions,
};
pub use loose::{read_council, read_nhs_body, Reading};

include!(concat!(env!("OUT_DIR"), "/reference_data.rs"));

/// Queries longer than this (in bytes, after trimming) are not names of
/// anything here and are rejected without further work.
const MAX_QUERY_LEN: usize = 200;

// BEGIN SHARED NORMALISATION
// This block is identical in build/normalise.rs and src/reference.rs; the
// build script checks that it is, so the build-time checks of the lookup keys
// hold at run time.

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
