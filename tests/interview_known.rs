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
