//! The confirmation-request letter: whole-letter snapshots, the .docx read back, and the safety of user text.
//!
//! Each scenario's letter (plain text) is an `insta` snapshot, `tests/snapshots/letter__NAME.snap`, so a reviewer
//! sees every letter in the diff. After a deliberate change, run `INSTA_UPDATE=new cargo test --test letter`, read
//! each `.snap.new` as a patient would, and move it over its `.snap` (README, Tests). With `CI` set nothing is
//! written and a changed letter fails.

use s117::letter::{
    self, render, render_all, to_docx, to_docx_all, to_text, to_text_all, Block, Letter,
    LetterRequest,
};
use serde_json::{json, Value};
use std::path::PathBuf;

/// A request from JSON, failing the test with the field if it does not parse.
fn request(json: &str) -> LetterRequest {
    match letter::parse_request(json) {
        Ok(r) => r,
        Err(errors) => panic!("bad request: {errors:?}"),
    }
}

/// The date every scenario's letter is written, and the date its case is judged at.
const DATE: &str = "2026-11-23";

/// `base` with `overrides` laid over it: objects merged key by key, anything else replaced.
fn with(mut base: Value, overrides: Value) -> Value {
    match (&mut base, overrides) {
        (Value::Object(b), Value::Object(o)) => {
            for (key, value) in o {
                let old = b.remove(&key).unwrap_or(Value::Null);
                b.insert(key, with(old, value));
            }
        }
        (b, o) => *b = o,
    }
    base
}

/// A request dated `DATE`, its case judged as at `DATE`, with `fields` (`to`, `case`, `details`, `options`)
/// laid over it, parsed as the CLI parses it.
fn request_for(fields: Value) -> LetterRequest {
    let base = json!({"date": DATE, "case": {"as_at": DATE}});
    request(&with(base, fields).to_string())
}

/// Detained under s.3 in England, discharged in 2024; lived in Bromsgrove, GP in Herefordshire and Worcestershire.
fn england_s3_bromsgrove() -> Value {
    json!({"detentions": [{
        "section": "3", "detained_in": "england", "admitted": "2024-02-12", "section_ended": "2024-06-03",
        "left_hospital": "2024-06-03", "leaving": "discharged", "hospital": "Elgar Unit, Worcester",
        "lived_before": {"country": "england", "council": "Bromsgrove"},
        "gp_icb": "NHS Herefordshire and Worcestershire ICB"
    }]})
}

/// The patient of `england_s3_bromsgrove`, with an address and NHS number.
fn alex_morgan() -> Value {
    json!({"name": "Alex Morgan", "date_of_birth": "1971-04-09",
        "address": "Flat 2, 14 Church Street\nBromsgrove\nB61 8DB", "nhs_number": "943 476 5919"})
}

/// Detained under s.37/41 in Wales, conditionally discharged in 2023; lived in Cardiff.
fn wales_s37_41_cardiff() -> Value {
    json!({"detentions": [{
        "section": "37/41", "detained_in": "wales", "admitted": "2019-03", "left_hospital": "2023-07-10",
        "leaving": "conditional_discharge", "lived_before": {"country": "wales", "council": "Cardiff"}
    }]})
}

/// The patient of `wales_s37_41_cardiff`.
fn rhian_evans() -> Value {
    json!({"name": "Rhian Evans", "date_of_birth": "1988-12-01", "address": "7 Heol y Castell, Caerdydd, CF10 1AA"})
}

