//! The interview asks every fact the decision depends on: for every valid case, the decision from the whole case
//! equals the decision from the case made of only the facts the journey asked (`s117::interview::next`).
//!
//! The valid multi-stay generator is shared with `tests/properties.rs` (`tests/common/histories.rs`); this file adds
//! the NHS facts it leaves out: the GP's ICB for each stay and on 1 July 2022,
//! NHS England secure services, where the hospital sent the person, and the hospital's name; and amounts are in
//! pounds and pence, as a person types them (the interview reads money as pounds and pence).

use chrono::Datelike;
use proptest::prelude::*;
use s117::case::Case;
use s117::date::Date;
use s117::interview::{interview, next, Answers};

#[path = "common/histories.rs"]
mod histories;
use histories::*;

// ---------------------------------------------------------------------------------------------------------------
// The NHS facts valid_case leaves out
// ---------------------------------------------------------------------------------------------------------------

/// Per stay: the GP's ICB when it began, an NHS England secure service, where the hospital sent the person, and
/// the hospital's name.
type StayExtras = (Option<String>, Option<bool>, Option<String>, Option<String>);

fn stay_extras() -> impl Strategy<Value = StayExtras> {
    (
        prop::option::weighted(0.6, nhs_text()),
        prop::option::weighted(0.3, any::<bool>()),
        prop::option::weighted(0.2, council_text()),
        prop::option::weighted(0.2, Just("St Elsewhere".to_owned())),
    )
}

/// A valid case with the NHS facts added, and 1 July 2022 made likely (histories ending 2021 to 2025).
///
/// An empty text (`Some("")`) is made `None`: an answer cannot tell an empty text from one not known, and the
/// widget sends neither.
fn valid_case_with_nhs_facts() -> impl Strategy<Value = Case> {
    (
        valid_case(),
        prop::collection::vec(stay_extras(), 5),
        prop::option::weighted(0.5, nhs_text()),
        any::<bool>(),
    )
        .prop_map(|(mut case, extras, on_1_july, shift)| {
            for (d, (gp, secure, sent, hospital)) in case.detentions.iter_mut().zip(extras) {
                d.gp_icb = gp;
                d.nhs_england_secure_service = secure;
                d.sent_on_discharge_to = sent;
                d.hospital = hospital;
            }
            case.gp_icb_on_1_july_2022 = on_1_july;
            if shift {
                // Most histories end before 2022; move half of them, by whole leap-year cycles so that every date
                // keeps its precision and stays a date, to end between 2022 and 2025, across 1 July 2022.
                let years = (2025 - case.as_at.first_day().year()).max(0) / 4 * 4;
                shift_years(&mut case, years);
            }
            normalise(&mut case);
            case
        })
}

/// The same date `years` later, given as precisely as before (`years` a multiple of 4, so 29 February stays a date).
fn later(date: Date, years: i32) -> Date {
    let day = date.first_day();
    let year = day.year() + years;
    match date.precision() {
        s117::date::Precision::Year => format!("{year:04}"),
        s117::date::Precision::Month => format!("{year:04}-{:02}", day.month()),
        s117::date::Precision::Day => format!("{year:04}-{:02}-{:02}", day.month(), day.day()),
    }
    .parse()
    .expect("a date in a leap-year cycle later is a date")
}

fn shift_years(case: &mut Case, years: i32) {
    let shift = |d: &mut Option<Date>| *d = d.map(|d| later(d, years));
    case.as_at = later(case.as_at, years);
    for d in &mut case.detentions {
        shift(&mut d.admitted);
        shift(&mut d.section_ended);
        shift(&mut d.left_hospital);
        shift(&mut d.cto_ended);
    }
    if let Some(e) = &mut case.aftercare_ended {
        shift(&mut e.date);
    }
    for c in &mut case.charges {
        shift(&mut c.since);
        shift(&mut c.until);
    }
    shift(&mut case.first_knew);
    shift(&mut case.died);
}

fn none_if_empty(text: &mut Option<String>) {
    if text.as_deref() == Some("") {
        *text = None;
    }
}

/// A council or NHS body the register does not know is refused by the interview (asked again, until the person
/// gives a name it knows or says they do not know), and only spaces are not known: so the person with such a name
/// answers "I do not know".
fn known_or_none(text: &mut Option<String>, known: fn(&str) -> bool) {
    if text
        .as_deref()
        .is_some_and(|t| t.trim().is_empty() || !known(t))
    {
        *text = None;
    }
}

