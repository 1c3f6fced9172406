//! NHS body lookups through the public API: councils split between several NHS bodies, every ICB and health board by
//! code, ODS code and name, loose names, and the predecessor ICBs of April 2026 and their successors.
#[path = "common/lookups.rs"]
mod lookups;

use lookups::{april_2026, council, nhs_code};
use s117::reference::{
    councils, find_council, find_nhs_body, former_icbs, nhs_bodies, nhs_body_by_code,
    nhs_successors,
};

// --- Split areas ------------------------------------------------------------------------

#[test]
fn split_areas() {
    for (name, n, first) in [
        ("Oxfordshire", 2, "E54000070"),
        ("Buckinghamshire", 2, "E54000070"),
        ("North Yorkshire", 3, "E54000051"),
        ("Cumberland", 2, "E54000050"),
        ("Westmorland and Furness", 2, "E54000048"),
    ] {
        let c = council(name);
        assert_eq!(c.nhs.len(), n, "{name}");
        assert!(c.is_split(), "{name}");
        assert_eq!(
            c.nhs[0].code, first,
            "{name}: the ICB holding most of it first"
        );
    }
    let oxon: Vec<&str> = council("Oxfordshire").nhs.iter().map(|b| b.code).collect();
    assert_eq!(oxon, ["E54000070", "E54000040"]);
    let split = councils().iter().filter(|c| c.is_split()).count();
    assert_eq!(split, 5);
    // Not split in April 2026 (SOURCES.md section E).
    for name in [
        "Nottinghamshire",
        "Essex",
        "Hertfordshire",
        "Suffolk",
        "Hampshire",
        "Surrey",
        "Lambeth",
    ] {
        assert_eq!(council(name).nhs.len(), 1, "{name}");
    }
    assert_eq!(council("Bassetlaw").nhs[0].code, "E54000060");
}

// --- NHS bodies -------------------------------------------------------------------------

#[test]
fn every_nhs_body_by_code_ods_and_name() {
    for b in nhs_bodies() {
        for q in [b.code, b.ods, b.name] {
            let m = find_nhs_body(q).unwrap_or_else(|| panic!("{q:?} not found"));
            assert_eq!(m.body, b, "{q:?}");
            assert_eq!(m.typed_as, None, "{q:?}");
            assert_eq!(m.merged_on, None, "{q:?}");
            assert!(!m.partial, "{q:?}");
            assert_eq!(nhs_successors(q), vec![m], "{q:?}");
        }
        assert_eq!(nhs_body_by_code(b.code), Some(b));
        assert_eq!(nhs_body_by_code(&b.code.to_lowercase()), Some(b));
        assert_eq!(
            find_nhs_body(&b.ods.to_lowercase()).map(|m| m.body),
            Some(b)
        );
        let bare = b
            .name
            .trim_start_matches("NHS ")
            .trim_end_matches(" Integrated Care Board")
            .trim_end_matches(" University Health Board")
            .trim_end_matches(" Teaching Health Board");
        assert_eq!(find_nhs_body(bare).map(|m| m.body), Some(b), "{bare:?}");
        let icb = format!("{bare} ICB");
        assert_eq!(find_nhs_body(&icb).map(|m| m.body), Some(b), "{icb:?}");
    }
}

#[test]
fn nhs_loose_names() {
    let cases = [
        ("Kent and Medway", "E54000032"),
        ("NHS Kent and Medway ICB", "E54000032"),
        ("kent & medway integrated care board", "E54000032"),
        ("QKS", "E54000032"),
        ("qks", "E54000032"),
        ("E54000032", "E54000032"),
        ("Cardiff and Vale", "W11000029"),
        ("Cardiff & Vale UHB", "W11000029"),
        ("Cardiff and Vale University Health Board", "W11000029"),
        ("7A4", "W11000029"),
        ("Powys", "W11000024"),
        ("Powys Teaching Health Board", "W11000024"),
        ("Powys LHB", "W11000024"),
        ("Betsi Cadwaladr", "W11000023"),
        ("BCUHB", "W11000023"),
        ("Swansea Bay Health Board", "W11000031"),
        ("Cornwall and Isles of Scilly", "E54000036"),
        (
            "Bath, North East Somerset, Swindon and Wiltshire",
            "E54000040",
        ),
        ("BNSSG", "E54000039"),
        ("Leicester, Leicestershire & Rutland ICB", "E54000015"),
        ("Hampshire and Isle of Wight", "E54000067"),
        ("HIOW", "E54000067"),
        ("Essex", "E54000066"),
        ("Central East", "E54000065"),
    ];
    for (q, want) in cases {
        assert_eq!(nhs_code(q), want, "{q:?}");
        assert_eq!(find_nhs_body(q).unwrap().typed_as, None, "{q:?}");
    }
    for q in [
        "NHS",
        "ICB",
        "Health Board",
        "Suffolk",
        "Cumbria",
        "Kent",
        "London",
        "Cwm",
    ] {
        assert_eq!(find_nhs_body(q), None, "{q:?}");
    }
}

#[test]
fn frimley_is_a_partial_predecessor() {
    let m = find_nhs_body("NHS Frimley ICB").unwrap();
    assert_eq!(m.body.name, "NHS Thames Valley Integrated Care Board");
    assert!(m.partial);
    assert_eq!(m.typed_as, Some("NHS Frimley Integrated Care Board"));
    assert_eq!(m.merged_on, april_2026());
    assert_eq!(find_nhs_body("Frimley").unwrap(), m);
    assert_eq!(find_nhs_body("QNQ").unwrap(), m);
    assert_eq!(find_nhs_body("E54000034").unwrap(), m);

    let all = nhs_successors("NHS Frimley Integrated Care Board");
    let codes: Vec<&str> = all.iter().map(|m| m.body.code).collect();
    assert_eq!(codes, ["E54000070", "E54000067", "E54000069"]);
    assert!(all.iter().all(|m| m.partial && m.merged_on == april_2026()));
}