/// Every scenario: (snapshot name, the request).
fn scenarios() -> Vec<(&'static str, LetterRequest)> {
    let table = [
        (
            "entitled-england",
            json!({
                "case": england_s3_bromsgrove(),
                "details": {"person": with(alex_morgan(), json!({"phone": "01527 000000", "email": "alex.morgan@example.org"}))}
            }),
        ),
        (
            "wales",
            json!({
                "case": wales_s37_41_cardiff(),
                "details": {"person": rhian_evans()},
                "options": {"personal_health_budget": true, "direct_payments": true}
            }),
        ),
        (
            "readmission-council-and-icb-in-different-areas",
            json!({
                "case": {"detentions": [
                    {"section": "3", "detained_in": "england", "admitted": "2022-09-05", "left_hospital": "2023-01-20",
                     "leaving": "discharged", "lived_before": {"country": "england", "council": "Worcestershire"},
                     "gp_icb": "E54000019"},
                    {"section": "2", "detained_in": "england", "admitted": "2023-08-02", "left_hospital": "2023-08-25",
                     "leaving": "discharged", "lived_before": {"country": "england", "council": "Swindon"}},
                    {"section": "3", "detained_in": "england", "admitted": "2024-05-14", "left_hospital": "2025-02-03",
                     "leaving": "discharged", "lived_before": {"country": "england", "council": "Swindon"}}
                ]},
                "details": {"person": {"name": "Jo Green", "date_of_birth": "1960-07-15",
                    "address": "Rose Lodge, 3 Mill Lane, Swindon SN1 2AB"}}
            }),
        ),
        (
            "uncertain-council-placed-out-of-area",
            json!({
                "case": {"detentions": [{
                    "section": "3", "detained_in": "england", "admitted": "2025-01-06", "left_hospital": "2025-05-30",
                    "leaving": "discharged",
                    "lived_before": {"country": "england", "council": "Swindon", "placed_by": "Worcestershire",
                        "lacked_capacity": true}
                }]},
                "details": {"person": {"name": "Sam Patel", "date_of_birth": "1979-02"}}
            }),
        ),
        (
            "unrecognised-council",
            json!({
                "case": {"detentions": [{
                    "section": "3", "detained_in": "england", "admitted": "2025-01", "left_hospital": "2025-04",
                    "leaving": "discharged", "lived_before": {"country": "england", "council": "Borsetshire"}
                }]},
                "details": {"person": {"name": "Chris Lee"}}
            }),
        ),
        (
            "charges-refund",
            json!({
                "case": {
                    "detentions": [{
                        "section": "3", "detained_in": "england", "admitted": "2021-03-01", "left_hospital": "2021-08-16",
                        "leaving": "discharged", "lived_before": {"country": "england", "council": "Kent"},
                        "gp_icb": "NHS Kent and Medway ICB"
                    }],
                    "charges": [
                        {"what": "care home fees", "since": "2021-09", "until": "2024-03"},
                        {"what": "supported living rent", "since": "2024-04"},
                        {"what": "the extra cost of the room I chose", "since": "2024-04",
                         "chosen_dearer_placement_with_written_agreement": true}
                    ]
                },
                "details": {"person": {"name": "Pat Okafor", "date_of_birth": "1955-10-30",
                    "address": "12 Dover Road, Canterbury, CT1 3AA"}}
            }),
        ),
        (
            "unlawful-ending",
            json!({
                "case": {
                    "detentions": [{
                        "section": "3", "detained_in": "england", "admitted": "2023-05-02", "left_hospital": "2023-09-18",
                        "leaving": "discharged", "lived_before": {"country": "england", "council": "Leeds"},
                        "gp_icb": "NHS West Yorkshire ICB"
                    }],
                    "aftercare_ended": {"date": "2026-10-01", "reason": "discharged_from_mental_health_services"}
                },
                "details": {"person": {"name": "Morgan Hughes", "date_of_birth": "1992-06-21",
                    "address": "40 Otley Road, Leeds, LS6 2AA"}}
            }),
        ),
        (
            "ended-lawfully",
            json!({
                "case": {
                    "detentions": [{
                        "section": "3", "detained_in": "england", "admitted": "2022-11-01", "left_hospital": "2023-02-14",
                        "leaving": "discharged", "lived_before": {"country": "england", "council": "Manchester"},
                        "gp_icb": "NHS Greater Manchester ICB"
                    }],
                    "aftercare_ended": {"date": "2026-10-12", "reason": "no_longer_needed", "joint_written_decision": true}
                },
                "details": {"person": {"name": "Dana Shah", "date_of_birth": "1984-03-03",
                    "address": "9 Wilmslow Road, Manchester, M14 5AA"}},
                "options": {"copy_of_records": true}
            }),
        ),
        (
            "still-in-hospital",
            json!({
                "case": {"detentions": [{
                    "section": "3", "detained_in": "england", "admitted": "2026-08-10", "leaving": "still_in_hospital",
                    "hospital": "Highbury Hospital", "lived_before": {"country": "england", "council": "Nottingham"},
                    "gp_icb": "NHS Nottingham and Nottinghamshire ICB"
                }]},
                "details": {"person": {"name": "Lee Carter", "date_of_birth": "2001-01-19"}},
                "options": {"advocate": true}
            }),
        ),
        (
            "on-behalf-with-lpa",
            json!({
                "to": "council",
                "case": {"detentions": [{
                    "section": "3", "detained_in": "england", "admitted": "2023-02-20", "left_hospital": "2023-06-30",
                    "leaving": "cto", "lived_before": {"country": "england", "council": "Bristol"},
                    "gp_icb": "NHS Bristol, North Somerset and South Gloucestershire ICB"
                }]},
                "details": {
                    "person": {"name": "Margaret Wood", "date_of_birth": "1948-09-12",
                        "address": "Elm House Care Home, 2 Elm Road, Bristol, BS6 6AA", "nhs_number": "485 777 3456"},
                    "writer": {"name": "Helen Wood", "relationship": "daughter", "address": "15 Park Street, Bath, BA1 2AA",
                        "phone": "07700 900123", "email": "helen@example.org", "authority": "lasting_power_of_attorney"}
                },
                "options": {"advocate": true, "copy_of_records": true, "direct_payments": true}
            }),
        ),
        (
            "minimal-details",
            json!({
                "case": {"detentions": [{"section": "3", "detained_in": "england", "left_hospital": "2024",
                    "leaving": "discharged", "lived_before": {"country": "england"}}]}
            }),
        ),
        (
            "not-entitled",
            json!({
                "case": {
                    "detentions": [{"section": "2", "detained_in": "england", "admitted": "2025-04-01",
                        "left_hospital": "2025-04-20", "leaving": "discharged",
                        "lived_before": {"country": "england", "council": "Derby"}}],
                    "charges": [{"what": "home care", "since": "2025-05"}]
                },
                "details": {"person": {"name": "Robin Ellis", "date_of_birth": "1990-05-05"}}
            }),
        ),
        (
            "out-of-scope-scotland",
            json!({
                "case": {"detentions": [{"section": "unknown", "detained_in": "scotland", "admitted": "2024-01",
                    "left_hospital": "2024-03", "leaving": "discharged", "lived_before": {"country": "scotland"}}]},
                "details": {"person": {"name": "Iain Ross"}}
            }),
        ),
        (
            "undetermined-unknown-section",
            json!({
                "case": {"detentions": [{"section": "unknown", "detained_in": "england", "admitted": "2020",
                    "left_hospital": "2020", "leaving": "discharged",
                    "lived_before": {"country": "england", "council": "Cornwall"}}]},
                "details": {"person": {"name": "Kit Moss"}}
            }),
        ),
        (
            "ending-in-question-nhs-only",
            json!({
                "to": "nhs",
                "case": {
                    "detentions": [{"section": "37", "detained_in": "england", "admitted": "2023-03-01",
                        "left_hospital": "2024-01-10", "leaving": "discharged",
                        "lived_before": {"country": "england", "council": "Norfolk"}}],
                    "aftercare_ended": {"date": "2026-09", "reason": "no_longer_needed"}
                },
                "details": {"person": {"name": "Terry Blake", "date_of_birth": "1970-08-08"}}
            }),
        ),
        // tests/scenarios/readmission/conditional-discharge-recall-with-imposed-residence-leaves-the-original-council-ewca-2014-712.toml
        (
            "recall-with-imposed-residence",
            json!({
                "case": {"detentions": [
                    {"section": "37/41", "detained_in": "england", "admitted": "2019-05-13", "left_hospital": "2022-03-01",
                     "leaving": "conditional_discharge", "lived_before": {"country": "england", "council": "Wiltshire"}},
                    {"section": "37/41", "recall": "conditional_discharge_recall", "detained_in": "england",
                     "admitted": "2025-01-20", "left_hospital": "2026-02-02", "leaving": "conditional_discharge",
                     "lived_before": {"country": "england", "council": "Hertfordshire",
                        "required_by_discharge_condition": true}}
                ]},
                "details": {"person": {"name": "Dee Marsh", "date_of_birth": "1983-01-17",
                    "address": "4 Station Road, Hitchin, SG4 9AA"}},
                "options": {"advocate": true}
            }),
        ),
        (
            "placement-facts-needed",
            json!({
                "case": {"detentions": [{
                    "section": "3", "detained_in": "england", "admitted": "2025-03-03", "left_hospital": "2025-08-18",
                    "leaving": "discharged",
                    "lived_before": {"country": "england", "council": "Wirral", "lacked_capacity": true}
                }]},
                "details": {
                    "person": {"name": "Jamie Price", "date_of_birth": "1966-11-02",
                        "address": "Flat 5, 20 Park Road, Birkenhead, CH41 4AA"},
                    "writer": {"name": "Ola Price", "relationship": "son", "address": "8 Hill Street, Chester, CH1 1AA",
                        "authority": "deputy"}
                },
                "options": {"personal_health_budget": true, "direct_payments": true, "advocate": true,
                    "copy_of_records": true}
            }),
        ),
        (
            "each-england",
            json!({
                "to": "each",
                "case": england_s3_bromsgrove(),
                "details": {"person": alex_morgan()},
                "options": {"personal_health_budget": true, "direct_payments": true}
            }),
        ),
        (
            "each-wales",
            json!({
                "to": "each",
                "case": wales_s37_41_cardiff(),
                "details": {"person": rhian_evans()}
            }),
        ),
    ];
    table
        .into_iter()
        .map(|(name, fields)| (name, request_for(fields)))
        .collect()
}

