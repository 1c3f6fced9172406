//! The harness of the legal scenario tests (`tests/scenarios.rs`, `tests/scenarios_harness.rs`; each includes this
//! file with `#[path]`, beside `mod common;`): it reads every `tests/scenarios/**/*.toml` file into a [`Scenario`]
//! (with any problem of the file itself), runs its case through the JSON contract, and [`check`] compares the
//! scenario's expectations with the decision and returns every mismatch, so a test can collect the failures of every
//! file before one final assert, and so a mutation test can prove that a wrong expectation is caught. Not every test
//! binary uses every item, hence `dead_code` is allowed here.
#![allow(dead_code)]

use crate::common::toml_files;
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Keys allowed at the top level of a scenario file.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "title",
    "cites",
    "why",
    "notes",
    "known_failure",
    "case",
    "expect",
];

/// Keys allowed in `[expect]`.
pub const EXPECT_KEYS: &[&str] = &[
    "entitlement",
    "council",
    "council_code",
    "council_certain",
    "council_kind",
    "council_candidates",
    "nhs_body",
    "nhs_body_code",
    "nhs_body_ods",
    "nhs_body_certain",
    "nhs_body_kind",
    "nhs_body_candidates",
    "council_cites",
    "nhs_body_cites",
    "reasons",
    "flags",
    "no_flags",
    "flag_dates",
    "duty_arose",
    "qualifying_detention",
    "invalid_fields",
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
    "cited",
    "not_cited",
];

/// Every citation id anywhere in a decision (reasons, flags, bodies, periods, deadlines, next steps).
pub fn cited_ids(value: &Json, out: &mut BTreeSet<String>) {
    match value {
        Json::Object(map) => {
            if let Some(Json::Array(cites)) = map.get("cites") {
                out.extend(
                    cites
                        .iter()
                        .filter_map(|c| c["id"].as_str())
                        .map(str::to_owned),
                );
            }
            for v in map.values() {
                cited_ids(v, out);
            }
        }
        Json::Array(items) => items.iter().for_each(|v| cited_ids(v, out)),
        Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) => {}
    }
}

/// Every value `DutyPeriod.ended_by` can take, plus `open` for a period still running.
pub const PERIOD_ENDS: &[&str] = &["readmission", "joint_decision", "death", "open"];

/// Every value `Decision.entitlement` can take.
pub const ENTITLEMENTS: &[&str] = &[
    "entitled",
    "entitled_on_leaving_hospital",
    "not_entitled",
    "ended",
    "undetermined",
    "out_of_scope",
];

/// The specification the scenarios were first written from, which lives outside the repository: no scenario may
/// rely on it.
pub const OUTSIDE_SPEC: &str = "s117-rules.md";

/// The fewest scenarios the suite may have.
pub const MIN_SCENARIOS: usize = 60;

/// One scenario file, read but not yet checked.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Path relative to the crate root.
    pub path: String,
    pub title: String,
    pub cites: Vec<String>,
    /// Why the expectations follow from the law cited, in words (and how any date was counted).
    pub why: String,
    pub known_failure: Option<String>,
    /// `[case]` converted to JSON.
    pub case: Json,
    /// `[expect]` converted to JSON.
    pub expect: serde_json::Map<String, Json>,
    /// Problems with the file itself (missing keys, unknown keys, bad names).
    pub problems: Vec<String>,
}

pub fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("scenarios")
}

/// TOML to JSON. TOML dates (if someone forgets the quotes) become their text, as the contract expects.
pub fn to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

