//! Tests of the reference data and the name lookups, through the public API: the tables' counts and shape, and every
//! council of mySociety's register (abolished councils and their successors, Scotland and Northern Ireland).
//!
//! The other reference tests: `tests/reference_councils.rs`, `reference_districts.rs` and `reference_nhs.rs`; their
//! helpers are in `tests/common/lookups.rs`.
#[path = "common/lookups.rs"]
mod lookups;

use chrono::NaiveDate;
use lookups::council;
use s117::reference::{
    council_by_code, councils, districts, find_council, find_council_elsewhere,
    find_former_council, former_councils, former_icbs, nhs_bodies, Council, Nation, OtherNation,
};

// --- Counts and shape ------------------------------------------------------------

#[test]
fn counts() {
    assert_eq!(councils().len(), 175);
    let english = councils()
        .iter()
        .filter(|c| c.nation == Nation::England)
        .count();
    assert_eq!(english, 153);
    assert_eq!(councils().len() - english, 22);
    assert_eq!(nhs_bodies().len(), 43);
    let icbs = nhs_bodies()
        .iter()
        .filter(|b| b.nation == Nation::England && b.code.starts_with("E54"))
        .count();
    let lhbs = nhs_bodies()
        .iter()
        .filter(|b| b.nation == Nation::Wales && b.code.starts_with("W11"))
        .count();
    assert_eq!(icbs, 36);
    assert_eq!(lhbs, 7);
    assert_eq!(districts().len(), 164);
    assert_eq!(former_icbs().len(), 15);
}

#[test]
fn tables_are_sorted_and_unique() {
    assert!(councils().windows(2).all(|w| w[0].name < w[1].name));
    assert!(nhs_bodies().windows(2).all(|w| w[0].name < w[1].name));
    assert!(districts().windows(2).all(|w| w[0].0 < w[1].0));
    let mut codes: Vec<&str> = councils().iter().map(|c| c.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 175);
}

#[test]
fn council_fields_are_consistent() {
    for c in councils() {
        assert!(!c.nhs.is_empty(), "{} has no NHS body", c.name);
        let prefixes: &[&str] = match c.nation {
            Nation::England => &["E06", "E08", "E09", "E10"],
            Nation::Wales => &["W06"],
        };
        assert!(prefixes.iter().any(|p| c.code.starts_with(p)), "{}", c.code);
        for b in c.nhs {
            assert_eq!(b.nation, c.nation, "{}: {}", c.name, b.name);
            assert!(nhs_bodies().contains(b), "{}: {}", c.name, b.name);
        }
        let mut nhs: Vec<&str> = c.nhs.iter().map(|b| b.code).collect();
        nhs.dedup();
        assert_eq!(nhs.len(), c.nhs.len(), "{}: NHS body listed twice", c.name);
    }
    for (name, code) in districts() {
        let c = council_by_code(code).unwrap_or_else(|| panic!("{name}: {code}"));
        assert_eq!(c.la_type, "county_council", "{name}");
    }
}

// --- mySociety's register: abolished councils, other UK nations ------------------------