/// The request of the scenario called `name`.
fn scenario(name: &str) -> LetterRequest {
    scenarios()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no scenario {name}"))
        .1
}

/// Every letter of every scenario: two for a scenario asking for a letter to each side.
fn all_letters() -> Vec<(&'static str, Letter)> {
    scenarios()
        .into_iter()
        .flat_map(|(name, req)| render_all(&req).into_iter().map(move |l| (name, l)))
        .collect()
}

/// Where `insta` keeps the snapshot of the scenario `name`.
fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("letter__{name}.snap"))
}

#[test]
fn letters_match_their_snapshots() {
    // Every letter is compared, so one run writes a `.snap.new` for each that changed (see the README's Tests).
    let mut failed = Vec::new();
    for (name, req) in scenarios() {
        let text = to_text_all(&render_all(&req));
        // insta ignores white space at the end; a letter ends with exactly one newline.
        assert_eq!(
            format!("{}\n", text.trim_end()),
            text,
            "{name}: a letter ends with one newline"
        );
        if std::panic::catch_unwind(|| insta::assert_snapshot!(name, text)).is_err() {
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "letters differ from their snapshots: {failed:?}. Run INSTA_UPDATE=new cargo test --test letter and read each \
         tests/snapshots/*.snap.new; if every change is intended, run INSTA_UPDATE=always cargo test --test letter, \
         delete the .snap.new files and commit the .snap files (README, Tests)"
    );
}

#[test]
fn every_scenario_has_a_snapshot_and_no_stray_snapshots() {
    let names: Vec<&str> = scenarios().iter().map(|(n, _)| *n).collect();
    assert!(names.len() >= 10);
    for name in &names {
        assert!(snapshot_path(name).is_file(), "{name} has no snapshot");
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = file
            .strip_prefix("letter__")
            .and_then(|f| f.strip_suffix(".snap"))
        {
            assert!(
                names.contains(&stem),
                "stray snapshot {file}: no scenario writes it"
            );
        }
    }
}

/// All the text of a letter, as a reader sees it, with lines unwrapped.
fn words(letter: &Letter) -> String {
    to_text(letter)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_citation_is_shown_by_its_label() {
    for (name, letter) in all_letters() {
        let text = words(&letter);
        assert!(!letter.citations.is_empty(), "{name}");
        for c in &letter.citations {
            assert!(
                text.contains(c.label),
                "{name}: {} is cited but its label is not in the text",
                c.id
            );
            assert!(
                s117::sources::by_id(c.id).is_some(),
                "{name}: {} is not in the registry",
                c.id
            );
        }
    }
}

#[test]
fn footer_names_the_rules_version_and_law_date() {
    let law_date = s117::rules::LAW_DATE
        .parse::<s117::date::Date>()
        .unwrap()
        .long();
    for (name, letter) in all_letters() {
        assert!(letter.footer.contains(s117::rules::RULES_VERSION), "{name}");
        assert!(letter.footer.contains(&law_date), "{name}");
        assert!(letter.footer.contains("not legal advice"), "{name}");
        assert!(to_text(&letter).contains("screening tool"), "{name}");
    }
}

#[test]
fn text_is_wrapped_at_78_columns() {
    for (name, req) in scenarios() {
        // A form feed on a line of its own separates two letters.
        for line in to_text_all(&render_all(&req))
            .lines()
            .filter(|l| *l != "\u{000C}")
        {
            assert!(line.chars().count() <= 78, "{name}: {line:?}");
            assert_eq!(line, line.trim_end(), "{name}: trailing space in {line:?}");
        }
    }
}

#[test]
fn reply_by_skips_weekends_and_bank_holidays() {
    // Friday 19 December 2025: 25 and 26 December and 1 January are bank holidays. Counted by hand:
    // 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20, 21 Jan.
    let mut req = scenarios().remove(0).1;
    req.date = "2025-12-19".parse().unwrap();
    let letter = render(&req);
    assert_eq!(letter.reply_by.to_string(), "2026-01-21");
    let text = words(&letter);
    assert!(text.contains("Please reply in writing by 21 January 2026, which is 20 working days"));
    // Time limits are never counted from the reply date (s117-rules.md §11.4): no ombudsman date a year after it,
    // no judicial review date three months after it.
    assert!(
        !text.contains("21 January 2027"),
        "ombudsman date from the reply date"
    );
    assert!(
        !text.contains("21 April 2026"),
        "judicial review date from the reply date"
    );
    assert!(!text.contains("date a reply is due"));
}

#[test]
fn addresses_the_real_bodies_and_every_candidate() {
    let get = |name: &str| render(&scenario(name));

    let england = get("entitled-england");
    let names: Vec<&str> = england.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Worcestershire County Council",
            "NHS Herefordshire and Worcestershire Integrated Care Board"
        ]
    );
    assert!(england
        .addressees
        .iter()
        .all(|a| a.certain && a.why.is_none()));

    // Placed out of area: both councils, each with the reason.
    let placed = get("uncertain-council-placed-out-of-area");
    let councils: Vec<&letter::Addressee> = placed
        .addressees
        .iter()
        .filter(|a| a.kind == letter::AddresseeKind::Council)
        .collect();
    assert_eq!(councils.len(), 2, "{:?}", placed.addressees);
    assert!(councils.iter().all(|a| !a.certain && a.why.is_some()));
    assert!(words(&placed).contains("Worcestershire County Council placed me there"));

    // Readmission: the council follows the latest detention, the ICB the first.
    let moved = get("readmission-council-and-icb-in-different-areas");
    let text = words(&moved);
    assert!(text.contains("Swindon Borough Council"));
    assert!(text.contains("Herefordshire and Worcestershire"));
    assert!(text.contains("R (Worcestershire County Council) v Secretary of State for Health and Social Care [2023] UKSC 31"));

    // Wales: the local health board and the Welsh ombudsman, not the English ones.
    let wales = words(&get("wales"));
    assert!(wales.contains("Cardiff and Vale University Health Board"));
    assert!(wales.contains("Public Services Ombudsman for Wales"));
    assert!(!wales.contains("Local Government and Social Care Ombudsman"));

    // Minimal details: fill-in lines for everything, including the bodies it could not name.
    let minimal = get("minimal-details");
    assert!(minimal
        .addressees
        .iter()
        .any(|a| a.name == "[name of council]"));
    let text = to_text(&minimal);
    for line in [
        "Name: ____________",
        "Date of birth: ____________",
        "NHS number: ____________",
    ] {
        assert!(text.contains(line), "{line}");
    }
}