pub fn is_kebab(stem: &str) -> bool {
    !stem.is_empty()
        && !stem.starts_with('-')
        && !stem.ends_with('-')
        && !stem.contains("--")
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn load(path: &Path) -> Scenario {
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let mut problems = Vec::new();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        problems.push(format!("cannot read: {e}"));
        String::new()
    });
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            problems.push(format!("not valid TOML: {e}"));
            toml::Table::new()
        }
    };
    for key in table.keys() {
        if !TOP_LEVEL_KEYS.contains(&key.as_str()) {
            problems.push(format!(
                "unknown top-level key `{key}` (allowed: {TOP_LEVEL_KEYS:?})"
            ));
        }
    }
    let string = |key: &str, problems: &mut Vec<String>| match table.get(key) {
        Some(toml::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        _ => {
            problems.push(format!("`{key}` must be a non-empty string"));
            String::new()
        }
    };
    let title = string("title", &mut problems);
    let why = string("why", &mut problems);
    // A scenario stands on the law it cites: it names no document outside the repository.
    if text.contains(OUTSIDE_SPEC) {
        problems.push(format!(
            "mentions `{OUTSIDE_SPEC}`, a document outside the repository: cite the law in `cites` and explain in `why`"
        ));
    }
    let known_failure = match table.get("known_failure") {
        None => None,
        Some(toml::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(_) => {
            problems.push("`known_failure` must be a non-empty string saying why".into());
            None
        }
    };
    let cites: Vec<String> = match table.get("cites") {
        Some(toml::Value::Array(a)) if !a.is_empty() => a
            .iter()
            .filter_map(|v| {
                let s = v.as_str().map(str::to_owned);
                if s.is_none() {
                    problems.push(format!("`cites` entries must be strings, found {v}"));
                }
                s
            })
            .collect(),
        _ => {
            problems.push("`cites` must be a non-empty array of source ids".into());
            Vec::new()
        }
    };
    let case = match table.get("case") {
        Some(v @ toml::Value::Table(_)) => to_json(v),
        _ => {
            problems.push("`[case]` table missing".into());
            Json::Null
        }
    };
    let expect = match table.get("expect").map(to_json) {
        Some(Json::Object(m)) if !m.is_empty() => m,
        _ => {
            problems.push("`[expect]` table missing or empty".into());
            serde_json::Map::new()
        }
    };
    for key in expect.keys() {
        if !EXPECT_KEYS.contains(&key.as_str()) {
            problems.push(format!(
                "unknown [expect] key `{key}` (allowed: {EXPECT_KEYS:?})"
            ));
        }
    }
    if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
        if !is_kebab(stem) {
            problems.push(format!(
                "file name `{stem}` is not a kebab-case proposition"
            ));
        }
    }
    Scenario {
        path: rel,
        title,
        cites,
        why,
        known_failure,
        case,
        expect,
        problems,
    }
}

pub fn load_all() -> Vec<Scenario> {
    toml_files(&scenarios_dir())
        .iter()
        .map(|p| load(p))
        .collect()
}

/// What running a scenario's case produced.
pub struct Run {
    /// The decision as JSON (absent if the case could not be read).
    pub decision: Option<Json>,
    /// The fields `validate` complained about.
    pub invalid_fields: Vec<String>,
    /// Problems reading the case.
    pub errors: Vec<String>,
}

/// Reads the case the way the harness is specified to (TOML → JSON value → `s117::Case`), validates and evaluates
/// it, and cross-checks the JSON façade (`s117::api::check_json`) on the same facts.
pub fn run(case: &Json) -> Run {
    let mut errors = Vec::new();
    let parsed: Result<s117::Case, _> = serde_json::from_value(case.clone());
    let case_value = match parsed {
        Ok(c) => c,
        Err(e) => {
            return Run {
                decision: None,
                invalid_fields: Vec::new(),
                errors: vec![format!("[case] does not match the contract: {e}")],
            }
        }
    };
    let invalid: Vec<String> = s117::validate(&case_value)
        .into_iter()
        .map(|e| e.field)
        .collect();
    let decision = s117::evaluate(&case_value);
    let decision_json = serde_json::to_value(&decision).expect("a Decision always serialises");
    // The JSON text route must agree with the typed route.
    let text = case.to_string();
    match s117::api::parse_case(&text) {
        Ok(c) if c == case_value => {}
        Ok(_) => errors
            .push("api::parse_case read the case differently from serde_json::from_value".into()),
        Err(e) => errors.push(format!("api::parse_case rejected the case: {e}")),
    }
    match (s117::api::check_json(&text), invalid.is_empty()) {
        (Ok(d), true) if d == decision => {}
        (Ok(_), true) => errors.push("api::check_json decided differently from evaluate".into()),
        (Err(_), false) => {}
        (Ok(_), false) => {
            errors.push("api::check_json accepted a case that validate rejects".into())
        }
        (Err(e), true) => errors.push(format!("api::check_json rejected a valid case: {e:?}")),
    }
    Run {
        decision: Some(decision_json),
        invalid_fields: invalid,
        errors,
    }
}

