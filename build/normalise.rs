//! Normalisation of names, as the runtime does it: the block shared with
//! `src/reference.rs` (checked identical by `main`), then the build script's
//! own uses of it (keys, lookups as the runtime makes them).

use std::collections::BTreeMap;

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

// The items of the shared block stay private, as in src/reference.rs; the rest
// of the build script reaches them through the functions below.

pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::new();
    normalise_into(s, &mut out);
    out
}

pub(crate) fn council_key(name: &str) -> String {
    key_form(
        &normalise(name),
        COUNCIL_PREFIXES,
        COUNCIL_SUFFIXES,
        COUNCIL_KEY_BLOCKLIST,
    )
    .to_string()
}

pub(crate) fn nhs_key(name: &str) -> String {
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
pub(crate) fn add_key<V: PartialEq + std::fmt::Debug>(
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

/// The forms of a normalised query tried against council keys (see `forms`).
pub(crate) fn council_forms(q: &str) -> [Option<&str>; 4] {
    forms(q, COUNCIL_PREFIXES, COUNCIL_SUFFIXES)
}

/// Looks a council-side name up as the runtime does (see `find`).
pub(crate) fn find_council_side<'a, V>(keys: &'a BTreeMap<String, V>, name: &str) -> Option<&'a V> {
    find(keys, name, COUNCIL_PREFIXES, COUNCIL_SUFFIXES)
}

/// Looks an NHS name up as the runtime does (see `find`).
pub(crate) fn find_nhs<'a, V>(keys: &'a BTreeMap<String, V>, name: &str) -> Option<&'a V> {
    find(keys, name, NHS_PREFIXES, NHS_SUFFIXES)
}