#[test]
fn only_the_chosen_side_is_addressed() {
    let req = scenario("on-behalf-with-lpa");
    let letter = render(&req);
    assert!(letter
        .addressees
        .iter()
        .all(|a| a.kind == letter::AddresseeKind::Council));
    let mut nhs = req.clone();
    nhs.to = letter::Recipients::Nhs;
    let letter = render(&nhs);
    assert!(letter
        .addressees
        .iter()
        .all(|a| a.kind == letter::AddresseeKind::NhsBody));
    assert!(words(&letter).contains("Parliamentary and Health Service Ombudsman"));
    assert!(!words(&letter).contains("Local Government and Social Care Ombudsman"));
}

#[test]
fn each_side_gets_its_own_complete_letter_naming_the_other() {
    use letter::AddresseeKind::{Council, NhsBody};

    let req = scenario("each-england");
    let letters = render_all(&req);
    assert_eq!(letters.len(), 2);
    let (council, nhs) = (&letters[0], &letters[1]);
    assert!(council.addressees.iter().all(|a| a.kind == Council));
    assert!(nhs.addressees.iter().all(|a| a.kind == NhsBody));
    assert_eq!(council.addressees[0].name, "Worcestershire County Council");
    assert_eq!(
        nhs.addressees[0].name,
        "NHS Herefordshire and Worcestershire Integrated Care Board"
    );
    // `render` keeps giving one letter: for `each`, the council's.
    assert_eq!(&render(&req), council);
    // Each is a whole letter on its own, and says where its twin went and why (the shared duty).
    for (letter, other) in [
        (
            council,
            "NHS Herefordshire and Worcestershire Integrated Care Board",
        ),
        (nhs, "Worcestershire County Council"),
    ] {
        let text = words(letter);
        assert!(text.starts_with("Alex Morgan Flat 2"), "{text}");
        assert!(text.contains("Dear Sir or Madam,"));
        assert!(text.contains(&letter.subject));
        assert!(text.contains("What I am asking you to do"));
        assert!(text.contains("Please reply in writing by 21 December 2026"));
        assert!(text.contains("Yours faithfully,"));
        assert!(
            text.contains(&format!(
                "(Mental Health Act 1983, s.117(2)), so I am sending this letter to you, and at the same time a matching letter to {other}."
            )),
            "{text}"
        );
        assert!(!text.contains("both of you"), "{text}");
        assert!(letter
            .notes
            .iter()
            .any(|n| n.starts_with("There are two letters")));
    }
    // Each letter asks its own side for its own things, and names its own ombudsman.
    let (c, n) = (words(council), words(nhs));
    assert!(c.contains("direct payments") && !c.contains("personal health budget"));
    assert!(n.contains("personal health budget") && !n.contains("direct payments"));
    assert!(c.contains("Local Government and Social Care Ombudsman"));
    assert!(!c.contains("Parliamentary and Health Service Ombudsman"));
    assert!(n.contains("Parliamentary and Health Service Ombudsman"));
    assert!(!n.contains("Local Government and Social Care Ombudsman"));

    // The other choices still give one letter, unchanged.
    for to in [
        letter::Recipients::Both,
        letter::Recipients::Council,
        letter::Recipients::Nhs,
    ] {
        let mut one = req.clone();
        one.to = to;
        assert_eq!(render_all(&one), vec![render(&one)]);
        assert_eq!(to_text_all(&render_all(&one)), to_text(&render(&one)));
        assert!(!words(&render(&one)).contains("matching letter"));
    }

    // Uncertain council: the council letter goes to every candidate council, and the NHS letter names them all.
    let mut placed = scenario("uncertain-council-placed-out-of-area");
    placed.to = letter::Recipients::Each;
    let letters = render_all(&placed);
    let councils: Vec<&str> = letters[0]
        .addressees
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(councils.len(), 2, "{councils:?}");
    assert!(letters[0].addressees.iter().all(|a| a.kind == Council));
    assert!(letters[1].addressees.iter().all(|a| a.kind == NhsBody));
    assert!(
        words(&letters[1]).contains(&format!(
            "a matching letter to {} and {}.",
            councils[0], councils[1]
        )),
        "{}",
        words(&letters[1])
    );

    // A letter that says section 117 may not apply still says that a matching letter has gone to the other side.
    let mut negative = scenario("not-entitled");
    negative.to = letter::Recipients::Each;
    for letter in render_all(&negative) {
        assert!(words(&letter).contains("so I am sending a matching letter to"));
    }

    // Wales: the health board's letter and the council's, each with the Welsh ombudsman.
    let wales = render_all(&scenario("each-wales"));
    assert_eq!(wales[0].addressees[0].name, "Cardiff Council");
    assert_eq!(
        wales[1].addressees[0].name,
        "Cardiff and Vale University Health Board"
    );
    assert!(
        words(&wales[0]).contains("a matching letter to Cardiff and Vale University Health Board.")
    );
    assert!(words(&wales[1]).contains("a matching letter to Cardiff Council."));
    for letter in &wales {
        assert!(words(letter).contains("Public Services Ombudsman for Wales"));
    }
}

