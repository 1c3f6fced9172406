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
    ("filled_in_by", "self"),
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
    let pairs: Vec<(&str, &str)> = given
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
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
    let given = with(
        S3_LEEDS,
        &[("detentions[0].lived_before.council", "Birmingam")],
    );
    let a = answers_of("2026-11-01", &given);
    let now = interview(&a);
    let q = question_at(&a, "detentions[0].lived_before.council");
    assert!(q.invalid, "Birmingam accepted");
    assert_eq!(
        q.suggestions.first().map(String::as_str),
        Some("Birmingham City Council")
    );
    assert!(q.error.contains("\u{201c}Birmingam\u{201d}"), "{}", q.error);
    assert!(
        q.error.contains("Did you mean Birmingham City Council"),
        "{}",
        q.error
    );
    assert_eq!(
        now.next.as_deref(),
        Some("detentions[0].lived_before.council")
    );
    // Not in the case: the decision never names "Birmingam".
    assert_eq!(now.case.detentions[0].lived_before.council, None);
    // The suggestion is itself accepted.
    let given = with(
        S3_LEEDS,
        &[(
            "detentions[0].lived_before.council",
            "Birmingham City Council",
        )],
    );
    assert!(
        !question_at(
            &answers_of("2026-11-01", &given),
            "detentions[0].lived_before.council"
        )
        .invalid
    );
}

#[test]
fn a_made_up_council_is_refused_with_no_suggestion() {
    let given = with(
        S3_LEEDS,
        &[("detentions[0].lived_before.council", "Narnia")],
    );
    let a = answers_of("2026-11-01", &given);
    let q = question_at(&a, "detentions[0].lived_before.council");
    assert!(q.invalid);
    assert!(q.suggestions.is_empty(), "{:?}", q.suggestions);
    assert!(q.error.contains("\u{201c}Narnia\u{201d}"), "{}", q.error);
    assert!(
        q.error
            .contains("Check the spelling, or choose \u{201c}I do not know\u{201d}"),
        "{}",
        q.error
    );
    // "I do not know" (the blank answer) is accepted, and the decision asks for the council.
    let given = with(S3_LEEDS, &[("detentions[0].lived_before.council", "")]);
    let a = answers_of("2026-11-01", &given);
    assert!(!question_at(&a, "detentions[0].lived_before.council").invalid);
    assert_eq!(
        question_at(&a, "detentions[0].lived_before.council").blank,
        Some("I do not know")
    );
    let d = s117::evaluate(&interview(&a).case);
    assert!(
        d.council.as_ref().is_none_or(|c| !c.certain),
        "{:?}",
        d.council
    );
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
        let q = question_at(
            &answers_of("2026-11-01", &given),
            "detentions[0].lived_before.council",
        );
        assert!(!q.invalid, "{name} refused: {}", q.error);
    }
}

#[test]
fn a_misspelt_nhs_body_is_asked_again_with_suggestions() {
    assert_eq!(
        s117::reference::nhs_suggestions("NHS West Yorkshre ICB")
            .first()
            .copied(),
        Some("NHS West Yorkshire Integrated Care Board")
    );
    assert!(s117::reference::nhs_suggestions("Narnia Health").is_empty());
    assert!(!s117::reference::is_known_nhs_body("Narnia Health"));
    assert!(s117::reference::is_known_nhs_body("NHS Frimley ICB"));
}

