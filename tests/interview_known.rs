//! Working from what people know (issue #10): answers people can give ("I do not know", "not sure", a town
//! instead of an ICB, a misspelt council) each lead somewhere defined, and nothing they declared is dropped.

use s117::interview::{interview, Answers};

fn answers(as_at: &str, given: &[(&str, &str)]) -> Answers {
    let mut a = Answers {
        as_at: as_at.parse().ok(),
        ..Answers::default()
    };
    for (p, t) in given {
        a.given.insert((*p).to_owned(), (*t).to_owned());
    }
    a
}

/// A section 3 in Leeds, discharged home on 10 May 2024.
const S3_LEEDS: &[(&str, &str)] = &[
    ("detentions[0].detained_in", "england"),
    ("detentions[0].section", "3"),
    ("detentions[0].leaving", "discharged"),
    ("detentions[0].admitted", "2024-01-08"),
    ("detentions[0].left_hospital", "2024-05-10"),
    ("detentions[0].section_ended", "2024-05-10"),
    ("detentions[0].hospital", ""),
    ("detentions[0].lived_before.country", "england"),
    ("detentions[0].lived_before.council", "Leeds"),
    ("detentions[1]", "no"),
];

fn with(base: &[(&str, &str)], more: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = base
        .iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect();
    for (p, t) in more {
        all.retain(|(q, _)| q != p);
        all.push(((*p).to_owned(), (*t).to_owned()));
    }
    all
}

fn answers_of(as_at: &str, given: &[(String, String)]) -> Answers {
    let pairs: Vec<(&str, &str)> = given.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    answers(as_at, &pairs)
}

// ---------------------------------------------------------------------------------------------------------------
// 1. A declared charge is never dropped
// ---------------------------------------------------------------------------------------------------------------

/// "Yes, I paid for care", then a blank details page: the charge stays in the case, and the decision says a refund
/// may be due and that the dates are needed (Stennett [2002] UKHL 34).
#[test]
fn a_declared_charge_with_a_blank_details_page_is_kept() {
    let given = with(
        S3_LEEDS,
        &[
            ("charges[0]", "yes"),
            ("charges[0].what", ""),
            ("charges[0].since", ""),
            ("charges[0].until", ""),
            ("charges[0].amount", ""),
            ("charges[0].per", ""),
        ],
    );
    let now = interview(&answers_of("2026-11-01", &given));
    assert_eq!(now.case.charges.len(), 1, "the charge was dropped");
    let d = s117::evaluate(&now.case);
    let refund = d
        .flags
        .iter()
        .find(|f| f.id == s117::decision::FlagId::RefundDue)
        .expect("a refund flag");
    assert!(refund.text.contains("not when"), "{}", refund.text);
    assert!(refund.text.contains("may be due"), "{}", refund.text);
    assert!(refund.text.contains("dates"), "{}", refund.text);
    let reason = d
        .reasons
        .iter()
        .find(|r| r.rule == s117::decision::RuleId::Charging)
        .expect("a charging reason");
    assert!(reason.text.contains("may be due"), "{}", reason.text);
}

