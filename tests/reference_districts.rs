//! District lookups through the public API: each English district finds its county council, district names that look
//! like councils, and former districts.
#[path = "common/lookups.rs"]
mod lookups;

use lookups::{council, via};
use s117::reference::{districts, find_council, CouncilVia};

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