#[test]
fn hertfordshire_and_west_essex() {
    let m = find_nhs_body("Hertfordshire and West Essex").unwrap();
    assert_eq!(m.body.name, "NHS Central East Integrated Care Board");
    assert!(m.partial);
    let names: Vec<&str> = nhs_successors("Hertfordshire and West Essex")
        .iter()
        .map(|m| m.body.name)
        .collect();
    assert!(names.contains(&"NHS Central East Integrated Care Board"));
    assert!(names.contains(&"NHS Essex Integrated Care Board"));
    assert_eq!(names.len(), 2);
    assert_eq!(nhs_code("HWE"), "E54000065");
}

#[test]
fn suffolk_and_north_east_essex() {
    let m = find_nhs_body("NHS Suffolk and North East Essex ICB").unwrap();
    assert_eq!(m.body.code, "E54000068");
    assert!(m.partial);
    let codes: Vec<&str> = nhs_successors("SNEE").iter().map(|m| m.body.code).collect();
    assert_eq!(codes, ["E54000068", "E54000066"]);
}

#[test]
fn whole_predecessors() {
    let cases = [
        ("North West London", "E54000071"),
        ("NHS North Central London ICB", "E54000071"),
        ("Bedfordshire, Luton and Milton Keynes", "E54000065"),
        ("BLMK", "E54000065"),
        ("Cambridgeshire and Peterborough", "E54000065"),
        ("QUE", "E54000065"),
        ("Mid and South Essex", "E54000066"),
        ("Norfolk and Waveney", "E54000068"),
        (
            "Buckinghamshire, Oxfordshire and Berkshire West",
            "E54000070",
        ),
        ("BOB ICB", "E54000070"),
        ("Surrey Heartlands", "E54000069"),
        ("Sussex", "E54000069"),
        ("E54000052", "E54000069"),
        ("E54000053", "E54000069"),
        ("E54000063", "E54000069"),
        ("E54000064", "E54000069"),
        ("QXU", "E54000069"),
    ];
    for (q, want) in cases {
        let m = find_nhs_body(q).unwrap_or_else(|| panic!("{q:?} not found"));
        assert_eq!(m.body.code, want, "{q:?}");
        assert!(!m.partial, "{q:?}");
        assert!(m.typed_as.is_some(), "{q:?}");
        assert_eq!(m.merged_on, april_2026(), "{q:?}");
        assert_eq!(nhs_successors(q), vec![m], "{q:?}");
    }
    assert_eq!(
        find_nhs_body("E54000052").unwrap().typed_as,
        Some("NHS Surrey Heartlands Integrated Care Board")
    );
}

#[test]
fn hampshire_and_isle_of_wight_code_change() {
    // Same body (ODS QRL), new ONS code: not partial.
    let m = find_nhs_body("E54000042").unwrap();
    assert_eq!(m.body.code, "E54000067");
    assert_eq!(m.body.ods, "QRL");
    assert!(!m.partial);
    assert_eq!(
        m.typed_as,
        Some("NHS Hampshire and Isle of Wight Integrated Care Board")
    );
    // Its current name and ODS code give the current body.
    let m = find_nhs_body("QRL").unwrap();
    assert_eq!(m.body.code, "E54000067");
    assert_eq!(m.typed_as, None);
    assert_eq!(nhs_body_by_code("E54000042"), None);
}

#[test]
fn every_former_icb_resolves_to_its_successor() {
    for &(code, name, successor) in former_icbs() {
        assert!(code.starts_with("E54"), "{code}");
        assert!(nhs_body_by_code(successor).is_some(), "{successor}");
        assert_eq!(nhs_body_by_code(code), None, "{code} is not a 2026 code");
        let m = find_nhs_body(code).unwrap_or_else(|| panic!("{code} not found"));
        assert_eq!(m.body.code, successor, "{code}");
        assert_eq!(m.typed_as, Some(name), "{code}");
        assert_eq!(m.merged_on, april_2026(), "{code}");
        let all = nhs_successors(code);
        assert_eq!(all[0], m, "{code}");
        assert_eq!(m.partial, all.len() > 1, "{code}");
        // By name: the same successor (NHS Hampshire and Isle of Wight's
        // name is also the current body's name).
        assert_eq!(nhs_code(name), successor, "{name}");
    }
    let partial: Vec<&str> = former_icbs()
        .iter()
        .filter(|f| find_nhs_body(f.0).is_some_and(|m| m.partial))
        .map(|f| f.0)
        .collect();
    assert_eq!(partial, ["E54000034", "E54000025", "E54000023"]);
}

#[test]
fn nine_letter_names_are_not_codes() {
    // Nine characters, like an ONS code: still looked up as names.
    assert_eq!(council("Greenwich").code, "E09000011");
    assert_eq!(council("Hampshire").code, "E10000014");
    assert_eq!(council("Bassetlaw").code, "E10000024");
    assert_eq!(council("Harrogate").code, "E06000065");
    assert_eq!(find_council("E0700023X"), None);
    assert_eq!(find_council("X07000234").map(|m| m.council.code), None);
    assert_eq!(find_nhs_body("E5400003X"), None);
}
