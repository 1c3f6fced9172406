//! Legal scenario tests: every `tests/scenarios/**/*.toml` file is one proposition of law, with the facts
//! (`[case]`, exactly the JSON contract of `src/case.rs`) and the parts of the decision it is about (`[expect]`).
//!
//! One harness (`tests/common/scenario_harness.rs`), plain `#[test]` functions (house style B7):
//! - `check` compares one scenario's expectations with a decision and returns every mismatch, so a test can
//!   collect the failures of every file before one final assert, and so a mutation test
//!   (`tests/scenarios_harness.rs`) can prove that a wrong expectation is caught;
//! - `known_failure = "why"` in a file marks a point where the rules and the law (as the specification states it)
//!   disagree and the lead must decide. Those scenarios still run; their mismatches are printed, not asserted.
//!   A known failure that starts passing is an error, so the marker is removed when the rule is fixed.
//!
//! Format of a scenario file (see `tests/scenarios/README.md`):
//! ```toml
//! title = "Detention under section 2 alone does not engage s.117"
//! cites = ["mha1983-s117-1"]
//! why = "Section 2 is not among the sections s.117(1) lists."
//! [case]
//! as_at = "2025-01-15"
//! # … detentions …
//! [expect]
//! entitlement = "not_entitled"
//! ```

mod common;
#[path = "common/scenario_harness.rs"]
mod harness;

use harness::{check, load_all, run, Scenario, MIN_SCENARIOS};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The report block for one scenario.
fn report(s: &Scenario, failures: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", s.path);
    let _ = writeln!(out, "  title:  {}", s.title);
    let _ = writeln!(out, "  cites:  {}", s.cites.join(", "));
    let _ = writeln!(out, "  why:    {}", s.why);
    if let Some(why) = &s.known_failure {
        let _ = writeln!(out, "  known failure: {why}");
    }
    for f in failures {
        let _ = writeln!(out, "  - {f}");
    }
    out
}

#[test]
fn every_scenario_matches_the_law() {
    let scenarios = load_all();
    let mut failed = Vec::new();
    let mut known = Vec::new();
    let mut fixed = Vec::new();
    for s in &scenarios {
        let mut failures = s.problems.clone();
        if s.problems.is_empty() {
            failures.extend(check(&s.expect, &run(&s.case)));
        }
        match (&s.known_failure, failures.is_empty()) {
            (None, true) => {}
            (None, false) => failed.push(report(s, &failures)),
            (Some(_), false) if s.problems.is_empty() => known.push(report(s, &failures)),
            (Some(_), false) => failed.push(report(s, &failures)),
            (Some(_), true) => fixed.push(report(
                s,
                &["marked known_failure but now passes: remove the marker".to_owned()],
            )),
        }
    }
    if !known.is_empty() {
        eprintln!(
            "\n{} known failure(s): the rules disagree with the specification; the lead decides.\n\n{}",
            known.len(),
            known.join("\n")
        );
    }
    failed.extend(fixed);
    assert!(
        failed.is_empty(),
        "\n{} of {} scenario(s) failed:\n\n{}",
        failed.len(),
        scenarios.len(),
        failed.join("\n")
    );
}

#[test]
fn there_are_enough_scenarios() {
    let n = load_all().len();
    assert!(
        n >= MIN_SCENARIOS,
        "only {n} scenarios; at least {MIN_SCENARIOS} are required"
    );
}

#[test]
fn every_cited_source_is_in_the_registry() {
    let mut unknown = Vec::new();
    for s in load_all() {
        for id in &s.cites {
            if s117::sources::by_id(id).is_none() {
                unknown.push(format!("{}: `{id}` is not an id in src/sources.rs", s.path));
            }
        }
    }
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
}

#[test]
fn every_rule_is_covered_by_a_scenario_reason() {
    let scenarios = load_all();
    let covered: BTreeSet<String> = scenarios
        .iter()
        .filter_map(|s| s.expect.get("reasons").and_then(Json::as_object))
        .flat_map(|t| t.keys().cloned())
        .collect();
    let missing: Vec<&str> = s117::decision::RuleId::ALL
        .iter()
        .map(|r| r.code())
        .filter(|c| !covered.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "no scenario expects a reason from rule(s) {missing:?}"
    );
}

#[test]
fn every_section_and_leaving_value_is_exercised() {
    let scenarios = load_all();
    let detentions: Vec<&Json> = scenarios
        .iter()
        .filter_map(|s| s.case.get("detentions").and_then(Json::as_array))
        .flatten()
        .collect();
    let used = |field: &str| -> BTreeSet<String> {
        detentions
            .iter()
            .filter_map(|d| d.get(field).and_then(Json::as_str).map(str::to_owned))
            .collect()
    };
    let sections = used("section");
    let missing: Vec<&str> = s117::case::Section::ALL
        .iter()
        .map(|s| s.code())
        .filter(|c| !sections.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "no scenario uses section(s) {missing:?}"
    );
    let leavings = used("leaving");
    let all_leavings = [
        "discharged",
        "cto",
        "conditional_discharge",
        "s17_leave",
        "escorted_leave_only",
        "stayed_informally",
        "returned_to_prison",
        "still_in_hospital",
    ];
    let missing: Vec<&&str> = all_leavings
        .iter()
        .filter(|l| !leavings.contains(**l))
        .collect();
    assert!(
        missing.is_empty(),
        "no scenario uses leaving value(s) {missing:?}"
    );
}