#[test]
fn several_letters_as_text_are_split_by_a_form_feed_and_a_rule() {
    let req = scenario("each-england");
    let letters = render_all(&req);
    let text = to_text_all(&letters);
    assert_eq!(text.matches('\u{000C}').count(), 1);
    let (first, second) = text.split_once(letter::text::SEPARATOR).unwrap();
    assert_eq!(first, to_text(&letters[0]));
    assert_eq!(second, to_text(&letters[1]));
    let lines: Vec<&str> = text.lines().collect();
    let ff = lines.iter().position(|l| *l == "\u{000C}").unwrap();
    assert_eq!(
        lines[ff - 1],
        "-".repeat(78),
        "a rule line before the form feed"
    );
    assert_eq!(
        lines[ff + 1],
        "Alex Morgan",
        "the next letter starts after it"
    );
}

#[test]
fn honest_about_uncertain_and_negative_outcomes() {
    let get = |name: &str| render(&scenario(name));
    let unsure = words(&get("undetermined-unknown-section"));
    assert!(unsure.contains("confirm in writing whether I am entitled"));
    assert!(!unsure.contains("confirm in writing that I am entitled"));

    let not = get("not-entitled");
    assert!(words(&not).contains("section 117 may not apply to me"));
    assert!(not
        .notes
        .iter()
        .any(|n| n.contains("not owed section 117 after-care")));

    let scotland = get("out-of-scope-scotland");
    assert!(words(&scotland).contains("it may not apply to me"));
    assert!(words(&scotland).contains("Mental Health (Care and Treatment) (Scotland) Act 2003"));
}

#[test]
fn refund_names_the_periods_and_leaves_out_the_lawful_top_up() {
    let text = words(&render(&scenario("charges-refund")));
    assert!(text.contains("care home fees from September 2021 to March 2024"));
    assert!(text.contains("supported living rent from April 2024 (still being charged)"));
    assert!(text.contains("with interest"));
    assert!(text.contains(
        "A top-up is being paid under a written agreement for the extra cost of the room I chose"
    ));
    assert!(!text.contains("the following while owed section 117 after-care: the extra cost"));
}

#[test]
fn every_optional_request_cites_its_legal_basis() {
    let get = |name: &str| render(&scenario(name));
    let ids =
        |letter: &Letter| -> Vec<&'static str> { letter.citations.iter().map(|c| c.id).collect() };

    // England: direct payments under the Care Act as applied by Sch. 4, the NHS England legal right to a
    // personal health budget, and the subject access request.
    let england = get("placement-facts-needed");
    let cited = ids(&england);
    for id in [
        "mha1983-s117-2c",
        "care-act-2014-sch4",
        "nhse-phb-legal-rights",
        "uk-gdpr-art-15",
        "mha1983-s130a",
    ] {
        assert!(cited.contains(&id), "{id} not cited: {cited:?}");
    }
    assert!(!cited.contains(&"sswbwa-2014-scha1"));
    let text = words(&england);
    assert!(text.contains("people in England who are owed section 117 after-care have had a legal right to have a personal health budget"));
    assert!(text.contains("normally due within one month"));

    // Wales: the Welsh Act for direct payments, and the personal health budget asked about, not claimed.
    let wales = get("wales");
    let cited = ids(&wales);
    assert!(cited.contains(&"sswbwa-2014-scha1"), "{cited:?}");
    assert!(!cited.contains(&"care-act-2014-sch4"), "{cited:?}");
    assert!(words(&wales).contains("can be provided in Wales in the same way"));
}

#[test]
fn an_advocate_is_claimed_as_a_right_only_for_a_qualifying_patient() {
    let get = |name: &str| words(&render(&scenario(name)));
    let right = "entitled to help from an independent mental health advocate";
    // On a CTO, still detained, conditionally discharged: qualifying patients (MHA 1983 ss.130C, 130D(2)(b)).
    assert!(get("on-behalf-with-lpa").contains(&format!(
        "is on a community treatment order, so they are a qualifying patient, {right}"
    )));
    assert!(get("still-in-hospital").contains(right));
    assert!(get("recall-with-imposed-residence").contains(&format!(
        "I am conditionally discharged, so I am a qualifying patient, {right}"
    )));
    // Discharged: asked for help, with no right claimed.
    let discharged = get("placement-facts-needed");
    assert!(!discharged.contains(right));
    assert!(discharged.contains("help them to find an advocate"));
    assert!(discharged.contains("If you consider that they qualify for one, please tell me."));
}

#[test]
fn a_recall_with_an_imposed_home_explains_why_the_original_council_is_named() {
    let letter = render(&scenario("recall-with-imposed-residence"));
    let first: Vec<&str> = letter.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(first[0], "Wiltshire Council");
    let text = words(&letter);
    assert!(text.contains("So I believe that Wiltshire Council, the council for where I lived before my original detention, remains responsible."));
    assert!(text.contains("If it does, Hertfordshire County Council holds the duty instead."));
    // Not the general rule that would point the other way, nor the original council "instead".
    assert!(!text.contains("not the first"));
    assert!(!text.contains("before the original detention may be responsible instead"));
}

