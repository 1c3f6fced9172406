//! Tests of the reference data and the name lookups, through the public API.

use chrono::NaiveDate;
use s117::reference::{
    council_by_code, councils, districts, find_council, find_council_elsewhere,
    find_former_council, find_nhs_body, former_councils, former_icbs, nhs_bodies, nhs_body_by_code,
    nhs_successors, Council, CouncilVia, Nation, OtherNation,
};

fn council(query: &str) -> &'static Council {
    find_council(query)
        .unwrap_or_else(|| panic!("{query:?} not found"))
        .council
}

fn council_name(query: &str) -> &'static str {
    council(query).name
}

fn via(query: &str) -> CouncilVia {
    find_council(query)
        .unwrap_or_else(|| panic!("{query:?} not found"))
        .via
}

fn nhs_code(query: &str) -> &'static str {
    find_nhs_body(query)
        .unwrap_or_else(|| panic!("{query:?} not found"))
        .body
        .code
}

fn april_2026() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 4, 1)
}

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

// --- Councils: exact names and codes ----------------------------------------------

#[test]
fn every_council_by_exact_name_and_code() {
    for c in councils() {
        let m = find_council(c.name).unwrap_or_else(|| panic!("{} not found", c.name));
        assert_eq!(m.council, c, "{}", c.name);
        assert_eq!(m.via, CouncilVia::Name, "{}", c.name);

        let m = find_council(c.code).unwrap_or_else(|| panic!("{} not found", c.code));
        assert_eq!(m.council, c, "{}", c.code);
        assert_eq!(m.via, CouncilVia::Code, "{}", c.code);

        assert_eq!(council_by_code(c.code), Some(c));
        assert_eq!(council_by_code(&c.code.to_lowercase()), Some(c));
        assert_eq!(council_by_code(&format!("  {}\n", c.code)), Some(c));
        assert_eq!(
            find_council(&c.code.to_lowercase()).map(|m| m.council),
            Some(c)
        );

        // Loose spellings of the exact name.
        let loose = format!("  {}  ", c.name.to_uppercase().replace(' ', "   "));
        assert_eq!(
            find_council(&loose).map(|m| m.council),
            Some(c),
            "{loose:?}"
        );
        let lower = c.name.to_lowercase().replace(" and ", " & ");
        assert_eq!(
            find_council(&lower).map(|m| m.council),
            Some(c),
            "{lower:?}"
        );
        let punct = format!("The {}.", c.name.replace(' ', ", "));
        assert_eq!(
            find_council(&punct).map(|m| m.council),
            Some(c),
            "{punct:?}"
        );
    }
}

#[test]
fn council_by_code_rejects_non_council_codes() {
    assert_eq!(council_by_code("E07000234"), None); // Bromsgrove district
    assert_eq!(council_by_code("E54000032"), None);
    assert_eq!(council_by_code("E10000006"), None); // Cumbria, abolished
    assert_eq!(council_by_code(""), None);
    assert_eq!(council_by_code("E0900002"), None);
    assert_eq!(council_by_code("E090000299"), None);
    assert_eq!(council_by_code("É09000029"), None);
}

#[test]
fn superseded_codes() {
    assert_eq!(council("E08000016").code, "E08000038"); // Barnsley
    assert_eq!(council("E08000019").code, "E08000039"); // Sheffield
    assert_eq!(via("E08000016"), CouncilVia::Code);
}

// --- Councils: loose names ------------------------------------------------------------

#[test]
fn sutton_spellings() {
    let sutton = council_by_code("E09000029").unwrap();
    assert_eq!(sutton.name, "London Borough of Sutton");
    for q in [
        "Sutton",
        "Sutton Council",
        "London Borough of Sutton",
        "sutton",
        "SUTTON",
        "  sutton  ",
        "the london borough of sutton",
        "London Borough of Sutton Council",
        "Sutton Borough Council",
        "Sutton.",
    ] {
        assert_eq!(find_council(q).map(|m| m.council), Some(sutton), "{q:?}");
        assert_eq!(via(q), CouncilVia::Name, "{q:?}");
    }
    let padded = format!("Sutton{}", " ".repeat(5000));
    assert_eq!(council(&padded), sutton);
}