/// A charge declared without dates, where the stay's dates are not known either: no duty period to set it
/// against, but the charge is still not dropped nor called lawful.
#[test]
fn a_declared_charge_without_dates_and_no_dated_duty_may_be_refundable() {
    let case: s117::Case = serde_json::from_value(serde_json::json!({
        "as_at": "2026-11-01",
        "detentions": [{ "section": "3", "detained_in": "england",
                         "lived_before": { "country": "england", "council": "Leeds" } }],
        "charges": [{}]
    }))
    .unwrap();
    let d = s117::evaluate(&case);
    let ids: Vec<_> = d.flags.iter().map(|f| f.id).collect();
    assert!(
        !ids.contains(&s117::decision::FlagId::ChargesOutsideDuty),
        "{ids:?}"
    );
    assert!(
        d.flags
            .iter()
            .any(|f| f.id == s117::decision::FlagId::RefundDue && f.text.contains("may be due")),
        "{:?}",
        d.flags
    );
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Council and NHS names checked against the register, never accepted blindly
// ---------------------------------------------------------------------------------------------------------------

fn question_at(a: &Answers, path: &str) -> s117::interview::Question {
    interview(a)
        .form
        .into_iter()
        .find(|q| q.path == path)
        .unwrap_or_else(|| panic!("{path} not asked"))
}

#[test]
fn a_misspelt_council_is_asked_again_with_suggestions() {
    let given = with(S3_LEEDS, &[("detentions[0].lived_before.council", "Birmingam")]);
    let a = answers_of("2026-11-01", &given);
    let now = interview(&a);
    let q = question_at(&a, "detentions[0].lived_before.council");
    assert!(q.invalid, "Birmingam accepted");
    assert_eq!(q.suggestions.first().map(String::as_str), Some("Birmingham City Council"));
    assert!(q.error.contains("\u{201c}Birmingam\u{201d}"), "{}", q.error);
    assert!(q.error.contains("Did you mean Birmingham City Council"), "{}", q.error);
    assert_eq!(now.next.as_deref(), Some("detentions[0].lived_before.council"));
    // Not in the case: the decision never names "Birmingam".
    assert_eq!(now.case.detentions[0].lived_before.council, None);
    // The suggestion is itself accepted.
    let given = with(S3_LEEDS, &[("detentions[0].lived_before.council", "Birmingham City Council")]);
    assert!(!question_at(&answers_of("2026-11-01", &given), "detentions[0].lived_before.council").invalid);
}

#[test]
fn a_made_up_council_is_refused_with_no_suggestion() {
    let given = with(S3_LEEDS, &[("detentions[0].lived_before.council", "Narnia")]);
    let a = answers_of("2026-11-01", &given);
    let q = question_at(&a, "detentions[0].lived_before.council");
    assert!(q.invalid);
    assert!(q.suggestions.is_empty(), "{:?}", q.suggestions);
    assert!(q.error.contains("\u{201c}Narnia\u{201d}"), "{}", q.error);
    assert!(
        q.error.contains("Check the spelling, or choose \u{201c}I do not know\u{201d}"),
        "{}",
        q.error
    );
    // "I do not know" (the blank answer) is accepted, and the decision asks for the council.
    let given = with(S3_LEEDS, &[("detentions[0].lived_before.council", "")]);
    let a = answers_of("2026-11-01", &given);
    assert!(!question_at(&a, "detentions[0].lived_before.council").invalid);
    assert_eq!(question_at(&a, "detentions[0].lived_before.council").blank, Some("I do not know"));
    let d = s117::evaluate(&interview(&a).case);
    assert!(d.council.as_ref().is_none_or(|c| !c.certain), "{:?}", d.council);
}

#[test]
fn every_kind_of_name_the_register_knows_is_accepted() {
    for name in [
        "Leeds",
        "Bromsgrove",
        "Harrogate",
        "Cumbria",
        "Somerset County Council",
        "Glasgow City",
        "Belfast",
        "E08000035",
        "  leeds city council  ",
    ] {
        let given = with(S3_LEEDS, &[("detentions[0].lived_before.council", name)]);
        let q = question_at(&answers_of("2026-11-01", &given), "detentions[0].lived_before.council");
        assert!(!q.invalid, "{name} refused: {}", q.error);
    }
}

#[test]
fn a_misspelt_nhs_body_is_asked_again_with_suggestions() {
    assert_eq!(
        s117::reference::nhs_suggestions("NHS West Yorkshre ICB").first().copied(),
        Some("NHS West Yorkshire Integrated Care Board")
    );
    assert!(s117::reference::nhs_suggestions("Narnia Health").is_empty());
    assert!(!s117::reference::is_known_nhs_body("Narnia Health"));
    assert!(s117::reference::is_known_nhs_body("NHS Frimley ICB"));
}

#[test]
fn council_suggestions_come_from_the_registers_names_and_aliases() {
    assert_eq!(
        s117::reference::council_suggestions("Birmingam").first().copied(),
        Some("Birmingham City Council")
    );
    assert_eq!(
        s117::reference::council_suggestions("Sheffeild").first().copied(),
        Some("Sheffield City Council")
    );
    assert!(s117::reference::council_suggestions("Narnia").is_empty());
    for s in s117::reference::council_suggestions("Manchster") {
        assert!(s117::reference::is_known_council(s), "{s} suggested but not known");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. An unknown section inferred from the length of the stay (s.2(4), s.20)
// ---------------------------------------------------------------------------------------------------------------

fn unknown_stay(admitted: &str, left: &str) -> s117::Case {
    serde_json::from_value(serde_json::json!({
        "as_at": "2026-11-01",
        "detentions": [{ "section": "unknown", "detained_in": "england", "admitted": admitted,
                         "left_hospital": left, "section_ended": left, "leaving": "discharged",
                         "lived_before": { "country": "england", "council": "Leeds" } }]
    }))
    .unwrap()
}

#[test]
fn a_long_stay_of_unknown_section_is_likely_section_3_and_names_the_bodies() {
    let d = s117::evaluate(&unknown_stay("2024-01-08", "2024-07-10"));
    assert_eq!(d.entitlement, s117::decision::Entitlement::Undetermined);
    assert!(d.summary.contains("likely under section 3"), "{}", d.summary);
    assert!(d.summary.contains("6 months"), "{}", d.summary);
    let council = d.council.expect("the council on that footing");
    assert_eq!(council.name, "Leeds City Council");
    assert!(!council.certain);
    assert!(council.why.contains("likely, as it lasted 6 months"), "{}", council.why);
    assert!(!d.nhs_body.expect("the NHS body on that footing").certain);
    assert!(d.reasons.iter().any(|r| r.text.contains(
        "If your stay that began on 8 January 2024 was under section 3 (likely, as it lasted 6 months), then"
    )));
    assert!(d.reasons.iter().all(|r| !r.cites.is_empty()));
}

#[test]
fn a_stay_of_a_few_days_of_unknown_section_is_likely_a_short_section() {
    let d = s117::evaluate(&unknown_stay("2024-01-03", "2024-01-06"));
    assert_eq!(d.entitlement, s117::decision::Entitlement::Undetermined);
    assert!(d.council.is_none());
    assert!(
        d.reasons
            .iter()
            .any(|r| r.text.contains("likely under section 2, 4, 5, 135 or 136")),
        "{:?}",
        d.reasons
    );
}

/// The journey asks, for a stay likely under section 3, what it asks for a qualifying one: the circumstances of
/// where the person lived, after-care ending, and the GP facts the NHS body on that footing reads.
#[test]
fn the_journey_asks_about_a_likely_section_3_as_about_a_qualifying_stay() {
    let given = with(
        S3_LEEDS,
        &[
            ("detentions[0].section", ""),
            ("detentions[0].admitted", "2021-01-08"),
            ("detentions[0].left_hospital", "2021-07-10"),
            ("detentions[0].section_ended", "2021-07-10"),
        ],
    );
    let form = interview(&answers_of("2026-11-01", &given)).form;
    for path in [
        "detentions[0].lived_before.placed_by",
        "aftercare_ended",
        "gp_icb_on_1_july_2022",
    ] {
        assert!(form.iter().any(|q| q.path == path), "{path} not asked");
    }
}
