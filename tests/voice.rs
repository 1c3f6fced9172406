//! Issue #10: when someone else fills the checker in for the person ("my father", "Robert"), or an adviser uses it
//! ("the person"), every word of the decision speaks of the person instead of to them (`Case::about`); what is
//! decided does not change. The second person, with no `about`, is what every other test checks.

use proptest::prelude::*;
use s117::case::Case;
use s117::decision::Decision;
use s117::evaluate;
use s117::interview::{interview, Answers};

#[path = "common/histories.rs"]
mod histories;

/// Every sentence of a decision a person reads: the summary, reasons, flags, next steps (text, who, how), each
/// body's why and candidates, the deadlines' bases and the refund estimate's basis.
fn texts(d: &Decision) -> Vec<String> {
    let mut all = vec![d.summary.clone()];
    all.extend(d.reasons.iter().map(|r| r.text.clone()));
    all.extend(d.flags.iter().map(|f| f.text.clone()));
    for s in &d.next_steps {
        all.push(s.text.clone());
        all.push(s.who.clone());
        all.push(s.how.clone());
    }
    for body in [&d.council, &d.nhs_body].into_iter().flatten() {
        all.push(body.why.clone());
        all.extend(body.candidates.iter().map(|c| c.why.clone()));
    }
    all.extend(d.deadlines.iter().map(|x| x.basis.clone()));
    if let Some(e) = d.refund.as_ref().and_then(|r| r.estimate.as_ref()) {
        all.push(e.basis.clone());
    }
    all
}

/// "You" and "your" left in a text once the words addressed to the reader (what you told us, what you can ask)
/// are taken out.
fn stray_you(text: &str) -> Vec<String> {
    const READER: &[&str] = &[
        "what you have told us",
        "what you told us",
        "you have told us",
        "you told us",
        "you gave",
        "you did not give",
        "you did not tell us",
        "you typed",
        "you were not sure",
        "you do not know",
        "if you want",
        "you can ask",
        "before you give up",
        "proof you sent it",
        "can tell you",
        "you said",
    ];
    let mut rest = text.to_lowercase();
    for phrase in READER {
        rest = rest.replace(phrase, "");
    }
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| matches!(*w, "you" | "your" | "yours" | "yourself"))
        .map(str::to_owned)
        .collect()
}