#[test]
fn affixes_are_ignored() {
    let cases = [
        ("Bromley", "London Borough of Bromley"),
        ("Greenwich", "Royal Borough of Greenwich"),
        (
            "Royal Borough of Windsor & Maidenhead",
            "Royal Borough of Windsor and Maidenhead",
        ),
        (
            "Windsor and Maidenhead",
            "Royal Borough of Windsor and Maidenhead",
        ),
        (
            "Kensington & Chelsea",
            "Royal Borough of Kensington and Chelsea",
        ),
        (
            "Kingston upon Thames",
            "Royal Borough of Kingston upon Thames",
        ),
        (
            "Richmond upon Thames",
            "London Borough of Richmond upon Thames",
        ),
        (
            "Hammersmith and Fulham",
            "London Borough of Hammersmith & Fulham",
        ),
        ("Kent", "Kent County Council"),
        ("Kent CC", "Kent County Council"),
        ("Wigan MBC", "Wigan Metropolitan Borough Council"),
        ("Wigan", "Wigan Metropolitan Borough Council"),
        ("Bradford", "City of Bradford Metropolitan District Council"),
        (
            "Bradford Council",
            "City of Bradford Metropolitan District Council",
        ),
        ("Wakefield", "Wakefield Metropolitan District Council"),
        ("Doncaster", "City of Doncaster Council"),
        (
            "Doncaster Metropolitan Borough Council",
            "City of Doncaster Council",
        ),
        ("Derby City", "Derby City Council"),
        ("Derby", "Derby City Council"),
        ("Leeds", "Leeds City Council"),
        ("York", "City of York Council"),
        ("Wolverhampton", "City of Wolverhampton Council"),
        ("Isles of Scilly", "Council of the Isles of Scilly"),
        ("Isle of Wight", "Isle of Wight Council"),
        ("The Wirral", "Wirral Council"),
        ("St Helens", "St Helens Council"),
        ("St. Helens", "St Helens Council"),
        ("Saint Helens", "St Helens Council"),
        ("Telford and Wrekin", "Telford & Wrekin Council"),
        (
            "Bournemouth, Christchurch & Poole",
            "Bournemouth, Christchurch and Poole Council",
        ),
        (
            "Bath & North East Somerset",
            "Bath and North East Somerset Council",
        ),
        ("Stockton-on-Tees", "Stockton-on-Tees Borough Council"),
        ("Stockton on Tees", "Stockton-on-Tees Borough Council"),
        (
            "Blackburn with Darwen",
            "Blackburn with Darwen Borough Council",
        ),
        ("North Yorkshire", "North Yorkshire Council"),
        ("North Yorkshire County Council", "North Yorkshire Council"),
        ("Somerset County Council", "Somerset Council"),
        ("Newcastle", "Newcastle City Council"),
        ("City of London", "City of London Corporation"),
        ("City of London Corporation", "City of London Corporation"),
        ("Corporation of London", "City of London Corporation"),
    ];
    for (q, want) in cases {
        assert_eq!(council_name(q), want, "{q:?}");
        assert_eq!(via(q), CouncilVia::Name, "{q:?}");
    }
}

#[test]
fn common_aliases() {
    let cases = [
        ("Hull", "Hull City Council"),
        ("Kingston upon Hull", "Hull City Council"),
        ("Kingston upon Hull City Council", "Hull City Council"),
        ("Westminster", "City of Westminster"),
        ("Westminster City Council", "City of Westminster"),
        ("Durham", "Durham County Council"),
        ("County Durham", "Durham County Council"),
        ("Swansea", "City and County of Swansea Council"),
        ("Swansea Council", "City and County of Swansea Council"),
        (
            "City & County of Swansea",
            "City and County of Swansea Council",
        ),
        ("Cardiff", "Cardiff Council"),
        ("City of Cardiff Council", "Cardiff Council"),
        ("Bristol", "Bristol City Council"),
        ("City of Bristol", "Bristol City Council"),
        // The ONS's own spellings, as in its code lists.
        ("Bristol, City of", "Bristol City Council"),
        ("Herefordshire, County of", "Herefordshire Council"),
        ("Kingston upon Hull, City of", "Hull City Council"),
        ("Southend", "Southend-on-Sea City Council"),
        ("Southend-on-Sea", "Southend-on-Sea City Council"),
        (
            "Southend-on-Sea Borough Council",
            "Southend-on-Sea City Council",
        ),
        ("Brighton", "Brighton and Hove City Council"),
        ("Brighton & Hove", "Brighton and Hove City Council"),
        ("Stoke", "Stoke-on-Trent City Council"),
        ("Stoke-on-Trent", "Stoke-on-Trent City Council"),
        ("Herefordshire", "Herefordshire Council"),
        (
            "County of Herefordshire District Council",
            "Herefordshire Council",
        ),
        ("Rhondda", "Rhondda Cynon Taf County Borough Council"),
        (
            "Rhondda Cynon Taff",
            "Rhondda Cynon Taf County Borough Council",
        ),
        ("Newcastle upon Tyne", "Newcastle City Council"),
        ("Bournemouth", "Bournemouth, Christchurch and Poole Council"),
        ("BCP Council", "Bournemouth, Christchurch and Poole Council"),
    ];
    for (q, want) in cases {
        assert_eq!(council_name(q), want, "{q:?}");
    }
}