/// The rows of mySociety's register, as (official name, ONS code, end date, nation).
fn register_rows() -> Vec<(String, String, String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/mysociety/uk_local_authorities_current.csv"
    );
    let mut reader = csv::Reader::from_path(path).expect("register");
    let header = reader.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (name, gss, end, nation) = (
        col("official-name"),
        col("gss-code"),
        col("end-date"),
        col("nation"),
    );
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            (
                r[name].to_owned(),
                r[gss].to_owned(),
                r[end].to_owned(),
                r[nation].to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_abolished_english_or_welsh_council_resolves_to_current_councils() {
    let mut seen = 0;
    for (name, gss, end, nation) in register_rows() {
        if end.is_empty() || !(nation == "England" || nation == "Wales") {
            continue;
        }
        seen += 1;
        let former = find_former_council(&name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(former.code, gss, "{name}");
        assert_eq!(find_former_council(&gss), Some(former), "{gss}");
        let successors: Vec<&Council> = former.successors().collect();
        assert!(!successors.is_empty(), "{name}");
        for s in &successors {
            assert_eq!(council_by_code(s.code), Some(*s), "{name}: {}", s.name);
            assert_ne!(s.code, gss, "{name}");
        }
        for query in [name.as_str(), gss.as_str()] {
            match (find_council(query), successors.as_slice()) {
                (Some(m), [only]) => {
                    assert_eq!(m.council, *only, "{query}");
                    assert_eq!(m.former, Some(former), "{query}");
                }
                (None, [_, _, ..]) => assert!(former.is_divided(), "{query}"),
                (m, s) => panic!("{query}: {m:?} for {} successors", s.len()),
            }
        }
    }
    assert!(seen >= 40, "only {seen} abolished councils in the register");
    assert_eq!(former_councils().len(), seen);
}

#[test]
fn abolished_councils_and_their_successors() {
    let cumbria = find_former_council("Cumbria").unwrap();
    assert_eq!(cumbria.name, "Cumbria County Council");
    assert_eq!(
        cumbria.abolished,
        NaiveDate::from_ymd_opt(2023, 4, 1).unwrap()
    );
    let names: Vec<&str> = cumbria.successors().map(|c| c.name).collect();
    assert_eq!(
        names,
        ["Cumberland Council", "Westmorland and Furness Council"]
    );
    assert_eq!(
        cumbria.part_taken_by(council("Cumberland")),
        Some("Allerdale, Carlisle and Copeland")
    );
    let northants = find_former_council("Northamptonshire County Council").unwrap();
    assert!(northants.is_divided());
    assert_eq!(find_council("Northamptonshire"), None);
    // Abolished, with one successor.
    for (q, code, year) in [
        ("Wycombe", "E06000060", 2020),
        ("South Bucks", "E06000060", 2020),
        ("Buckinghamshire County Council", "E06000060", 2020),
        ("Bournemouth", "E06000058", 2019),
        ("Borough of Poole", "E06000058", 2019),
        ("Christchurch", "E06000058", 2019),
        ("West Dorset", "E06000059", 2019),
        ("Dorset County Council", "E06000059", 2019),
        ("Corby", "E06000061", 2021),
        ("Daventry", "E06000062", 2021),
        ("Somerset County Council", "E06000066", 2023),
        ("Taunton Deane", "E06000066", 2019),
        ("Forest Heath", "E10000029", 2019),
    ] {
        let m = find_council(q).unwrap_or_else(|| panic!("{q}"));
        assert_eq!(m.council.code, code, "{q}");
        let former = m.former.unwrap_or_else(|| panic!("{q}: no former"));
        assert_eq!(
            former.abolished,
            NaiveDate::from_ymd_opt(year, 4, 1).unwrap(),
            "{q}"
        );
    }
    // Current names are not abolished ones.
    for q in [
        "Somerset",
        "Dorset",
        "Buckinghamshire",
        "North Yorkshire",
        "Dorset Council",
    ] {
        assert_eq!(find_council(q).unwrap().former, None, "{q}");
        assert_eq!(find_former_council(q), None, "{q}");
    }
}

#[test]
fn scottish_and_northern_irish_councils_are_recognised_as_such() {
    let mut seen = 0;
    for (name, _, _, nation) in register_rows() {
        let want = match nation.as_str() {
            "Scotland" => OtherNation::Scotland,
            "Northern Ireland" => OtherNation::NorthernIreland,
            _ => continue,
        };
        seen += 1;
        assert_eq!(find_council(&name), None, "{name}");
        assert_eq!(find_former_council(&name), None, "{name}");
        let other = find_council_elsewhere(&name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!((other.name, other.nation), (name.as_str(), want));
    }
    assert!(seen >= 60, "{seen}");
    for (q, name, nation) in [
        (
            "Glasgow City Council",
            "Glasgow City Council",
            OtherNation::Scotland,
        ),
        ("Glasgow", "Glasgow City Council", OtherNation::Scotland),
        ("Fife", "Fife Council", OtherNation::Scotland),
        (
            "City of Edinburgh",
            "City of Edinburgh Council",
            OtherNation::Scotland,
        ),
        (
            "Belfast",
            "Belfast City Council",
            OtherNation::NorthernIreland,
        ),
    ] {
        assert_eq!(find_council(q), None, "{q}");
        let other = find_council_elsewhere(q).unwrap_or_else(|| panic!("{q}"));
        assert_eq!((other.name, other.nation), (name, nation), "{q}");
    }
    // English and Welsh names are never taken for councils elsewhere.
    for c in councils() {
        assert_eq!(find_council_elsewhere(c.name), None, "{}", c.name);
    }
}

#[test]
fn register_aliases_resolve() {
    for q in [
        "BCP",
        "BCP Council",
        "Bournemouth, Christchurch and Poole",
        "Bournemouth Christchurch and Poole",
        "bournemouth, christchurch and poole borough council",
    ] {
        assert_eq!(council(q).code, "E06000058", "{q}");
        assert_eq!(find_council(q).unwrap().former, None, "{q}");
    }
    assert_eq!(council("barnsley district").code, "E08000038");
    assert_eq!(council("Westmorland and Furness Council").code, "E06000064");
}
