//! Reading a council or NHS body name written loosely, as firms' systems and people write them: short forms
//! ("Lancs CC", "LB Sutton", "N Yorks", "BANES", "RBKC"), a department after the name ("Leeds Adult Social Care"),
//! and typing slips ("Birmingam"). The one loose matcher: the screen reads a cell with it ([`read_council`]), and
//! the interview's "Did you mean …?" offers what it finds ([`council_suggestions`]).
//!
//! Nothing is read loosely without being said: a caller shows what a name was read as, and a name near several
//! others, or near none, is not read at all (its nearest names are given instead).

use super::lookup::{normalise_query, ranked_councils, ranked_nhs};
use super::{
    find_council, find_council_elsewhere, find_former_council, is_known_nhs_body, CouncilVia,
    MAX_QUERY_LEN,
};
use crate::memo::Memory;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// How a name was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Recognised as written (a current council or NHS body, a district, or an abolished council): keep it as
    /// written.
    AsWritten,
    /// Recognised as written, as a council in Scotland or Northern Ireland, which cannot hold the s.117 duty.
    Elsewhere(super::OtherUkCouncil),
    /// Read as this name, which is recognised: a short form written out, or a typing slip put right.
    ReadAs(&'static str),
    /// Not recognised: the nearest names, nearest first (none if nothing is near; several equally near means the
    /// name could be any of them).
    Unknown(Vec<&'static str>),
}

/// Short forms of whole council names (normalised: "B&NES" is "b nes"), and the name each stands for.
const COUNCIL_ACRONYMS: &[(&str, &str)] = &[
    ("banes", "Bath and North East Somerset Council"),
    ("b nes", "Bath and North East Somerset Council"),
    ("bnes", "Bath and North East Somerset Council"),
    ("rbkc", "Royal Borough of Kensington and Chelsea"),
    ("rbwm", "Royal Borough of Windsor and Maidenhead"),
    ("rbg", "Royal Borough of Greenwich"),
    ("lbbd", "London Borough of Barking and Dagenham"),
    ("lbhf", "London Borough of Hammersmith & Fulham"),
    ("h f", "London Borough of Hammersmith & Fulham"),
    ("bcp", "Bournemouth, Christchurch and Poole Council"),
    ("rct", "Rhondda Cynon Taf County Borough Council"),
    ("npt", "Neath Port Talbot County Borough Council"),
    ("nycc", "North Yorkshire County Council"),
    ("eryc", "East Riding of Yorkshire Council"),
    ("nelc", "North East Lincolnshire Council"),
    ("cwac", "Cheshire West and Chester Council"),
    ("bwd", "Blackburn with Darwen Borough Council"),
    ("wnc", "West Northamptonshire Council"),
    ("nnc", "North Northamptonshire Council"),
    ("kcc", "Kent County Council"),
    ("ecc", "Essex County Council"),
];

/// Short forms of words in council names (normalised), and the words they stand for.
const COUNCIL_WORDS: &[(&str, &str)] = &[
    ("lb", "london borough of"),
    ("rb", "royal borough of"),
    ("met", "metropolitan"),
    ("boro", "borough"),
    ("cty", "county"),
    ("n", "north"),
    ("s", "south"),
    ("e", "east"),
    ("w", "west"),
    ("ne", "north east"),
    ("nw", "north west"),
    ("se", "south east"),
    ("sw", "south west"),
    ("yorks", "yorkshire"),
    ("lancs", "lancashire"),
    ("glos", "gloucestershire"),
    ("gloucs", "gloucestershire"),
    ("hants", "hampshire"),
    ("herts", "hertfordshire"),
    ("beds", "bedfordshire"),
    ("bucks", "buckinghamshire"),
    ("cambs", "cambridgeshire"),
    ("northants", "northamptonshire"),
    ("notts", "nottinghamshire"),
    ("staffs", "staffordshire"),
    ("wilts", "wiltshire"),
    ("worcs", "worcestershire"),
    ("warks", "warwickshire"),
    ("leics", "leicestershire"),
    ("lincs", "lincolnshire"),
    ("oxon", "oxfordshire"),
    ("derbys", "derbyshire"),
    ("shrops", "shropshire"),
    ("berks", "berkshire"),
    ("northumb", "northumberland"),
    ("glam", "glamorgan"),
    ("soton", "southampton"),
];

/// A department or service written after a council's name ("Leeds Adult Social Care"), normalised, dropped.
const DEPARTMENTS: &[&str] = &[
    " adult social care",
    " adults social care",
    " adult social services",
    " adult services",
    " social services",
    " social care",
    " asc",
    " department",
    " dept",
];

/// A council's name written out: the whole-name short form's name, or the words written out and any department
/// dropped. `None` when there is nothing to write out.
fn written_out(normalised: &str) -> Option<String> {
    if let Some(&(_, name)) = COUNCIL_ACRONYMS.iter().find(|(a, _)| *a == normalised) {
        return Some(name.to_owned());
    }
    let mut text = normalised;
    while let Some(rest) = DEPARTMENTS.iter().find_map(|d| text.strip_suffix(d)) {
        text = rest;
    }
    let words: Vec<&str> = text
        .split(' ')
        .map(|w| {
            COUNCIL_WORDS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |&(_, long)| long)
        })
        .collect();
    let out = words.join(" ");
    (out != normalised && !out.is_empty()).then_some(out)
}