#[test]
fn welsh_councils() {
    let cases = [
        ("Cardiff", "W06000015"),
        ("Powys", "W06000023"),
        ("Isle of Anglesey", "W06000001"),
        ("Anglesey", "W06000001"),
        ("Ynys Môn", "W06000001"),
        ("ynys mon", "W06000001"),
        ("Caerdydd", "W06000015"),
        ("Abertawe", "W06000011"),
        ("Wrexham", "W06000006"),
        ("Wrecsam", "W06000006"),
        ("Vale of Glamorgan", "W06000014"),
        ("The Vale of Glamorgan Council", "W06000014"),
        ("Bro Morgannwg", "W06000014"),
        ("Merthyr", "W06000024"),
        ("Merthyr Tydfil", "W06000024"),
        ("Neath Port Talbot", "W06000012"),
        ("Newport", "W06000022"),
        ("Gwynedd", "W06000002"),
        ("Cyngor Gwynedd", "W06000002"),
    ];
    for (q, want) in cases {
        assert_eq!(council(q).code, want, "{q:?}");
        assert_eq!(council(q).nation, Nation::Wales, "{q:?}");
    }
}

#[test]
fn every_welsh_council_maps_to_one_lhb() {
    let welsh: Vec<&Council> = councils()
        .iter()
        .filter(|c| c.nation == Nation::Wales)
        .collect();
    assert_eq!(welsh.len(), 22);
    for c in welsh {
        assert!(c.code.starts_with("W06"), "{}", c.name);
        assert_eq!(c.la_type, "welsh_principal_council", "{}", c.name);
        assert_eq!(c.nhs.len(), 1, "{}", c.name);
        assert!(c.nhs[0].code.starts_with("W11"), "{}", c.name);
        assert_eq!(c.nhs[0].nation, Nation::Wales, "{}", c.name);
    }
    assert_eq!(
        council("Bridgend").nhs[0].name,
        "Cwm Taf Morgannwg University Health Board"
    );
    assert_eq!(council("Cardiff").nhs[0].ods, "7A4");
}

// --- Districts --------------------------------------------------------------------------

#[test]
fn bromsgrove_is_worcestershire() {
    let m = find_council("Bromsgrove").unwrap();
    assert_eq!(m.council.name, "Worcestershire County Council");
    assert_eq!(
        m.via,
        CouncilVia::District {
            district: "Bromsgrove"
        }
    );
    assert_eq!(council("Bromsgrove District Council").code, "E10000034");
    assert_eq!(
        via("bromsgrove district council"),
        CouncilVia::District {
            district: "Bromsgrove"
        }
    );
    // By the district's E07 code.
    let m = find_council("E07000234").unwrap();
    assert_eq!(m.council.code, "E10000034");
    assert_eq!(
        m.via,
        CouncilVia::District {
            district: "Bromsgrove"
        }
    );
}

