//! The letter's test scenarios and helpers, shared by `tests/letter*.rs` (each test binary includes this file with
//! `#[path]`): the requests of every scenario, the letters they give, the text as a reader sees it, and the .docx
//! read back. Not every test binary uses every helper, hence `dead_code` is allowed here.
#![allow(dead_code)]

use s117::letter::{self, render_all, to_text, Letter, LetterRequest, Tone};
use serde_json::{json, Value};

/// A request from JSON, failing the test with the field if it does not parse.
pub fn request(json: &str) -> LetterRequest {
    match letter::parse_request(json) {
        Ok(r) => r,
        Err(errors) => panic!("bad request: {errors:?}"),
    }
}

/// The date every scenario's letter is written, and the date its case is judged at.
pub const DATE: &str = "2026-11-23";

/// `base` with `overrides` laid over it: objects merged key by key, anything else replaced.
pub fn with(mut base: Value, overrides: Value) -> Value {
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
pub fn request_for(fields: Value) -> LetterRequest {
    let base = json!({"date": DATE, "case": {"as_at": DATE}});
    request(&with(base, fields).to_string())
}

/// Detained under s.3 in England, discharged in 2024; lived in Bromsgrove, GP in Herefordshire and Worcestershire.
pub fn england_s3_bromsgrove() -> Value {
    json!({"detentions": [{
        "section": "3", "detained_in": "england", "admitted": "2024-02-12", "section_ended": "2024-06-03",
        "left_hospital": "2024-06-03", "leaving": "discharged", "hospital": "Elgar Unit, Worcester",
        "lived_before": {"country": "england", "council": "Bromsgrove"},
        "gp_icb": "NHS Herefordshire and Worcestershire ICB"
    }]})
}

/// The patient of `england_s3_bromsgrove`, with an address and NHS number.
pub fn alex_morgan() -> Value {
    json!({"name": "Alex Morgan", "date_of_birth": "1971-04-09",
        "address": "Flat 2, 14 Church Street\nBromsgrove\nB61 8DB", "nhs_number": "943 476 5919"})
}

/// Detained under s.37/41 in Wales, conditionally discharged in 2023; lived in Cardiff.
pub fn wales_s37_41_cardiff() -> Value {
    json!({"detentions": [{
        "section": "37/41", "detained_in": "wales", "admitted": "2019-03", "left_hospital": "2023-07-10",
        "leaving": "conditional_discharge", "lived_before": {"country": "wales", "council": "Cardiff"}
    }]})
}

/// The patient of `wales_s37_41_cardiff`.
pub fn rhian_evans() -> Value {
    json!({"name": "Rhian Evans", "date_of_birth": "1988-12-01", "address": "7 Heol y Castell, Caerdydd, CF10 1AA"})
}

/// Every scenario: (snapshot name, the request).
pub fn scenarios() -> Vec<(&'static str, LetterRequest)> {
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
    let mut scenarios: Vec<(&'static str, LetterRequest)> = table
        .into_iter()
        .map(|(name, fields)| (name, request_for(fields)))
        .collect();
    // The other tones, and the annex of legal grounds.
    let variant = |name: &str, tone: Tone, annex: bool| {
        let mut req = scenario_in(&scenarios, name);
        req.options.tone = tone;
        req.options.annex = annex;
        req
    };
    let extra = [
        (
            "unlawful-ending-before-claim",
            variant("unlawful-ending", Tone::LetterBeforeClaim, false),
        ),
        (
            "wales-formal-complaint-with-annex",
            variant("wales", Tone::FormalComplaint, true),
        ),
        (
            "charges-refund-with-annex",
            variant("charges-refund", Tone::FirstRequest, true),
        ),
    ];
    scenarios.extend(extra);
    scenarios
}

fn scenario_in(scenarios: &[(&'static str, LetterRequest)], name: &str) -> LetterRequest {
    scenarios
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no scenario {name}"))
        .1
        .clone()
}

/// The request of the scenario called `name`, with the annex of legal grounds: for tests of what the grounds say.
pub fn annexed(name: &str) -> LetterRequest {
    let mut req = scenario(name);
    req.options.annex = true;
    req
}

/// `req` with the annex of legal grounds.
pub fn with_annex(mut req: LetterRequest) -> LetterRequest {
    req.options.annex = true;
    req
}

/// The request of the scenario called `name`.
pub fn scenario(name: &str) -> LetterRequest {
    scenarios()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no scenario {name}"))
        .1
}

/// Every letter of every scenario: two for a scenario asking for a letter to each side.
pub fn all_letters() -> Vec<(&'static str, Letter)> {
    scenarios()
        .into_iter()
        .flat_map(|(name, req)| render_all(&req).into_iter().map(move |l| (name, l)))
        .collect()
}

/// All the text of a letter, as a reader sees it, with lines unwrapped.
pub fn words(letter: &Letter) -> String {
    to_text(letter)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------------------------
// The .docx, read back.
// ---------------------------------------------------------------------------------------------------------------

/// Unzips a .docx written by `to_docx` and checks every part is well-formed XML.
pub fn parts(docx: &[u8]) -> Vec<(String, String)> {
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
pub fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

/// The visible text of `word/document.xml`: every `w:t`, one paragraph per line.
pub fn docx_text(xml: &str) -> String {
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