#[test]
fn placement_facts_needed_asks_who_arranged_the_placement() {
    let letter = render(&scenario("placement-facts-needed"));
    assert!(letter
        .decision
        .flags
        .iter()
        .any(|f| f.id == s117::decision::FlagId::PlacementFactsNeeded));
    let text = words(&letter);
    assert!(text.contains("Please tell me whether any council arranged that before the detention, and if so which one"));
    let cited: Vec<&str> = letter.citations.iter().map(|c| c.id).collect();
    assert!(cited.contains(&"uksc-2023-31") && cited.contains(&"mha1983-s117-3"));
}

#[test]
fn the_welsh_complaint_route_ends_with_the_welsh_ombudsman() {
    let letter = render(&scenario("wales"));
    let text = words(&letter);
    assert!(text.contains("I will ask the Public Services Ombudsman for Wales to investigate"));
    assert!(text.contains("(Public Services Ombudsman (Wales) Act 2019, s.8)"));
    for english in [
        "Local Government and Social Care Ombudsman",
        "Parliamentary and Health Service Ombudsman",
        "Local Government Act 1974",
    ] {
        assert!(!text.contains(english), "{english}");
    }
}

#[test]
fn the_ombudsman_date_is_never_later_than_the_decisions_deadline() {
    // After-care said to end on 1 October 2026: twelve months from then, not from the reply date.
    assert!(words(&render(&scenario("unlawful-ending")))
        .contains("so I would do that by 1 October 2027 at the latest"));
}

#[test]
fn points_kept_out_of_the_letter_are_notes_for_the_user() {
    // Charges from 2016: the six-year court limit is told to the user, not conceded to the council.
    let req = request_for(json!({"case": {
        "detentions": [{"section": "3", "detained_in": "england", "admitted": "2015-05-01", "left_hospital": "2015-09-01",
            "leaving": "discharged", "lived_before": {"country": "england", "council": "Kent"}}],
        "charges": [{"what": "care home fees", "since": "2016-01"}]
    }}));
    let letter = render(&req);
    assert!(letter
        .notes
        .iter()
        .any(|n| n.contains("A court claim to recover money usually has to be made within")));
    assert!(!words(&letter).contains("six years"));
    assert!(!words(&letter).contains("6 years"));
}

// ---------------------------------------------------------------------------------------------------------------
// The .docx, read back.
// ---------------------------------------------------------------------------------------------------------------

/// Unzips a .docx written by `to_docx` and checks every part is well-formed XML.
fn parts(docx: &[u8]) -> Vec<(String, String)> {
    let entries =
        letter::zip::read_stored(docx).expect("the .docx is a readable zip with correct CRCs");
    entries
        .into_iter()
        .map(|(name, bytes)| {
            let xml = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
            if let Err(e) = roxmltree::Document::parse(&xml) {
                panic!("{name} is not well-formed XML: {e}");
            }
            (name, xml)
        })
        .collect()
}

/// The part called `name` of a .docx unzipped by `parts`.
fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

/// The visible text of `word/document.xml`: every `w:t`, one paragraph per line.
fn docx_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let mut out = String::new();
    for p in doc.descendants().filter(|n| n.has_tag_name("p")) {
        for t in p.descendants().filter(|n| n.has_tag_name("t")) {
            out.push_str(t.text().unwrap_or(""));
        }
        out.push('\n');
    }
    out
}

#[test]
fn docx_unzips_to_well_formed_parts_with_the_letter_in_it() {
    for (name, letter) in all_letters() {
        let docx = to_docx(&letter);
        let parts = parts(&docx);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        for required in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/numbering.xml",
            "word/footer1.xml",
            "docProps/core.xml",
        ] {
            assert!(names.contains(&required), "{name}: missing {required}");
        }
        let document = part(&parts, "word/document.xml");
        assert!(
            document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
            "{name}: A4"
        );
        let text = docx_text(document);
        assert!(text.contains(&letter.subject), "{name}: subject");
        assert!(text.contains("Dear Sir or Madam,"), "{name}");
        assert!(text.contains("What I am asking you to do"), "{name}");
        for block in &letter.blocks {
            match block {
                Block::Heading { text: t } | Block::Paragraph { text: t } => {
                    assert!(text.contains(t.as_str()), "{name}: {t}")
                }
                Block::List { items, .. } => {
                    for item in items {
                        assert!(text.contains(item.as_str()), "{name}: {item}");
                    }
                }
                Block::Signature { .. } => {}
            }
        }
        let footer = part(&parts, "word/footer1.xml");
        assert!(docx_text(footer).contains(&letter.footer), "{name}: footer");
    }
}

#[test]
fn docx_numbered_lists_restart_for_each_list() {
    let letter = render(&scenarios().remove(0).1);
    let docx = to_docx(&letter);
    let parts = parts(&docx);
    let numbering = part(&parts, "word/numbering.xml");
    let ordered = letter
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::List { ordered: true, .. }))
        .count();
    assert_eq!(
        numbering.matches("<w:startOverride w:val=\"1\"/>").count(),
        ordered
    );
}

