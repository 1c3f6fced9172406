//! Council lookups through the public API: exact names and codes, superseded codes, loose names (spellings, affixes,
//! aliases, Welsh names), and unknown or ambiguous names that are never guessed.
#[path = "common/lookups.rs"]
mod lookups;

use lookups::{council, council_name, via};
use s117::reference::{
    council_by_code, councils, find_council, find_nhs_body, nhs_body_by_code, nhs_successors,
    Council, CouncilVia, Nation,
};

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