/// The register's own name for a council name it recognises: the council's, the district's, the abolished
/// council's, or the council's in Scotland or Northern Ireland.
fn register_name(query: &str) -> Option<&'static str> {
    if let Some(m) = find_council(query) {
        return Some(match (m.former, m.via) {
            (Some(former), _) => former.name,
            (None, CouncilVia::District { district }) => district,
            (None, CouncilVia::Code | CouncilVia::Name | CouncilVia::FormerDistrict { .. }) => {
                m.council.name
            }
        });
    }
    if let Some(former) = find_former_council(query) {
        return Some(former.name);
    }
    find_council_elsewhere(query).map(|o| o.name)
}

/// Of names ranked by distance, the nearest if no other is as near; otherwise the names themselves.
fn nearest_alone(ranked: Vec<(usize, &'static str)>) -> Reading {
    match ranked.as_slice() {
        [(d, name), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => {
            Reading::ReadAs(name)
        }
        _ => Reading::Unknown(ranked.into_iter().map(|(_, n)| n).collect()),
    }
}

/// Reads a council name as written: recognised as it is; or its short forms written out ("Lancs CC" → Lancashire
/// County Council, "LB Sutton", "N Yorks", "BANES", "RBKC"), a department after it dropped ("Leeds Adult Social
/// Care"); or one typing slip in four letters put right ("Birmingam" → Birmingham City Council) when no other name
/// is as near. Anything else is [`Reading::Unknown`] with the nearest names.
///
/// Each distinct name is worked out once per thread and remembered (a screen of a million rows names a few
/// hundred councils): this is memoisation, not state anyone can observe.
///
/// # Examples
///
/// ```
/// use s117::reference::{read_council, Reading};
/// assert_eq!(read_council("Lancs CC"), Reading::ReadAs("Lancashire County Council"));
/// assert_eq!(read_council("Birmingam"), Reading::ReadAs("Birmingham City Council"));
/// assert_eq!(read_council("Leeds"), Reading::AsWritten);
/// assert_eq!(read_council("Narnia"), Reading::Unknown(vec![]));
/// ```
#[must_use]
pub fn read_council(query: &str) -> Reading {
    remembered(&COUNCILS_READ, query, read_council_uncached)
}

/// [`read_council`], worked out.
fn read_council_uncached(query: &str) -> Reading {
    if find_council(query).is_some() || find_former_council(query).is_some() {
        return Reading::AsWritten;
    }
    if let Some(other) = find_council_elsewhere(query) {
        return Reading::Elsewhere(other);
    }
    let Some(normalised) = normalise_query(query) else {
        return Reading::Unknown(Vec::new());
    };
    let written = written_out(&normalised);
    if let Some(name) = written.as_deref().and_then(register_name) {
        return Reading::ReadAs(name);
    }
    nearest_alone(ranked_councils(written.as_deref().unwrap_or(query)))
}

/// Names of councils close to a name that is not recognised, for "Did you mean …?": its short forms written out
/// first ("Lancs CC" → "Lancashire County Council"), then the nearest names ("Birmingam" → "Birmingham City
/// Council"). Each suggestion is itself recognised. Empty for a name nothing is close to ("Narnia").
pub(super) fn council_suggestions(query: &str) -> Vec<&'static str> {
    let Some(normalised) = normalise_query(query) else {
        return Vec::new();
    };
    let written = written_out(&normalised);
    if let Some(name) = written.as_deref().and_then(register_name) {
        return vec![name];
    }
    ranked_councils(written.as_deref().unwrap_or(query))
        .into_iter()
        .map(|(_, n)| n)
        .collect()
}

/// Reads an NHS body's name as written: recognised as it is ([`is_known_nhs_body`]), or one typing slip in four
/// letters put right when no other name is as near ("NHS West Yorkshre ICB"). Anything else is
/// [`Reading::Unknown`] with the nearest names. Remembered per thread, as [`read_council`].
///
/// # Examples
///
/// ```
/// use s117::reference::{read_nhs_body, Reading};
/// assert_eq!(read_nhs_body("Kent and Medway"), Reading::AsWritten);
/// assert_eq!(
///     read_nhs_body("NHS West Yorkshre ICB"),
///     Reading::ReadAs("NHS West Yorkshire Integrated Care Board")
/// );
/// ```
#[must_use]
pub fn read_nhs_body(query: &str) -> Reading {
    remembered(&NHS_READ, query, |q| {
        if is_known_nhs_body(q) {
            Reading::AsWritten
        } else {
            nearest_alone(ranked_nhs(q))
        }
    })
}

thread_local! {
    static COUNCILS_READ: Memory<Reading> = const { RefCell::new(BTreeMap::new()) };
    static NHS_READ: Memory<Reading> = const { RefCell::new(BTreeMap::new()) };
}

/// `work(query)`, remembered in `memory` ([`crate::memo`]); a query too long to be a name is not one.
fn remembered(
    memory: &'static std::thread::LocalKey<Memory<Reading>>,
    query: &str,
    work: fn(&str) -> Reading,
) -> Reading {
    let query = query.trim();
    if query.len() > MAX_QUERY_LEN {
        return Reading::Unknown(Vec::new());
    }
    crate::memo::remembered(memory, query, work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_short_form_stands_for_a_name_the_register_knows() {
        for (short, name) in COUNCIL_ACRONYMS {
            assert!(register_name(name).is_some(), "{short}: {name}");
        }
    }

    #[test]
    fn councils_written_short_are_written_out() {
        for (typed, read) in [
            ("Lancs CC", "Lancashire County Council"),
            ("LB Sutton", "London Borough of Sutton"),
            ("N Yorks", "North Yorkshire Council"),
            ("BANES", "Bath and North East Somerset Council"),
            ("B&NES", "Bath and North East Somerset Council"),
            ("RBKC", "Royal Borough of Kensington and Chelsea"),
            ("Leeds Adult Social Care", "Leeds City Council"),
            ("Notts CC", "Nottinghamshire County Council"),
            ("NYCC", "North Yorkshire County Council"),
            ("Birmingam", "Birmingham City Council"),
            ("Sheffeild City Council", "Sheffield City Council"),
        ] {
            assert_eq!(read_council(typed), Reading::ReadAs(read), "{typed}");
        }
        for known in [
            "Bristol CC",
            "Royal Borough of Kensington & Chelsea",
            "Harrogate",
            "Cumbria",
        ] {
            assert_eq!(read_council(known), Reading::AsWritten, "{known}");
        }
        assert!(matches!(
            read_council("Glasgow City Council"),
            Reading::Elsewhere(o) if o.name == "Glasgow City Council"
        ));
        assert_eq!(read_council("Narnia"), Reading::Unknown(Vec::new()));
        assert_eq!(read_council(""), Reading::Unknown(Vec::new()));
    }

    #[test]
    fn a_name_near_several_is_not_read() {
        // A slip put right when one name alone is nearest; two names run together are near none alone.
        match read_council("Hartlepoool Borough") {
            Reading::ReadAs(name) => assert_eq!(name, "Hartlepool Borough Council"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read_council("Bury Sunderland"),
            Reading::Unknown(_)
        ));
    }
}
