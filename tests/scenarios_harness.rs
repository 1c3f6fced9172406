//! The scenario harness proves it catches a wrong expectation: every entitlement swapped for every other value,
//! wrong versions of every kind of expectation, documents outside the specification, empty cites and unknown keys
//! are all reported.
mod common;
#[path = "common/scenario_harness.rs"]
mod harness;

use harness::{
    check, cited_ids, deadlines_of, is_none_word, load, load_all, run, ENTITLEMENTS, OUTSIDE_SPEC,
    PERIOD_ENDS,
};
use serde_json::Value as Json;
use std::collections::BTreeSet;

/// A harness that accepts anything proves nothing: swap each entitlement expectation for every other value and
/// check that the comparison reports a mismatch.
#[test]
fn wrong_expectations_are_caught() {
    let mut uncaught = Vec::new();
    let mut tried = 0;
    for s in load_all().into_iter().filter(|s| s.problems.is_empty()) {
        let r = run(&s.case);
        let actual = r
            .decision
            .as_ref()
            .and_then(|d| d["entitlement"].as_str())
            .map(str::to_owned);
        if let Some(expected) = s.expect.get("entitlement").and_then(Json::as_str) {
            for other in ENTITLEMENTS
                .iter()
                .filter(|e| **e != expected && Some(**e) != actual.as_deref())
            {
                let mut wrong = s.expect.clone();
                wrong.insert("entitlement".into(), Json::String((*other).into()));
                tried += 1;
                if !check(&wrong, &r)
                    .iter()
                    .any(|f| f.starts_with("entitlement:"))
                {
                    uncaught.push(format!(
                        "{}: entitlement {other} was not reported as a mismatch",
                        s.path
                    ));
                }
            }
        }
        // The same for a council name and a flag that cannot be there.
        if s.expect.contains_key("council") {
            let mut wrong = s.expect.clone();
            wrong.insert(
                "council".into(),
                Json::String("Nowhere District Council".into()),
            );
            tried += 1;
            if !check(&wrong, &r).iter().any(|f| f.starts_with("council:")) {
                uncaught.push(format!("{}: a wrong council was not reported", s.path));
            }
        }
        let mut wrong = s.expect.clone();
        wrong.insert(
            "flags".into(),
            Json::Array(vec![Json::String("no_such_flag".into())]),
        );
        tried += 1;
        if !check(&wrong, &r).iter().any(|f| f.starts_with("flags:")) {
            uncaught.push(format!("{}: a missing flag was not reported", s.path));
        }
    }
    assert!(tried > 0, "no mutation was tried");
    assert!(uncaught.is_empty(), "{}", uncaught.join("\n"));
}

/// Keys that [`mutations`] must have tried on at least one scenario.
const MUTATED_KEYS: &[&str] = &[
    "cited",
    "not_cited",
    "duty_arose",
    "qualifying_detention",
    "nhs_body",
    "council_certain",
    "nhs_body_certain",
    "council_candidates",
    "nhs_body_candidates",
    "periods",
    "period_ends",
    "period_from",
    "period_to",
    "period_councils",
    "refund_ranges",
    "refund",
    "all_time_barred",
    "refund_estimate",
    "refund_within_six_years",
    "deadlines",
    "no_deadlines",
    "deadlines_approximate",
    "next_steps",
];