#[test]
fn every_district_finds_its_county() {
    for &(name, code) in districts() {
        let m = find_council(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(m.council.code, code, "{name}");
        assert_eq!(m.via, CouncilVia::District { district: name }, "{name}");
        let loose = name
            .to_lowercase()
            .replace(" and ", " & ")
            .replace('\'', "");
        assert_eq!(council(&loose).code, code, "{loose:?}");
    }
}

#[test]
fn district_names_that_look_like_councils() {
    assert_eq!(council("Newcastle-under-Lyme").code, "E10000028");
    assert_eq!(council("Gloucester").code, "E10000013");
    assert_eq!(council("Lincoln").code, "E10000019");
    assert_eq!(council("Oxford").code, "E10000025");
    assert_eq!(council("Oxford City Council").code, "E10000025");
    assert_eq!(council("Kings Lynn and West Norfolk").code, "E10000020");
    assert_eq!(council("St Albans").code, "E10000015");
    assert_eq!(council("Stratford-on-Avon").code, "E10000031");
    assert_eq!(council("Wyre").code, "E10000017");
    assert_eq!(council("Wyre Forest").code, "E10000034");
}

#[test]
fn former_districts() {
    let m = find_council("Harrogate").unwrap();
    assert_eq!(m.council.name, "North Yorkshire Council");
    assert_eq!(
        m.via,
        CouncilVia::FormerDistrict {
            district: "Harrogate"
        }
    );
    assert_eq!(council("Harrogate Borough Council").code, "E06000065");

    let cases = [
        ("Allerdale", "E06000063"),
        ("Copeland", "E06000063"),
        ("Carlisle", "E06000063"),
        ("Barrow-in-Furness", "E06000064"),
        ("Barrow", "E06000064"),
        ("Eden", "E06000064"),
        ("South Lakeland", "E06000064"),
        ("Craven", "E06000065"),
        ("Hambleton", "E06000065"),
        ("Richmondshire", "E06000065"),
        ("Ryedale", "E06000065"),
        ("Scarborough", "E06000065"),
        ("Selby", "E06000065"),
        ("Mendip", "E06000066"),
        ("Sedgemoor", "E06000066"),
        ("South Somerset", "E06000066"),
        ("Somerset West and Taunton", "E06000066"),
    ];
    for (q, want) in cases {
        assert_eq!(council(q).code, want, "{q:?}");
        assert!(matches!(via(q), CouncilVia::FormerDistrict { .. }), "{q:?}");
    }
    assert_eq!(
        via("Barrow"),
        CouncilVia::FormerDistrict {
            district: "Barrow-in-Furness"
        }
    );
}

// --- Unknown and ambiguous --------------------------------------------------------------

#[test]
fn ambiguous_or_unknown_names_are_not_guessed() {
    let long = "a".repeat(10_000);
    let long_name = "Sutton ".repeat(2_000);
    let unknown = [
        "Narnia",
        "",
        "   ",
        "\t\n",
        "Ünïcödé",
        "Cumbria",
        "Cumbria County Council",
        "London",
        "Kingston",
        "Richmond",
        "Council",
        "County Council",
        "London Borough of",
        "City of",
        "the",
        "and",
        "&",
        "Sutto",
        "Suttonn",
        "Sutton Coldfield",
        "E07000999",
        "E99999999",
        "Bromsgrove Worcestershire",
        "🦀",
        "\u{0}",
        "日本語",
        "Ж Sutton",
        long.as_str(),
        long_name.as_str(),
    ];
    for q in unknown {
        assert_eq!(find_council(q), None, "{q:?}");
        assert_eq!(find_nhs_body(q), None, "{q:?}");
        assert!(nhs_successors(q).is_empty(), "{q:?}");
        assert_eq!(council_by_code(q), None, "{q:?}");
        assert_eq!(nhs_body_by_code(q), None, "{q:?}");
    }
    // Councils are not NHS bodies and vice versa.
    assert_eq!(find_council("NHS Kent and Medway ICB"), None);
    assert_eq!(find_council("QKS"), None);
    assert_eq!(find_council("E54000032"), None);
    assert_eq!(find_nhs_body("Sutton"), None);
    assert_eq!(find_nhs_body("E09000029"), None);
}

#[test]
fn no_panics_on_awkward_input() {
    let samples = [
        "London Borough of Sutton",
        "Ynys Môn",
        "NHS Frimley ICB",
        "Ünïcödé ß æ œ ŵ ŷ",
        "🦀 crab & the and",
        "\u{feff}\u{200b}\u{2019}'`",
    ];
    for s in samples {
        // Every prefix and suffix on a char boundary.
        for (i, _) in s.char_indices() {
            for q in [&s[..i], &s[i..]] {
                let _ = find_council(q);
                let _ = find_nhs_body(q);
                let _ = nhs_successors(q);
                let _ = council_by_code(q);
                let _ = nhs_body_by_code(q);
            }
        }
    }
    for n in 0..=1000 {
        let q = "é".repeat(n);
        assert_eq!(find_council(&q), None);
        assert_eq!(find_nhs_body(&q), None);
    }
}

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