#[test]
fn each_letter_in_one_docx_starts_on_a_new_page() {
    let req = scenario("each-england");
    let letters = render_all(&req);
    let docx = to_docx_all(&letters);
    let parts = parts(&docx);
    let document = part(&parts, "word/document.xml");
    // One page break, in a run (where Word and LibreOffice look for it), sharing its paragraph with the first line
    // of the second letter, so the new page does not start with a blank line.
    assert_eq!(document.matches("<w:br w:type=\"page\"/>").count(), 1);
    let doc = roxmltree::Document::parse(document).unwrap();
    let br = doc
        .descendants()
        .find(|n| n.has_tag_name("br"))
        .expect("a w:br");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    assert_eq!(br.attribute((w, "type")), Some("page"));
    let run = br.parent().unwrap();
    assert!(run.has_tag_name("r"));
    let paragraph = run.parent().unwrap();
    assert!(paragraph.has_tag_name("p"));
    assert_eq!(paragraph.parent().unwrap().tag_name().name(), "body");
    let first_line: String = paragraph
        .descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(first_line, letters[1].sender[0]);
    // Before the break, the council's letter; after it, the NHS body's: each addressee on its own line in its
    // own letter, and both letters whole.
    let (before, after) = document.split_once("<w:br w:type=\"page\"/>").unwrap();
    let line = |name: &str| format!("<w:t xml:space=\"preserve\">{name}</w:t>");
    let council = "Worcestershire County Council";
    let icb = "NHS Herefordshire and Worcestershire Integrated Care Board";
    assert!(before.contains(&line(council)) && !before.contains(&line(icb)));
    assert!(after.contains(&line(icb)) && !after.contains(&line(council)));
    let text = docx_text(document);
    assert_eq!(text.matches("Dear Sir or Madam,").count(), 2);
    assert_eq!(text.matches(letters[0].subject.as_str()).count(), 2);
    assert_eq!(text.matches("Yours faithfully,").count(), 2);
    assert!(text.contains(&format!("a matching letter to {icb}.")));
    assert!(text.contains(&format!("a matching letter to {council}.")));
    // Each letter's numbered list has its own numbering, restarting at 1.
    let numbering = part(&parts, "word/numbering.xml");
    let ordered = letters
        .iter()
        .flat_map(|l| &l.blocks)
        .filter(|b| matches!(b, Block::List { ordered: true, .. }))
        .count();
    assert!(ordered >= 4, "a chronology and the requests in each letter");
    assert_eq!(
        numbering.matches("<w:startOverride w:val=\"1\"/>").count(),
        ordered
    );
    // One letter in to_docx_all is the same file as to_docx.
    assert_eq!(to_docx_all(&letters[..1]), to_docx(&letters[0]));
}

/// Payloads typed into every free-text field.
const PAYLOADS: [&str; 6] = [
    "</w:t></w:r><w:fldSimple w:instr=\"HYPERLINK &quot;http://evil.example&quot;\"><w:r><w:t>click</w:t></w:r></w:fldSimple><w:r><w:t>",
    "{ INCLUDETEXT \"c:\\\\x\" }",
    "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\" }",
    "<script>alert('x')</script> & \"quotes\" 'apostrophes'",
    "]]><!-- <![CDATA[ x ]]> -->",
    "Name\u{0}with\u{1}controls\u{7f}\u{202e}reversed\u{fffe}",
];

fn hostile_request(payload: &str) -> LetterRequest {
    let mut req = scenario("charges-refund");
    let p = Some(payload.to_owned());
    req.details.person = letter::Person {
        name: p.clone(),
        date_of_birth: p.clone(),
        address: p.clone(),
        nhs_number: p.clone(),
        phone: p.clone(),
        email: p.clone(),
    };
    req.details.writer = Some(letter::Writer {
        name: p.clone(),
        relationship: p.clone(),
        address: p.clone(),
        phone: p.clone(),
        email: p.clone(),
        authority: Some(letter::Authority::Other),
    });
    for d in &mut req.case.detentions {
        d.hospital = p.clone();
        d.lived_before.council = p.clone();
        d.gp_icb = p.clone();
    }
    for c in &mut req.case.charges {
        c.what = p.clone();
    }
    req
}

#[test]
fn user_text_stays_inert_in_the_docx() {
    for payload in PAYLOADS {
        let letter = render(&hostile_request(payload));
        let docx = to_docx(&letter);
        for (name, xml) in parts(&docx) {
            let doc = roxmltree::Document::parse(&xml).unwrap();
            for node in doc.descendants().filter(|n| n.is_element()) {
                let tag = node.tag_name().name();
                assert!(
                    !matches!(
                        tag,
                        "fldSimple"
                            | "fldChar"
                            | "instrText"
                            | "hyperlink"
                            | "script"
                            | "object"
                            | "altChunk"
                    ),
                    "{name}: payload {payload:?} became a <{tag}> element"
                );
            }
            // No element carries user text in an attribute.
            for node in doc.descendants().filter(|n| n.is_element()) {
                for attr in node.attributes() {
                    assert!(
                        !attr.value().contains("evil") && !attr.value().contains("INCLUDETEXT"),
                        "{name}"
                    );
                }
            }
        }
        // The payload is shown as literal text (cleaned of control characters).
        let visible = docx_text(part(&parts(&docx), "word/document.xml"));
        let cleaned = letter::clean(payload);
        assert!(
            visible.contains(&cleaned),
            "payload {payload:?} not shown literally"
        );
        // Long tokens are broken across lines in the text, so compare without white space.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            squeeze(&to_text(&letter)).contains(&squeeze(&cleaned)),
            "payload {payload:?} not in the text"
        );
    }
}

#[test]
fn control_and_bidi_characters_are_removed_everywhere() {
    let letter = render(&hostile_request(PAYLOADS[5]));
    let text = to_text(&letter);
    assert!(text.contains("Namewithcontrolsreversed"));
    for bad in ['\u{0}', '\u{1}', '\u{7f}', '\u{202e}', '\u{fffe}'] {
        assert!(!text.contains(bad), "{bad:?} in text");
        // The letter's own fields; `decision` is the rules' output, passed through as it is.
        let mut value = serde_json::to_value(&letter).unwrap();
        value.as_object_mut().unwrap().remove("decision");
        let json = value.to_string();
        assert!(!json.contains(bad), "{bad:?} in JSON");
    }
}

#[test]
fn odd_and_huge_input_never_breaks_the_letter() {
    let long = "Ω".repeat(10_000);
    for payload in [
        String::new(),
        "   ".to_owned(),
        "\n\n\n".to_owned(),
        long.clone(),
        "👩🏽‍⚕️ Zoë 🏳️‍🌈".to_owned(),
        "محمد عبد الله".to_owned(),
        "שרה כהן".to_owned(),
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,".to_owned(),
        format!("{}\n", "line\n".repeat(5000)),
    ] {
        let letter = render(&hostile_request(&payload));
        let text = to_text(&letter);
        assert!(text.contains("What I am asking you to do"));
        assert!(text.lines().all(|l| l.chars().count() <= 78));
        let docx = to_docx(&letter);
        parts(&docx);
        assert!(docx.len() < 2_000_000, "docx of {} bytes", docx.len());
    }
    // A 10,000-character name is cut to the field limit, not repeated in full everywhere.
    let letter = render(&hostile_request(&long));
    assert!(letter.subject.chars().count() < letter::MAX_FIELD * 2 + 200);
}