/// Wrong versions of a scenario's expectations, each with the key whose mismatch must be reported.
fn mutations(
    expect: &serde_json::Map<String, Json>,
    decision: &Json,
) -> Vec<(&'static str, serde_json::Map<String, Json>)> {
    let mut out = Vec::new();
    let mut with = |key: &'static str, value: Json| {
        let mut wrong = expect.clone();
        wrong.insert(key.into(), value);
        out.push((key, wrong));
    };
    let never_date = || Json::String("1900-01-01".into());
    let nowhere = || Json::String("Nowhere District Council".into());
    for (key, value) in expect {
        let key: &'static str = match MUTATED_KEYS.iter().find(|k| **k == key.as_str()) {
            Some(k) => k,
            None => continue,
        };
        match key {
            "cited" | "not_cited" => {
                // A source the decision does not cite is expected, or one it does cite is forbidden.
                let mut ids = BTreeSet::new();
                cited_ids(decision, &mut ids);
                let flip = if key == "cited" {
                    Some("no-such-source".to_owned())
                } else {
                    ids.into_iter().next()
                };
                if let Some(id) = flip {
                    let mut list = value.as_array().cloned().unwrap_or_default();
                    list.push(Json::String(id));
                    with(key, Json::Array(list));
                }
            }
            "duty_arose" => with(key, never_date()),
            "qualifying_detention" => with(key, Json::from(99)),
            "nhs_body" => with(key, Json::String("Nowhere Integrated Care Board".into())),
            "council_certain" | "nhs_body_certain" | "all_time_barred" => {
                with(key, Json::Bool(!value.as_bool().unwrap_or(false)));
            }
            "council_candidates" | "nhs_body_candidates" | "no_deadlines" => {
                let mut list = value.as_array().cloned().unwrap_or_default();
                if key == "no_deadlines" {
                    // Expect the absence of a deadline the decision has.
                    if let Some(kind) = decision["deadlines"].get(0).map(|x| x["kind"].clone()) {
                        list.push(kind);
                    } else {
                        continue;
                    }
                } else {
                    list.push(nowhere());
                }
                with(key, Json::Array(list));
            }
            "periods" => with(key, Json::from(value.as_u64().unwrap_or(0) + 1)),
            "period_ends" | "period_from" | "period_to" | "period_councils" => {
                let mut list = value.as_array().cloned().unwrap_or_default();
                let replacement = match key {
                    "period_ends" => {
                        let first = list.first().and_then(Json::as_str).unwrap_or("open");
                        let other = PERIOD_ENDS
                            .iter()
                            .find(|e| **e != first)
                            .copied()
                            .unwrap_or("open");
                        Json::String(other.into())
                    }
                    "period_councils" => nowhere(),
                    _ => never_date(),
                };
                match list.first_mut() {
                    Some(first) => *first = replacement,
                    None => list.push(replacement),
                }
                with(key, Json::Array(list));
            }
            "refund_ranges" => {
                let mut list = value.as_array().cloned().unwrap_or_default();
                let pair = Json::Array(vec![never_date(), never_date()]);
                match list.first_mut() {
                    Some(first) => *first = pair,
                    None => list.push(pair),
                }
                with(key, Json::Array(list.clone()));
                // A refund exists, so "none" is wrong.
                if !list.is_empty() && value.as_array().is_some_and(|a| !a.is_empty()) {
                    with("refund", Json::String("none".into()));
                }
            }
            "refund" => {
                // Only "none" can be expected; expecting it where a refund exists is tried from refund_ranges.
                continue;
            }
            "refund_estimate" | "refund_within_six_years" => {
                with(key, Json::from(value.as_f64().unwrap_or(0.0) + 1.0));
            }
            "deadlines" => {
                let mut table = value.as_object().cloned().unwrap_or_default();
                for v in table.values_mut() {
                    *v = if is_none_word(v) {
                        never_date()
                    } else {
                        Json::String("none".into())
                    };
                }
                with(key, Json::Object(table));
                // A kind the decision does not have.
                for kind in ["judicial_review", "ombudsman", "limitation", "reply"] {
                    if deadlines_of(decision, kind).next().is_none() {
                        let mut table = value.as_object().cloned().unwrap_or_default();
                        table.insert(kind.into(), Json::String("none".into()));
                        with(key, Json::Object(table));
                        break;
                    }
                }
            }
            "deadlines_approximate" => {
                let exact = decision["deadlines"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|x| x["approximate"] == Json::Bool(false))
                    .map(|x| x["kind"].clone());
                let mut list = value.as_array().cloned().unwrap_or_default();
                list.push(exact.unwrap_or_else(|| Json::String("no_such_kind".into())));
                with(key, Json::Array(list));
            }
            "next_steps" => {
                let mut list = value.as_array().cloned().unwrap_or_default();
                list.insert(0, Json::String("no_such_step".into()));
                with(key, Json::Array(list));
            }
            _ => {}
        }
    }
    out
}

/// Every other expectation key can fail too: dates, the NHS body, `certain`, candidates, periods, refunds,
/// deadlines and next steps. Each key in [`MUTATED_KEYS`] must have been tried on some scenario.
#[test]
fn wrong_expectations_of_every_kind_are_caught() {
    let mut uncaught = Vec::new();
    let mut tried: BTreeSet<&str> = BTreeSet::new();
    for s in load_all().into_iter().filter(|s| s.problems.is_empty()) {
        let r = run(&s.case);
        let Some(decision) = r.decision.clone() else {
            continue;
        };
        for (key, wrong) in mutations(&s.expect, &decision) {
            tried.insert(key);
            let failures = check(&wrong, &r);
            let prefix_colon = format!("{key}:");
            let prefix_dot = format!("{key}.");
            if !failures
                .iter()
                .any(|f| f.starts_with(&prefix_colon) || f.starts_with(&prefix_dot))
            {
                uncaught.push(format!(
                    "{}: a wrong `{key}` was not reported ({:?})",
                    s.path,
                    wrong.get(key)
                ));
            }
        }
    }
    let untried: Vec<&&str> = MUTATED_KEYS
        .iter()
        .filter(|k| !tried.contains(**k))
        .collect();
    assert!(
        untried.is_empty(),
        "no scenario lets a wrong {untried:?} be tried"
    );
    assert!(uncaught.is_empty(), "{}", uncaught.join("\n"));
}

/// A scenario that names the outside specification, or cites nothing, is a failure.
#[test]
fn outside_documents_and_empty_cites_are_reported() {
    let dir = std::env::temp_dir().join(format!("s117-scenario-why-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("cites-an-outside-document.toml");
    std::fs::write(
        &file,
        "title = \"t\"\ncites = []\nwhy = \"s117-rules.md §1.2\"\n[case]\nas_at = \"2025-01-15\"\n[expect]\nentitlement = \"not_entitled\"\n",
    )
    .expect("write");
    let s = load(&file);
    let _ = std::fs::remove_dir_all(&dir);
    for expected in [OUTSIDE_SPEC, "`cites` must be a non-empty array"] {
        assert!(
            s.problems.iter().any(|p| p.contains(expected)),
            "`{expected}` was not reported: {:?}",
            s.problems
        );
    }
}

/// Typos in a scenario file are failures, not silently ignored expectations.
#[test]
fn unknown_keys_are_reported() {
    let dir = std::env::temp_dir().join(format!("s117-scenario-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("typo-in-expect.toml");
    std::fs::write(
        &file,
        "title = \"t\"\ncites = [\"mha1983-s117-1\"]\nwhy = \"test\"\n[case]\nas_at = \"2025-01-15\"\n[expect]\nentitelment = \"entitled\"\n",
    )
    .expect("write");
    let s = load(&file);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        s.problems.iter().any(|p| p.contains("entitelment")),
        "a misspelt expectation key was not reported: {:?}",
        s.problems
    );
}
