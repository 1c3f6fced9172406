//! The body of the `case_json` fuzz target, shared with `tests/fuzz_smoke.rs` (which includes this file with
//! `#[path]`), so plain `cargo test` runs exactly what the fuzzer runs.
//!
//! Bytes are read as UTF-8 (invalid sequences replaced, so every input reaches the parser) and fed to
//! `s117::api::check_json`. Whenever the text parses as a case, `s117::evaluate` is run on it too, even if
//! `validate` rejects it: evaluation must never panic, whatever the facts. A few invariants are asserted so the
//! fuzzer also finds wrong answers, not only crashes.

/// Runs one fuzz input. Panics only if the checker breaks an invariant.
pub fn check_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let result = s117::api::check_json(&text);
    let Ok(case) = s117::api::parse_case(&text) else {
        assert!(
            result.is_err(),
            "check_json accepted text that parse_case rejects"
        );
        return;
    };
    let decision = s117::evaluate(&case);
    assert!(!decision.reasons.is_empty(), "a decision without reasons");
    match &result {
        Ok(d) => assert_eq!(d, &decision, "check_json and evaluate disagree"),
        Err(errors) => assert!(!errors.is_empty(), "an error result with no errors"),
    }
    assert_eq!(
        result.is_ok(),
        s117::validate(&case).is_empty(),
        "check_json and validate disagree"
    );
    let json = serde_json::to_string(&decision).expect("a Decision always serialises");
    assert!(json.starts_with('{'));
    // The case itself must survive a round trip through the contract.
    let again = serde_json::to_string(&case).expect("a Case always serialises");
    assert_eq!(
        s117::api::parse_case(&again).ok().as_ref(),
        Some(&case),
        "a parsed case did not round-trip"
    );
}