/// Every choice of recipients, read from the type's JSON Schema (`Recipients` lives in `src/letter/` and has no
/// `ALL`), so a new choice is walked without editing this test.
fn recipients() -> Vec<letter::Recipients> {
    fn values(schema: &Value, out: &mut Vec<Value>) {
        match schema {
            Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("const", Value::String(_)) => out.push(v.clone()),
                        ("enum", Value::Array(all)) => out.extend(all.iter().cloned()),
                        _ => values(v, out),
                    }
                }
            }
            Value::Array(all) => all.iter().for_each(|v| values(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    values(
        &serde_json::to_value(schemars::schema_for!(letter::Recipients)).unwrap(),
        &mut found,
    );
    let all: Vec<letter::Recipients> = found
        .into_iter()
        .map(|v| serde_json::from_value(v).unwrap())
        .collect();
    assert!(
        all.contains(&letter::Recipients::Each) && all.len() >= 4,
        "{all:?}"
    );
    all
}

#[test]
fn render_never_panics_on_any_case_shape() {
    // Every section, every way of leaving, every recall, with and without dates, with every recipient choice.
    use s117::case::*;
    let leavings = std::iter::once(None).chain(Leaving::ALL.map(Some));
    let base = scenarios().remove(0).1;
    let all_recipients = recipients();
    let mut count = 0;
    for section in Section::ALL {
        for leaving in leavings.clone() {
            for recall in std::iter::once(None).chain(Recall::ALL.map(Some)) {
                for &to in &all_recipients {
                    let mut req = base.clone();
                    req.to = to;
                    let d = &mut req.case.detentions[0];
                    d.section = section;
                    d.leaving = leaving;
                    d.recall = recall;
                    if leaving == Some(Leaving::StillInHospital) {
                        d.left_hospital = None;
                    }
                    let letters = render_all(&req);
                    let expected = if to == letter::Recipients::Each { 2 } else { 1 };
                    assert_eq!(letters.len(), expected);
                    let text = to_text_all(&letters);
                    assert_eq!(text.matches("Dear Sir or Madam,").count(), expected);
                    assert!(!text.contains("  ."), "{text}");
                    count += 1;
                }
            }
        }
    }
    assert!(count > 1000);
}

#[test]
fn a_later_stay_under_an_unknown_section_is_a_doubt_only_under_the_mental_health_act_1983() {
    let later = |detained_in: &str| {
        let mut detentions = england_s3_bromsgrove()["detentions"].clone();
        detentions.as_array_mut().unwrap().push(json!({
            "section": "unknown", "detained_in": detained_in, "admitted": "2025-01-06",
            "left_hospital": "2025-02-03", "leaving": "discharged",
            "lived_before": {"country": "england", "council": "Birmingham"}
        }));
        words(&render(&request_for(
            json!({"case": {"detentions": detentions}}),
        )))
    };
    let doubt = "under a section I do not know";
    assert!(later("england").contains(doubt));
    assert!(!later("scotland").contains(doubt));
}

#[test]
fn an_earlier_detention_left_on_a_date_not_given_still_counts_as_detained_again() {
    let detentions = json!([
        {"section": "3", "detained_in": "england", "admitted": "2020-02-12", "leaving": "discharged",
         "lived_before": {"country": "england", "council": "Bromsgrove"}},
        {"section": "3", "detained_in": "england", "admitted": "2024-02-12", "left_hospital": "2024-06-03",
         "leaving": "discharged", "lived_before": {"country": "england", "council": "Birmingham"}}
    ]);
    let letter = words(&render(&request_for(
        json!({"case": {"detentions": detentions}}),
    )));
    assert!(letter.contains("because of my most recent detention under section 3"));
    assert!(letter.contains("Because I was detained again"));
}

#[test]
fn three_periods_of_after_care_read_as_one_sentence() {
    let stay = |admitted: &str, left: &str| {
        json!({"section": "3", "detained_in": "england", "admitted": admitted, "left_hospital": left,
            "leaving": "discharged", "lived_before": {"country": "england", "council": "Bromsgrove"}})
    };
    let detentions = json!([
        stay("2019-02-01", "2019-06-01"),
        stay("2021-03-03", "2021-09-20"),
        stay("2023-01-10", "2023-05-02")
    ]);
    let letter = words(&render(&request_for(
        json!({"case": {"detentions": detentions}}),
    )));
    assert!(
        letter.contains("my after-care duty ran from 1 June 2019 to 3 March 2021, ending when I was detained again, from 20 September 2021 to 10 January 2023, ending when I was detained again, and from 2 May 2023 to now"),
        "{letter}"
    );
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files_under(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The letter takes every legal fact from the Decision: no file under `src/letter` reaches into the rules.
#[test]
fn the_letter_never_names_the_rules() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/letter");
    for file in rust_files_under(&dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("crate::rules") && !line.contains("rules::"),
                "{}:{} names the rules; take the fact from the Decision instead: {line}",
                file.display(),
                n + 1
            );
        }
    }
}

/// Every message id the letter's code names (a quoted `"letter.…"`, wherever rustfmt put it) is in the
/// catalogue, and every message in the letter's section of the catalogue is named by the letter's code.
#[test]
fn every_letter_message_named_exists_and_every_one_is_named() {
    use s117::messages::{en_gb, lookup, Lang};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/letter");
    let mut code = String::new();
    for file in rust_files_under(&dir) {
        code.push_str(&std::fs::read_to_string(&file).unwrap());
    }
    let mut named = Vec::new();
    for (i, _) in code.match_indices("\"letter.") {
        let rest = &code[i + 1..];
        let end = rest.find('"').unwrap();
        named.push(&rest[..end]);
    }
    for id in &named {
        assert!(
            lookup(Lang::EnGb, id).is_some(),
            "message {id} is named in src/letter but not in the catalogue"
        );
    }
    for (id, _) in en_gb::letter::TEXTS {
        assert!(
            named.contains(id),
            "message {id} is never used by the letter"
        );
    }
}