/// The decision with its words set aside: everything that is decided.
fn decided(d: &Decision) -> String {
    let mut v = serde_json::to_value(d).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for key in ["summary", "text", "why", "basis", "who", "how"] {
                    map.remove(key);
                }
                // A body named by its rule ("The clinical commissioning group your GP practice belonged to") is
                // words too.
                let described = map.get("name").and_then(|n| n.as_str()).is_some_and(|n| {
                    ["you ", "your ", "their ", "my father"]
                        .iter()
                        .any(|w| n.contains(w))
                });
                if described {
                    map.remove("name");
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v.to_string()
}

fn about(case: &Case, name: &str) -> Case {
    Case {
        about: Some(name.to_owned()),
        ..case.clone()
    }
}

/// Robert Hall's history (`examples/letter-charges-on-behalf.json`): section 3 from January 2024, discharged on 20 May
/// 2024, lived in Leeds, charged care home fees from June 2024.
fn charged_care_home() -> Case {
    let request: serde_json::Value =
        serde_json::from_str(include_str!("../examples/letter-charges-on-behalf.json")).unwrap();
    serde_json::from_value(request["case"].clone()).unwrap()
}

/// A daughter filling it in for "my father": charging for after-care is unlawful (*Stennett*) and every sentence
/// speaks of her father; none says "you are owed" or "your after-care".
#[test]
fn a_charged_care_home_decided_for_my_father_speaks_of_him() {
    let d = evaluate(&about(&charged_care_home(), "my father"));
    assert_eq!(
        d.summary,
        "My father appears to be owed free after-care under section 117 of the Mental Health Act 1983 since 20 May 2024."
    );
    let refund = d
        .next_steps
        .iter()
        .find(|s| s.text.contains("stop charging"))
        .unwrap();
    assert_eq!(
        refund.text,
        "Ask Leeds City Council to stop charging my father for after-care and to refund what they paid while they \
         were owed it, with interest."
    );
    assert!(
        d.reasons.iter().any(|r| r
            .text
            .contains("My father has been charged while owed after-care")),
        "{:#?}",
        d.reasons
    );
    assert!(d
        .council
        .as_ref()
        .unwrap()
        .why
        .starts_with("My father lived in the area of Leeds City Council"));
    for text in texts(&d) {
        assert_eq!(stray_you(&text), Vec::<String>::new(), "{text}");
    }
}

/// A name as given is kept as given, capitalised only at the start of a sentence ("the person" in the adviser view).
#[test]
fn a_name_or_the_person_is_used_as_given() {
    let robert = evaluate(&about(&charged_care_home(), "Robert"));
    assert!(robert.summary.starts_with("Robert appears to be owed"));
    let adviser = evaluate(&about(&charged_care_home(), "the person"));
    assert!(adviser.summary.starts_with("The person appears to be owed"));
    assert!(adviser
        .next_steps
        .iter()
        .any(|s| s.text.contains("stop charging the person for after-care")));
    // Blank is the person themself.
    let blank = evaluate(&about(&charged_care_home(), "  "));
    assert!(blank.summary.starts_with("You appear to be owed"));
}

/// The second person is unchanged by the third: the same case decided without `about` says "you" as before.
#[test]
fn without_about_the_decision_still_speaks_to_the_person() {
    let d = evaluate(&charged_care_home());
    assert!(d.summary.starts_with("You appear to be owed"));
    assert!(d
        .next_steps
        .iter()
        .any(|s| s.text.contains("stop charging you for after-care")));
    // And a third-person check just before does not leak into the next one.
    let _ = evaluate(&about(&charged_care_home(), "my father"));
    assert_eq!(evaluate(&charged_care_home()).summary, d.summary);
}

/// The interview's answers give the case its `about`: the name given when someone else fills it in, "the person"
/// without one, nothing when the person fills it in; and back from a case.
#[test]
fn the_interview_fills_about_from_who_is_filling_it_in() {
    let answers = |given: &[(&str, &str)]| {
        let mut a = Answers {
            as_at: "2026-11-23".parse().ok(),
            ..Answers::default()
        };
        for (p, t) in given {
            a.given.insert((*p).to_owned(), (*t).to_owned());
        }
        a
    };
    let father = answers(&[
        ("filled_in_by", "someone_else"),
        ("person_name", " my father "),
    ]);
    assert_eq!(interview(&father).case.about.as_deref(), Some("my father"));
    let unnamed = answers(&[("filled_in_by", "someone_else")]);
    assert_eq!(
        interview(&unnamed).case.about.as_deref(),
        Some("the person")
    );
    let own = answers(&[("filled_in_by", "self"), ("person_name", "Robert")]);
    assert_eq!(interview(&own).case.about, None);

    let case = about(&charged_care_home(), "Robert");
    let back = Answers::from_case(&case);
    assert_eq!(
        back.given.get("filled_in_by").map(String::as_str),
        Some("someone_else")
    );
    assert_eq!(
        back.given.get("person_name").map(String::as_str),
        Some("Robert")
    );
    assert_eq!(interview(&back).case.about.as_deref(), Some("Robert"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// For any valid history, deciding it for "my father" decides exactly the same (entitlement, bodies, flags,
    /// periods, refund, deadlines, citations) and no sentence says "you" or "your" except to the reader.
    #[test]
    fn the_third_person_changes_only_the_words(case in histories::valid_case()) {
        let second = evaluate(&case);
        let third = evaluate(&about(&case, "my father"));
        prop_assert_eq!(decided(&second), decided(&third));
        for text in texts(&third) {
            let stray = stray_you(&text);
            prop_assert!(stray.is_empty(), "{:?} in: {}", stray, text);
        }
    }
}

/// The letter's notes are for the one sending it: when a daughter writes for Robert Hall (a `writer` is given) and
/// the case does not say how to refer to him, they speak of him by name, not to "you".
#[test]
fn the_letter_notes_for_someone_writing_speak_of_the_person() {
    let request: s117::letter::LetterRequest =
        serde_json::from_str(include_str!("../examples/letter-charges-on-behalf.json")).unwrap();
    let letter = s117::letter::render(&request);
    assert!(
        letter
            .notes
            .iter()
            .any(|n| n.contains("when Robert Hall first knew of the problem")),
        "{:#?}",
        letter.notes
    );
    for note in &letter.notes {
        assert_eq!(stray_you(note), Vec::<String>::new(), "{note}");
    }
    // The case's own `about` wins: the widget sends "my father".
    let mut request = request;
    request.case.about = Some("my father".into());
    let letter = s117::letter::render(&request);
    assert!(
        letter
            .notes
            .iter()
            .any(|n| n.contains("when my father first knew")),
        "{:#?}",
        letter.notes
    );
    // Writing for themself, the notes still speak to "you".
    request.case.about = None;
    request.details.writer = None;
    let letter = s117::letter::render(&request);
    assert!(
        letter
            .notes
            .iter()
            .any(|n| n.contains("when you first knew")),
        "{:#?}",
        letter.notes
    );
}