fn normalise(case: &mut Case) {
    use s117::reference::{is_known_council, is_known_nhs_body};
    for d in &mut case.detentions {
        known_or_none(&mut d.lived_before.council, is_known_council);
        known_or_none(&mut d.lived_before.placed_by, is_known_council);
        known_or_none(&mut d.sent_on_discharge_to, is_known_council);
        known_or_none(&mut d.gp_icb, is_known_nhs_body);
    }
    if let Some(p) = &mut case.lives_now {
        known_or_none(&mut p.council, is_known_council);
    }
    known_or_none(&mut case.gp_icb_on_1_july_2022, is_known_nhs_body);
    for c in &mut case.charges {
        none_if_empty(&mut c.what);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The journey, simulated
// ---------------------------------------------------------------------------------------------------------------

/// The answer the person with this whole case would give at `path`, as the widget would send it.
fn answer_of(case: &serde_json::Value, path: &str) -> String {
    let mut value = Some(case);
    let mut steps = path.split('.').peekable();
    while let Some(step) = steps.next() {
        let (name, index) = match step.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (step, None),
        };
        value = value.and_then(|v| v.get(name));
        if let Some(i) = index {
            value = value.and_then(|v| v.get(i));
        }
        if steps.peek().is_none() && (index.is_some() || path == "aftercare_ended") {
            // A list item or an optional group: is there one?
            return if value.is_some_and(|v| !v.is_null()) {
                "yes"
            } else {
                "no"
            }
            .to_owned();
        }
    }
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::Bool(b)) => if *b { "yes" } else { "no" }.to_owned(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.as_f64().expect("a number").to_string(),
        Some(other) => panic!("{path} is not one fact: {other}"),
    }
}

/// Runs the journey against the whole case: the answers it asked for, and their paths in order.
fn run_journey(case: &Case) -> (Answers, Vec<String>) {
    let json = serde_json::to_value(case).expect("a case serialises");
    let mut answers = Answers {
        as_at: Some(case.as_at),
        ..Answers::default()
    };
    let mut asked = Vec::new();
    while let Some(q) = next(&answers) {
        assert!(!q.invalid, "the answer at {} could not be read", q.path);
        assert!(!answers.has(&q.path), "{} asked twice", q.path);
        assert!(asked.len() < 2000, "the journey does not end");
        answers
            .given
            .insert(q.path.clone(), answer_of(&json, &q.path));
        asked.push(q.path);
    }
    (answers, asked)
}

/// What the decision says that the facts decide: not the wording of reasons, which may quote a fact not asked.
fn decided(d: &s117::Decision) -> serde_json::Value {
    let body = |b: &Option<s117::decision::Body>| {
        b.as_ref()
            .map(|b| serde_json::json!({ "name": b.name, "certain": b.certain }))
    };
    serde_json::json!({
        "entitlement": d.entitlement,
        "qualifying_detention": d.qualifying_detention,
        "duty_arose": d.duty_arose,
        "council": body(&d.council),
        "nhs_body": body(&d.nhs_body),
        "periods": d.periods.iter().map(|p| serde_json::json!({
            "from": p.from, "to": p.to, "ended_by": p.ended_by, "detention": p.detention,
            "council": body(&p.council), "nhs_body": body(&p.nhs_body),
        })).collect::<Vec<_>>(),
        "refund": d.refund,
        "deadlines": d.deadlines,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Every fact the decision depends on is asked: deciding from the asked facts alone gives the same decision.
    #[test]
    fn the_journey_asks_every_fact_the_decision_depends_on(case in valid_case_with_nhs_facts()) {
        prop_assume!(s117::validate(&case).is_empty());
        let (answers, asked) = run_journey(&case);
        let now = interview(&answers);
        prop_assert_eq!(now.next, None);
        prop_assert!(now.form.iter().all(|q| q.answer.is_some() && !q.invalid));
        let restricted = now.case;
        prop_assert_eq!(
            decided(&s117::evaluate(&case)),
            decided(&s117::evaluate(&restricted)),
            "asked: {:?}\nrestricted: {:?}",
            asked,
            restricted
        );
    }

    /// A whole case handed to the widget (a saved file) reads back as answers: every fact at its path, nothing
    /// left to ask, and the same case.
    #[test]
    fn a_whole_case_reads_back_from_its_answers(case in valid_case_with_nhs_facts()) {
        let answers = Answers::from_case(&case);
        let (read, unreadable) = answers.case_lenient();
        prop_assert!(unreadable.is_empty(), "{:?}", unreadable);
        prop_assert_eq!(&read, &case);
        let now = interview(&answers);
        prop_assert_eq!(now.next, None);
        prop_assert_eq!(decided(&s117::evaluate(&case)), decided(&s117::evaluate(&now.case)));
    }
}

#[test]
fn the_journey_skips_what_does_not_matter() {
    // A single section 2, discharged home: nothing about after-care or the NHS body is asked.
    let case: Case = serde_json::from_value(serde_json::json!({
        "as_at": "2024-01-01",
        "detentions": [{ "section": "2", "detained_in": "england", "admitted": "2023-05-01", "leaving": "discharged",
                         "left_hospital": "2023-05-20", "lived_before": { "country": "england", "council": "Leeds" } }]
    }))
    .unwrap();
    let (_, asked) = run_journey(&case);
    for skipped in [
        "specialised_aftercare",
        "aftercare_ended",
        "gp_icb_on_1_july_2022",
        "detentions[0].gp_icb",
        "detentions[0].lived_before.placed_by",
    ] {
        assert!(
            !asked.iter().any(|p| p == skipped),
            "{skipped} asked: {asked:?}"
        );
    }
}