pub fn show(v: Option<&Json>) -> String {
    match v {
        None => "(absent)".into(),
        Some(v) => v.to_string(),
    }
}

/// `"none"` in an expectation means "no value".
pub fn is_none_word(v: &Json) -> bool {
    v.as_str() == Some("none")
}

/// Compares a scalar expectation (string, bool, integer, or "none") with the actual value at `pointer`.
pub fn compare_scalar(
    failures: &mut Vec<String>,
    key: &str,
    expected: &Json,
    actual: Option<&Json>,
) {
    let actual_is_null = actual.is_none_or(Json::is_null);
    let ok = if is_none_word(expected) {
        actual_is_null
    } else {
        actual == Some(expected)
    };
    if !ok {
        failures.push(format!(
            "{key}: expected {expected}, actual {}",
            show(actual)
        ));
    }
}

pub fn strings(v: &Json) -> Vec<String> {
    match v {
        Json::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        Json::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A JSON string's text, or `none` for null (and the JSON text otherwise).
pub fn text(v: &Json) -> String {
    match v {
        Json::Null => "none".into(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One field of a duty period, as a `period_*` expectation states it.
pub fn period_field(key: &str, p: &Json) -> String {
    match key {
        "period_ends" => match &p["ended_by"] {
            Json::Null => "open".into(),
            other => text(other),
        },
        "period_from" => text(&p["from"]),
        "period_to" => text(&p["to"]),
        _ => text(&p["council"]["name"]),
    }
}

/// The decision's deadlines of one kind.
pub fn deadlines_of<'a>(d: &'a Json, kind: &'a str) -> impl Iterator<Item = &'a Json> + 'a {
    d["deadlines"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |x| x["kind"].as_str() == Some(kind))
}

/// Compares every expectation with the decision (and the validation result) and returns each mismatch.
/// Unlisted fields are not checked.
pub fn check(expect: &serde_json::Map<String, Json>, run: &Run) -> Vec<String> {
    let mut failures = run.errors.clone();
    // Validation first: errors are expected only if listed.
    let expected_invalid: BTreeSet<String> = expect
        .get("invalid_fields")
        .map(strings)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let actual_invalid: BTreeSet<String> = run.invalid_fields.iter().cloned().collect();
    if expected_invalid != actual_invalid {
        failures.push(format!(
            "invalid_fields: expected {expected_invalid:?}, validate returned errors for {actual_invalid:?}"
        ));
    }
    let Some(d) = &run.decision else {
        failures.push("no decision (the case could not be read)".into());
        return failures;
    };
    let flags: Vec<&Json> = d["flags"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let flag_ids: Vec<&str> = flags.iter().filter_map(|f| f["id"].as_str()).collect();
    for (key, expected) in expect {
        match key.as_str() {
            "invalid_fields" => {}
            "entitlement" => compare_scalar(&mut failures, key, expected, d.get("entitlement")),
            "duty_arose" => compare_scalar(&mut failures, key, expected, d.get("duty_arose")),
            "qualifying_detention" => {
                compare_scalar(&mut failures, key, expected, d.get("qualifying_detention"))
            }
            "council" | "nhs_body" => {
                let body = d.get(key.as_str()).filter(|b| !b.is_null());
                compare_scalar(
                    &mut failures,
                    key,
                    expected,
                    body.and_then(|b| b.get("name")),
                );
            }
            "council_code" | "council_certain" | "council_kind" | "nhs_body_code"
            | "nhs_body_ods" | "nhs_body_certain" | "nhs_body_kind" => {
                let (body_key, field) = key.split_once('_').map_or((key.as_str(), ""), |(a, b)| {
                    if a == "nhs" {
                        ("nhs_body", b.trim_start_matches("body_"))
                    } else {
                        (a, b)
                    }
                });
                let body = d.get(body_key).filter(|b| !b.is_null());
                match body {
                    None => failures.push(format!(
                        "{key}: expected {expected}, but there is no {body_key}"
                    )),
                    Some(b) => compare_scalar(&mut failures, key, expected, b.get(field)),
                }
            }
            "council_candidates" | "nhs_body_candidates" => {
                let body_key = key.trim_end_matches("_candidates");
                let names: Vec<&str> = d
                    .get(body_key)
                    .and_then(|b| b.get("candidates"))
                    .and_then(Json::as_array)
                    .map(|a| a.iter().filter_map(|c| c["name"].as_str()).collect())
                    .unwrap_or_default();
                for want in strings(expected) {
                    if !names.contains(&want.as_str()) {
                        failures.push(format!(
                            "{key}: expected {want:?} among the candidates, actual {names:?}"
                        ));
                    }
                }
            }
            "council_cites" | "nhs_body_cites" => {
                let body_key = key.trim_end_matches("_cites");
                let ids: Vec<&str> = d
                    .get(body_key)
                    .and_then(|b| b.get("cites"))
                    .and_then(Json::as_array)
                    .map(|a| a.iter().filter_map(|c| c["id"].as_str()).collect())
                    .unwrap_or_default();
                for want in strings(expected) {
                    if !ids.contains(&want.as_str()) {
                        failures.push(format!(
                            "{key}: expected {want:?} among the body's citations, actual {ids:?}"
                        ));
                    }
                }
            }
            "reasons" => {
                let Some(table) = expected.as_object() else {
                    failures.push("reasons: must be a table of rule = finding".into());
                    continue;
                };
                let reasons = d["reasons"].as_array().cloned().unwrap_or_default();
                for (rule, finding) in table {
                    let found: Vec<&str> = reasons
                        .iter()
                        .filter(|r| r["rule"].as_str() == Some(rule.as_str()))
                        .filter_map(|r| r["finding"].as_str())
                        .collect();
                    if !found.iter().any(|f| Some(*f) == finding.as_str()) {
                        failures.push(format!(
                            "reasons.{rule}: expected a reason with finding {finding}, actual findings {found:?}"
                        ));
                    }
                }
            }
            "flags" => {
                for want in strings(expected) {
                    if !flag_ids.contains(&want.as_str()) {
                        failures.push(format!("flags: expected {want:?}, actual {flag_ids:?}"));
                    }
                }
            }
            "cited" | "not_cited" => {
                let mut ids = BTreeSet::new();
                cited_ids(d, &mut ids);
                for id in strings(expected) {
                    if ids.contains(&id) != (key == "cited") {
                        failures.push(format!("{key}: {id:?}, actual citations {ids:?}"));
                    }
                }
            }
            "no_flags" => {
                for unwanted in strings(expected) {
                    if flag_ids.contains(&unwanted.as_str()) {
                        failures.push(format!(
                            "no_flags: {unwanted:?} is present, actual {flag_ids:?}"
                        ));
                    }
                }
            }
            "flag_dates" => {
                let Some(table) = expected.as_object() else {
                    failures.push("flag_dates: must be a table of flag id = date".into());
                    continue;
                };
                for (id, date) in table {
                    let dates: Vec<&Json> = flags
                        .iter()
                        .filter(|f| f["id"].as_str() == Some(id.as_str()))
                        .map(|f| &f["date"])
                        .collect();
                    if !dates.contains(&date) {
                        let shown: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
                        failures.push(format!(
                            "flag_dates.{id}: expected {date}, actual {shown:?}"
                        ));
                    }
                }
            }
            "periods" => {
                let n = d["periods"].as_array().map_or(0, Vec::len);
                if expected.as_u64() != Some(n as u64) {
                    failures.push(format!("periods: expected {expected}, actual {n}"));
                }
            }
            "period_ends" | "period_from" | "period_to" | "period_councils" => {
                let actual: Vec<String> = d["periods"]
                    .as_array()
                    .map(|a| a.iter().map(|p| period_field(key, p)).collect())
                    .unwrap_or_default();
                let want = strings(expected);
                if want != actual {
                    failures.push(format!("{key}: expected {want:?}, actual {actual:?}"));
                }
            }
            "refund" => {
                if !is_none_word(expected) {
                    failures.push(format!(
                        "refund: only \"none\" can be expected, found {expected}"
                    ));
                } else if !d["refund"].is_null() {
                    failures.push(format!("refund: expected none, actual {}", d["refund"]));
                }
            }
            "refund_ranges" => {
                let actual: Vec<Vec<String>> = d["refund"]["ranges"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|r| vec![text(&r["from"]), text(&r["to"])])
                            .collect()
                    })
                    .unwrap_or_default();
                let want: Vec<Vec<String>> = expected
                    .as_array()
                    .map(|a| a.iter().map(strings).collect())
                    .unwrap_or_default();
                if want != actual || !expected.is_array() {
                    failures.push(format!(
                        "refund_ranges: expected {want:?}, actual {actual:?}"
                    ));
                }
            }
            "all_time_barred" => compare_scalar(
                &mut failures,
                key,
                expected,
                d["refund"].get("all_time_barred"),
            ),
            "refund_estimate" | "refund_within_six_years" => {
                let field = if key == "refund_estimate" {
                    "total"
                } else {
                    "within_six_years"
                };
                let actual = d["refund"]["estimate"][field].as_f64();
                let ok = matches!((expected.as_f64(), actual), (Some(e), Some(a)) if (e - a).abs() < 0.5);
                if !ok {
                    failures.push(format!(
                        "{key}: expected {expected}, actual {}",
                        show(d["refund"]["estimate"].get(field))
                    ));
                }
            }
            "deadlines" => {
                let Some(table) = expected.as_object() else {
                    failures.push("deadlines: must be a table of kind = date or \"none\"".into());
                    continue;
                };
                for (kind, date) in table {
                    let dates: Vec<&Json> = deadlines_of(d, kind).map(|x| &x["date"]).collect();
                    let ok = if is_none_word(date) {
                        dates.iter().any(|x| x.is_null())
                    } else {
                        dates.contains(&date)
                    };
                    if !ok {
                        let shown: Vec<String> = dates.iter().map(|x| x.to_string()).collect();
                        failures.push(format!(
                            "deadlines.{kind}: expected {date}, actual {shown:?}"
                        ));
                    }
                }
            }
            "no_deadlines" => {
                for kind in strings(expected) {
                    if deadlines_of(d, &kind).next().is_some() {
                        failures.push(format!("no_deadlines: a {kind} deadline is present"));
                    }
                }
            }
            "deadlines_approximate" => {
                for kind in strings(expected) {
                    if !deadlines_of(d, &kind).any(|x| x["approximate"] == Json::Bool(true)) {
                        failures.push(format!(
                            "deadlines_approximate: no approximate {kind} deadline, actual {:?}",
                            deadlines_of(d, &kind)
                                .map(|x| x["approximate"].to_string())
                                .collect::<Vec<_>>()
                        ));
                    }
                }
            }
            "next_steps" => {
                let actual: Vec<String> = d["next_steps"]
                    .as_array()
                    .map(|a| a.iter().map(|x| text(&x["id"])).collect())
                    .unwrap_or_default();
                let want = strings(expected);
                if !actual.starts_with(&want) {
                    failures.push(format!(
                        "next_steps: expected to start with {want:?}, actual {actual:?}"
                    ));
                }
            }
            other => failures.push(format!("unknown expectation `{other}`")),
        }
    }
    failures
}
