//! The screen fills only the words its triage shows (`messages::next_steps_only`: the next steps and their parts),
//! which takes a fifth off its time. This checks that nothing the triage reads changes: for any valid history,
//! deciding it with only those words gives the same entitlement, bodies, flags, periods, refund, deadlines and
//! next steps, word for word, as deciding it in full (in the screen's voice, "the person", and in the second).

use proptest::prelude::*;
use s117::case::Case;
use s117::decision::Decision;
use s117::{evaluate, messages};

#[path = "common/histories.rs"]
mod histories;

/// What a triage row reads of a decision (src/screen/triage.rs), as JSON: everything but the explanations.
fn triaged(d: &Decision) -> String {
    let body = |b: &Option<s117::decision::Body>| {
        b.as_ref()
            .map(|b| (b.name.clone(), b.code.clone(), b.certain))
    };
    let flags: Vec<_> = d
        .flags
        .iter()
        .map(|f| (format!("{:?}", f.id), format!("{:?}", f.kind), f.date))
        .collect();
    let steps: Vec<_> = d
        .next_steps
        .iter()
        .map(|s| {
            (
                format!("{:?}", s.id),
                s.text.clone(),
                s.who.clone(),
                s.how.clone(),
                s.by,
            )
        })
        .collect();
    let deadlines: Vec<_> = d
        .deadlines
        .iter()
        .map(|x| (format!("{:?}", x.kind), x.date, x.passed))
        .collect();
    let refund = serde_json::to_value(&d.refund).unwrap();
    format!(
        "{:?} {:?} {:?} {:?} {:?} {} {:?} {:?} {:?} {} {}",
        d.entitlement,
        d.duty_arose,
        body(&d.council),
        body(&d.nhs_body),
        flags,
        d.periods.len(),
        steps,
        deadlines,
        refund_ranges(&refund),
        d.rules_version,
        d.law_date,
    )
}

/// The refund's ranges, time bar and estimate, without the estimate's explanation.
fn refund_ranges(refund: &serde_json::Value) -> String {
    let mut r = refund.clone();
    if let Some(e) = r.get_mut("estimate").and_then(|e| e.as_object_mut()) {
        e.remove("basis");
    }
    r.to_string()
}

fn the_person(case: &Case) -> Case {
    Case {
        about: Some("the person".into()),
        ..case.clone()
    }
}

/// The words it leaves out are left out: a filled reason is empty.
#[test]
fn the_explanations_are_left_out() {
    let case: Case = serde_json::from_str(
        r#"{"as_at":"2026-11-23","detentions":[{"section":"3","detained_in":"england","admitted":"2024-01-08",
            "left_hospital":"2024-05-10","leaving":"discharged","lived_before":{"country":"england","council":"Leeds"}}]}"#,
    )
    .unwrap();
    let full = evaluate(&case);
    let lean = messages::next_steps_only(|| evaluate(&case));
    assert!(full.council.as_ref().is_some_and(|c| !c.why.is_empty()));
    assert!(lean.council.as_ref().is_some_and(|c| c.why.is_empty()));
    assert_eq!(full.next_steps[0].text, lean.next_steps[0].text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn only_the_next_steps_words_changes_nothing_the_triage_reads(case in histories::valid_case()) {
        for case in [the_person(&case), case] {
            let full = evaluate(&case);
            let lean = messages::next_steps_only(|| evaluate(&case));
            prop_assert_eq!(triaged(&full), triaged(&lean));
        }
    }
}
