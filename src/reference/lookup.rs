//! The match keys of every name in the reference data, built once on first use, and the public look-ups over them:
//! councils, districts, abolished councils, councils elsewhere in the UK and NHS bodies, by code or by a name
//! typed loosely (see the parent module's "Name matching").

// The parent module's types, generated tables and shared normalisation.
use super::*;

/// Normalises a query, or `None` if it is empty or too long to be a name.
pub(super) fn normalise_query(query: &str) -> Option<String> {
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

/// Of `keys`, the one that equals the earliest form of the query (the first such name if several do; the build script
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

// ---------------------------------------------------------------------------
// Suggestions for names not recognised
// ---------------------------------------------------------------------------

/// The most suggestions offered for a name not recognised.
const MAX_SUGGESTIONS: usize = 3;

/// The number of single-character insertions, deletions and substitutions that turn `a` into `b` (Levenshtein),
/// or `None` once it must exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let here = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = here;
            best = best.min(here);
        }
        if best > limit {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= limit)
}

/// How many typing slips a name of this many letters may hold and still be suggested: one in four letters, at
/// least one (so "Narnia" is near nothing, "Birmingam" is near "Birmingham").
fn slips_allowed(len: usize) -> usize {
    (len / 4).max(1)
}

/// The names nearest to `query` among `names`, each with its distance (the fewest typing slips between a form of
/// the query and one of the name's keys), nearest first, at most [`MAX_SUGGESTIONS`].
fn ranked(
    query: &str,
    names: &mut dyn Iterator<Item = (&str, &'static str)>,
    affixes: (&[&str], &[&str]),
) -> Vec<(usize, &'static str)> {
    let Some(q) = normalise_query(query) else {
        return Vec::new();
    };
    let forms = forms(&q, affixes.0, affixes.1);
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for (key, name) in names {
        let distance = forms
            .iter()
            .flatten()
            .filter_map(|f| {
                edit_distance(
                    f,
                    key,
                    slips_allowed(f.chars().count().min(key.chars().count())),
                )
            })
            .min();
        if let Some(d) = distance {
            match found.iter_mut().find(|(_, n)| *n == name) {
                Some(seen) => seen.0 = seen.0.min(d),
                None => found.push((d, name)),
            }
        }
    }
    found.sort();
    found.truncate(MAX_SUGGESTIONS);
    found
}

/// Names of councils (current ones, their other names, districts, abolished councils, and councils in Scotland and
/// Northern Ireland) close to a name that is not recognised, for "Did you mean …?": "Birmingam" → "Birmingham City
/// Council". Each suggestion is itself recognised. Empty for a name nothing is close to ("Narnia").
///
/// A name written short is written out first ("Lancs CC" → "Lancashire County Council", "BANES", "LB Sutton"): see
/// [`read_council`](super::read_council), the one loose matcher the screen and the interview share.
#[must_use]
pub fn council_suggestions(query: &str) -> Vec<&'static str> {
    super::loose::council_suggestions(query)
}

/// The council names nearest to `query`, with their distances (see [`council_suggestions`]).
pub(super) fn ranked_councils(query: &str) -> Vec<(usize, &'static str)> {
    let councils = council_keys()
        .iter()
        .filter_map(|(k, i)| COUNCILS.get(*i).map(|c| (&**k, c.name)));
    let districts = district_keys()
        .iter()
        .filter_map(|(k, i)| DISTRICTS.get(*i).map(|d| (&**k, d.0)));
    let former = former_keys()
        .iter()
        .filter_map(|(k, i)| FORMER_COUNCILS.get(*i).map(|f| (&**k, f.name)));
    let elsewhere = other_uk_keys()
        .iter()
        .filter_map(|(k, i)| OTHER_UK.get(*i).map(|o| (&**k, o.0)));
    let mut all = councils.chain(districts).chain(former).chain(elsewhere);
    ranked(query, &mut all, (COUNCIL_PREFIXES, COUNCIL_SUFFIXES))
}

/// Names of NHS bodies (the 2026 bodies and the ICBs before them, and their other names) close to a name that is
/// not recognised.
#[must_use]
pub fn nhs_suggestions(query: &str) -> Vec<&'static str> {
    ranked_nhs(query).into_iter().map(|(_, n)| n).collect()
}

/// The NHS body names nearest to `query`, with their distances (see [`nhs_suggestions`]).
pub(super) fn ranked_nhs(query: &str) -> Vec<(usize, &'static str)> {
    let mut all = nhs_keys().iter().filter_map(|(k, t)| {
        let name = match *t {
            NhsTarget::Body(i) => NHS_BODIES.get(usize::from(i))?.name,
            NhsTarget::Former(i) => FORMER_ICBS.get(usize::from(i))?.1,
        };
        Some((&**k, name))
    });
    ranked(query, &mut all, (NHS_PREFIXES, NHS_SUFFIXES))
}

/// Is this a council the register knows: a current council, district or other name of one, an abolished council
/// (whether or not its area was divided), or a council in Scotland or Northern Ireland?
#[must_use]
pub fn is_known_council(query: &str) -> bool {
    find_council(query).is_some()
        || find_former_council(query).is_some()
        || find_council_elsewhere(query).is_some()
}

/// Is this an NHS body (or an ICB before the 2026 mergers) the register knows?
#[must_use]
pub fn is_known_nhs_body(query: &str) -> bool {
    nhs_target(query).is_some()
}