#[test]
fn council_suggestions_come_from_the_registers_names_and_aliases() {
    assert_eq!(
        s117::reference::council_suggestions("Birmingam")
            .first()
            .copied(),
        Some("Birmingham City Council")
    );
    assert_eq!(
        s117::reference::council_suggestions("Sheffeild")
            .first()
            .copied(),
        Some("Sheffield City Council")
    );
    assert!(s117::reference::council_suggestions("Narnia").is_empty());
    for s in s117::reference::council_suggestions("Manchster") {
        assert!(
            s117::reference::is_known_council(s),
            "{s} suggested but not known"
        );
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
    assert!(
        d.summary.contains("likely under section 3"),
        "{}",
        d.summary
    );
    assert!(d.summary.contains("6 months"), "{}", d.summary);
    let council = d.council.expect("the council on that footing");
    assert_eq!(council.name, "Leeds City Council");
    assert!(!council.certain);
    assert!(
        council.why.contains("likely, as it lasted 6 months"),
        "{}",
        council.why
    );
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
        "gp_place_on_1_july_2022",
    ] {
        assert!(form.iter().any(|q| q.path == path), "{path} not asked");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. "Not sure" on every question, each with a defined path
// ---------------------------------------------------------------------------------------------------------------

use s117::case::NotSure;
use s117::decision::FlagId;

/// The whole of a section 3 journey up to the list questions, in Leeds, with after-care questions answered.
fn s3_answered(more: &[(&str, &str)]) -> Answers {
    let given = with(
        S3_LEEDS,
        &[
            ("detentions[0].lived_before.placed_by", ""),
            ("detentions[0].lived_before.lacked_capacity", "no"),
            (
                "detentions[0].lived_before.required_by_discharge_condition",
                "no",
            ),
            (
                "detentions[0].lived_before.informal_in_hospital_after_losing_home",
                "no",
            ),
            ("lives_now.country", "england"),
            ("lives_now.council", "Leeds"),
            ("specialised_aftercare", "no"),
            ("aftercare_ended", "no"),
            ("charges[0]", "no"),
            ("first_knew", ""),
            ("died", ""),
        ],
    );
    let given = with(
        &given
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect::<Vec<_>>(),
        more,
    );
    answers_of("2026-11-01", &given)
}

fn offers_not_sure(a: &Answers, path: &str) -> bool {
    question_at(a, path)
        .options
        .iter()
        .any(|o| o.value == "not_sure")
}

#[test]
fn not_sure_whether_after_care_ended_is_read_as_continuing_and_asks_for_the_joint_decision() {
    let a = s3_answered(&[("aftercare_ended", "not_sure")]);
    assert!(offers_not_sure(&a, "aftercare_ended"));
    let now = interview(&a);
    // The journey skips the ending's details, and the duty runs on.
    assert!(now.form.iter().all(|q| q.path != "aftercare_ended.date"));
    assert_eq!(now.case.aftercare_ended, None);
    assert_eq!(now.case.not_sure, vec![NotSure::AftercareEnded]);
    let d = s117::evaluate(&now.case);
    assert_eq!(d.entitlement, s117::decision::Entitlement::Entitled);
    let flag = d
        .flags
        .iter()
        .find(|f| f.id == FlagId::AskForEndingDecision)
        .expect("asks for the decision");
    assert!(
        flag.text.contains("joint written decision"),
        "{}",
        flag.text
    );
}

#[test]
fn not_sure_whether_paid_moves_on_and_asks_for_the_financial_assessment() {
    let a = s3_answered(&[("charges[0]", "not_sure")]);
    assert!(offers_not_sure(&a, "charges[0]"));
    let now = interview(&a);
    assert!(now.form.iter().all(|q| q.path != "charges[0].what"));
    assert!(now.case.charges.is_empty());
    assert_eq!(now.case.not_sure, vec![NotSure::Charged]);
    let d = s117::evaluate(&now.case);
    let flag = d
        .flags
        .iter()
        .find(|f| f.id == FlagId::AskForFinancialRecords)
        .expect("asks for records");
    assert!(flag.text.contains("financial assessment"), "{}", flag.text);
}

#[test]
fn not_sure_whether_readmitted_goes_on_the_stays_given_and_asks_for_the_records() {
    let a = s3_answered(&[("detentions[1]", "not_sure")]);
    assert!(offers_not_sure(&a, "detentions[1]"));
    let now = interview(&a);
    assert_eq!(now.case.detentions.len(), 1);
    assert_eq!(now.case.not_sure, vec![NotSure::AnotherStay]);
    let d = s117::evaluate(&now.case);
    assert_eq!(d.entitlement, s117::decision::Entitlement::Entitled);
    let flag = d
        .flags
        .iter()
        .find(|f| f.id == FlagId::AskWhetherReadmitted)
        .expect("asks about stays");
    assert!(
        flag.text.contains("subject access request"),
        "{}",
        flag.text
    );
}

#[test]
fn not_sure_whether_a_stay_was_a_recall_reads_it_as_a_new_detention() {
    let a = s3_answered(&[
        ("detentions[1]", "yes"),
        ("detentions[1].detained_in", "england"),
        ("detentions[1].section", "3"),
        ("detentions[1].recall", "not_sure"),
        ("detentions[2]", "no"),
    ]);
    assert!(offers_not_sure(&a, "detentions[1].recall"));
    let now = interview(&a);
    assert!(!question_at(&a, "detentions[1].recall").invalid);
    assert_eq!(now.case.detentions[1].recall, None);
    assert_eq!(now.case.not_sure, vec![NotSure::Recall(1)]);
    let d = s117::evaluate(&now.case);
    assert!(d.flags.iter().any(|f| f.id == FlagId::AskWhetherRecalled));
}

/// Not sure where they lived before the stay: nothing more is asked about that home, the council is not named
/// (it is the council for where the person lived immediately before the detention, s.117(3)), and the decision
/// says how to find out (the hospital records, UK GDPR art. 15). The NHS body is still decided from the GP.
#[test]
fn not_sure_where_they_lived_before_leaves_the_council_unnamed_and_says_how_to_find_out() {
    let a = s3_answered(&[("detentions[0].lived_before.country", "not_sure")]);
    assert!(offers_not_sure(&a, "detentions[0].lived_before.country"));
    let now = interview(&a);
    assert!(now
        .form
        .iter()
        .all(|q| !q.path.starts_with("detentions[0].lived_before.")
            || q.path == "detentions[0].lived_before.country"));
    assert_eq!(
        now.case.detentions[0].lived_before.country,
        s117::case::Country::NotSure
    );
    let d = s117::evaluate(&now.case);
    assert_eq!(d.entitlement, s117::decision::Entitlement::Entitled);
    assert!(d.council.is_none(), "{:?}", d.council);
    let flag = d
        .flags
        .iter()
        .find(|f| f.id == FlagId::AskWhereLivedBefore)
        .expect("says how to find out where they lived");
    assert!(
        flag.text.contains("subject access request"),
        "{}",
        flag.text
    );
    let cites: Vec<&str> = flag.cites.iter().map(|c| c.id).collect();
    assert!(cites.contains(&"mha1983-s117-3"), "{cites:?}");
    assert!(cites.contains(&"uk-gdpr-art-15"), "{cites:?}");
    // Finding out is one of the steps to take now.
    let find_out = d
        .next_steps
        .iter()
        .position(|s| s.id == s117::decision::StepId::FindOut)
        .expect("a step to find out");
    assert!(find_out < 3, "{:?}", d.next_steps);
    assert!(d.next_steps[find_out].text.contains("where you lived"));
    // The GP questions are still asked: the NHS body does not depend on where the person lived.
    assert!(
        now.form.iter().any(|q| q.path.contains("gp_")),
        "{:?}",
        now.form.iter().map(|q| &q.path).collect::<Vec<_>>()
    );
}

/// Not sure where they live now: the council question is skipped and the decision is the same as without it.
#[test]
fn not_sure_where_they_live_now_skips_the_council_and_goes_on() {
    let a = s3_answered(&[("lives_now.country", "not_sure")]);
    assert!(offers_not_sure(&a, "lives_now.country"));
    let now = interview(&a);
    assert!(now.form.iter().all(|q| q.path != "lives_now.council"));
    let d = s117::evaluate(&now.case);
    assert_eq!(d.entitlement, s117::decision::Entitlement::Entitled);
    assert_eq!(
        d.council.as_ref().map(|c| c.name.as_str()),
        Some("Leeds City Council")
    );
}

#[test]
fn not_sure_whether_a_charge_was_a_top_up_reads_it_as_not() {
    let a = s3_answered(&[
        ("charges[0]", "yes"),
        ("charges[0].what", "care home"),
        ("charges[0].since", "2024-06-01"),
        (
            "charges[0].chosen_dearer_placement_with_written_agreement",
            "not_sure",
        ),
        ("charges[1]", "no"),
    ]);
    assert!(offers_not_sure(
        &a,
        "charges[0].chosen_dearer_placement_with_written_agreement"
    ));
    let now = interview(&a);
    assert!(!now.case.charges[0].chosen_dearer_placement_with_written_agreement);
    let d = s117::evaluate(&now.case);
    assert!(d.flags.iter().any(|f| f.id == FlagId::RefundDue));
    assert!(d.flags.iter().any(|f| f.id == FlagId::AskForTopUpAgreement));
}

/// Answers read back from a case with "not sure" answers give the same case.
#[test]
fn not_sure_answers_read_back_from_the_case() {
    let now = interview(&s3_answered(&[
        ("detentions[1]", "not_sure"),
        ("aftercare_ended", "not_sure"),
        ("charges[0]", "not_sure"),
    ]));
    let back = Answers::from_case(&now.case).case().unwrap();
    assert_eq!(back.not_sure, now.case.not_sure);
    assert_eq!(back, now.case);
}

/// Every yes/no question and every choice offers a way to say it is not known: "not sure", or a blank answer
/// ("I do not know"), except the few the journey cannot do without (where the hospital was).
#[test]
fn every_question_has_a_not_known_answer() {
    let known_always = [
        "filled_in_by",
        "detentions[].detained_in",
        "detentions[].lived_before.country",
        "lives_now.country",
        "aftercare_ended.reason",
    ];
    for q in s117::interview::questions() {
        let choosing = matches!(q.kind, "choice" | "yes_no" | "yes_no_not_sure");
        if !choosing || known_always.contains(&q.id) {
            continue;
        }
        let not_known = q.blank.is_some()
            || q.options
                .iter()
                .any(|o| o.value == "not_sure" || o.value == "unknown");
        assert!(not_known, "{} has no way to say it is not known", q.id);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// 5. In prison just before a stay (sections 47 and 48)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn a_transfer_from_prison_asks_whether_they_were_in_prison_and_where_they_lived_before_it() {
    let given = with(
        S3_LEEDS,
        &[
            ("detentions[0].section", "47"),
            ("detentions[0].lived_before.in_prison", "yes"),
        ],
    );
    let a = answers_of("2026-11-01", &given);
    let q = question_at(&a, "detentions[0].lived_before.in_prison");
    assert!(q.options.iter().any(|o| o.value == "not_sure"));
    assert_eq!(
        question_at(&a, "detentions[0].lived_before.council").question,
        "Which council area did you live in before you went to prison?"
    );
    let now = interview(&a);
    assert_eq!(now.case.detentions[0].lived_before.in_prison, Some(true));
    let d = s117::evaluate(&now.case);
    let council = d
        .council
        .expect("the council for where they lived before prison");
    assert_eq!(council.name, "Leeds City Council");
    assert!(!council.certain);
    let flag = d
        .flags
        .iter()
        .find(|f| f.id == FlagId::InPrisonBefore)
        .expect("the doubt is flagged");
    assert!(
        flag.text.contains("no court decision or guidance"),
        "{}",
        flag.text
    );
    // A section 3 is never asked about prison.
    let a = answers_of("2026-11-01", &with(S3_LEEDS, &[]));
    assert!(interview(&a)
        .form
        .iter()
        .all(|q| q.path != "detentions[0].lived_before.in_prison"));
}

// ---------------------------------------------------------------------------------------------------------------
// 6. The GP asked as where the surgery was; the ICB worked out from the council area, as likely
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn the_gp_is_asked_as_the_town_of_the_surgery_and_the_icb_is_likely() {
    let a = s3_answered(&[("detentions[0].nhs_england_secure_service", "no")]);
    let now = interview(&a);
    let q = s117::interview::next(&a).expect("the GP question");
    assert_eq!(q.path, "detentions[0].gp_place");
    assert_eq!(q.kind, "council");
    assert!(
        q.question
            .starts_with("Where was your GP surgery on 8 January 2024"),
        "{}",
        q.question
    );
    assert!(
        now.form.iter().all(|q| q.path != "detentions[0].gp_icb"),
        "the ICB asked before the place"
    );
    // Bromsgrove is in Worcestershire, whose ICB is Herefordshire and Worcestershire: likely, not certain.
    let mut a = a;
    a.given
        .insert("detentions[0].gp_place".into(), "Bromsgrove".into());
    let now = interview(&a);
    assert_eq!(now.next, None, "the ICB asked although the place was given");
    assert!(now.form.iter().all(|q| q.path != "detentions[0].gp_icb"));
    let d = s117::evaluate(&now.case);
    let nhs = d.nhs_body.expect("an NHS body");
    assert_eq!(
        nhs.name,
        "NHS Herefordshire and Worcestershire Integrated Care Board"
    );
    assert!(!nhs.certain);
    assert!(
        nhs.why
            .contains("GP surgery was in Worcestershire County Council's area"),
        "{}",
        nhs.why
    );
    assert!(d.flags.iter().any(|f| f.id == FlagId::NhsBodyFromGpPlace));
    assert!(d
        .flags
        .iter()
        .all(|f| f.id != FlagId::NhsBodyFromCouncilArea));
    // Not known: the ICB itself is asked, as before.
    a.given
        .insert("detentions[0].gp_place".into(), String::new());
    assert_eq!(
        s117::interview::next(&a).map(|q| q.path),
        Some("detentions[0].gp_icb".to_owned())
    );
}

/// The old facts stay readable: a case (file or screen row) with the GP's ICB still decides from it, certainly.
#[test]
fn a_gp_icb_given_in_a_file_is_still_read() {
    let case: s117::Case = serde_json::from_value(serde_json::json!({
        "as_at": "2026-11-01",
        "detentions": [{ "section": "3", "detained_in": "england", "admitted": "2024-01-08",
                         "left_hospital": "2024-05-10", "leaving": "discharged",
                         "gp_icb": "NHS West Yorkshire ICB",
                         "lived_before": { "country": "england", "council": "Leeds" } }]
    }))
    .unwrap();
    let d = s117::evaluate(&case);
    assert_eq!(d.nhs_body.as_ref().map(|b| b.certain), Some(true));
    let a = Answers::from_case(&case);
    let now = interview(&a);
    assert_eq!(now.next, None);
    assert_eq!(
        now.case.detentions[0].gp_icb.as_deref(),
        Some("NHS West Yorkshire ICB")
    );
}

/// Charges after a stay likely under section 3: never "outside the duty"; a refund may be due on that footing.
#[test]
fn charges_after_a_likely_section_3_may_be_refundable() {
    let mut case = unknown_stay("2024-01-08", "2024-07-10");
    case.charges = serde_json::from_value(
        serde_json::json!([{ "what": "care home fees", "since": "2024-09-01" }]),
    )
    .unwrap();
    let d = s117::evaluate(&case);
    assert!(d.flags.iter().all(|f| f.id != FlagId::ChargesOutsideDuty));
    let refund = d
        .flags
        .iter()
        .find(|f| f.id == FlagId::RefundDue)
        .expect("a refund flag");
    assert!(
        refund
            .text
            .contains("If your stay that began on 8 January 2024 was under section 3 (likely"),
        "{}",
        refund.text
    );
}

// ---------------------------------------------------------------------------------------------------------------
// 7. Who is filling this in: the questions speak of the person by name when someone else fills it in
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn who_is_filling_this_in_is_asked_first() {
    let q = s117::interview::next(&Answers::default()).unwrap();
    assert_eq!(q.path, "filled_in_by");
    assert_eq!(
        q.options.iter().map(|o| o.value).collect::<Vec<_>>(),
        ["self", "someone_else"]
    );
    // Myself: no name asked, the questions speak to "you".
    let a = answers("2026-11-01", &[("filled_in_by", "self")]);
    let q = s117::interview::next(&a).unwrap();
    assert_eq!(q.path, "detentions[0].detained_in");
    let a = answers(
        "2026-11-01",
        &[
            ("filled_in_by", "self"),
            ("detentions[0].detained_in", "england"),
        ],
    );
    assert_eq!(
        s117::interview::next(&a).unwrap().question,
        "Which section of the Mental Health Act were you kept in hospital under?"
    );
}

#[test]
fn for_someone_else_the_questions_speak_of_them_by_name() {
    let a = answers("2026-11-01", &[("filled_in_by", "someone_else")]);
    assert_eq!(s117::interview::next(&a).unwrap().path, "person_name");
    let given = with(
        S3_LEEDS,
        &[
            ("filled_in_by", "someone_else"),
            ("person_name", "my father"),
            ("detentions[0].section", "47"),
            ("aftercare_ended", "yes"),
        ],
    );
    let a = answers_of("2026-11-01", &given);
    let form = interview(&a).form;
    let words = |path: &str| {
        form.iter()
            .find(|q| q.path == path)
            .map(|q| q.question.clone())
            .unwrap()
    };
    assert_eq!(
        words("detentions[0].section"),
        "Which section of the Mental Health Act was my father kept in hospital under?"
    );
    assert_eq!(
        words("detentions[0].left_hospital"),
        "When did my father leave hospital?"
    );
    assert_eq!(
        words("aftercare_ended"),
        "Has my father been told their after-care has ended?"
    );
    assert_eq!(
        words("detentions[0].lived_before.in_prison"),
        "Was my father in prison, or held on remand or in immigration detention, just before this stay began?"
    );
    let reason = form
        .iter()
        .find(|q| q.path == "aftercare_ended.reason")
        .unwrap();
    assert!(
        reason
            .options
            .iter()
            .any(|o| o.label == "They refused services"),
        "{:?}",
        reason.options
    );
    assert!(
        reason.options.iter().all(|o| !o.label.starts_with("I ")),
        "{:?}",
        reason.options
    );
    let placed = form
        .iter()
        .find(|q| q.path == "detentions[0].lived_before.placed_by")
        .unwrap();
    assert_eq!(placed.blank, Some("No council placed them there"));
    // No name given: "the person".
    let a = answers(
        "2026-11-01",
        &[("filled_in_by", "someone_else"), ("person_name", "")],
    );
    assert_eq!(
        s117::interview::next(&a).unwrap().question,
        "Which country was the hospital in?"
    );
    let a = answers(
        "2026-11-01",
        &[
            ("filled_in_by", "someone_else"),
            ("person_name", ""),
            ("detentions[0].detained_in", "england"),
        ],
    );
    assert_eq!(
        s117::interview::next(&a).unwrap().question,
        "Which section of the Mental Health Act was the person kept in hospital under?"
    );
    // Who filled it in changes no fact of the case: only how its words speak of the person (`about`).
    let case = interview(&a).case;
    assert_eq!(case.about.as_deref(), Some("the person"));
    assert_eq!(
        s117::Case {
            about: None,
            ..case
        },
        interview(&answers(
            "2026-11-01",
            &[("detentions[0].detained_in", "england")]
        ))
        .case
    );
}

/// Every question that speaks to "you" has a third-person form.
#[test]
fn every_question_to_you_has_a_third_person_form() {
    for q in s117::interview::questions() {
        if q.id == "filled_in_by" || q.id == "person_name" {
            continue;
        }
        let speaks_to_you = q.question.contains("you")
            || q.question.contains("your")
            || q.question.starts_with("Were you");
        let m = s117::interview::message_id(q.id);
        let other =
            s117::messages::lookup(s117::messages::Lang::EnGb, &format!("{m}.question.other"));
        assert!(
            !speaks_to_you || other.is_some(),
            "{} has no third-person question",
            q.id
        );
    }
}
