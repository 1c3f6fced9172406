//! Property tests: invariants of the rules that must hold for every case, not just the scenarios.
//!
//! Cases are generated over the whole input contract (every section, jurisdiction, way of leaving, recall and
//! ending reason; dates exact, to the month or to the year; real council and NHS names, districts, codes and
//! junk), so the properties also exercise combinations no scenario thought of. Each property runs a few hundred
//! cases; the whole file stays well under 20 seconds.

use proptest::prelude::*;
use s117::case::{
    AftercareEnded, Case, Charge, Country, Detention, EndingReason, Jurisdiction, Leaving,
    LivedBefore, Place, Recall, Section,
};
use s117::date::Date;
use s117::decision::{Decision, Entitlement, FlagId};

// ---------------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------------

/// A date between 1984 and 2029, exact (mostly), to the month or to the year.
fn date() -> impl Strategy<Value = Date> {
    (1984i32..2030, 1u32..=12, 1u32..=31, 0u8..10).prop_map(|(y, m, d, p)| {
        let text = match p {
            0 => format!("{y:04}"),
            1 | 2 => format!("{y:04}-{m:02}"),
            _ => {
                let mut day = d;
                while Date::ymd(y, m, day).is_none() {
                    day -= 1;
                }
                format!("{y:04}-{m:02}-{day:02}")
            }
        };
        text.parse().expect("generated dates are valid")
    })
}

/// A date in the years that matter most (around 1 July 2022 and April 2026), always exact.
fn recent_date() -> impl Strategy<Value = Date> {
    (2012i32..2028, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::ymd(y, m, d).expect("valid"))
}

fn any_date() -> impl Strategy<Value = Date> {
    prop_oneof![2 => recent_date(), 1 => date()]
}

fn section() -> impl Strategy<Value = Section> {
    prop::sample::select(Section::ALL.to_vec())
}

fn jurisdiction() -> impl Strategy<Value = Jurisdiction> {
    prop_oneof![
        6 => Just(Jurisdiction::England),
        2 => Just(Jurisdiction::Wales),
        1 => Just(Jurisdiction::Scotland),
        1 => Just(Jurisdiction::NorthernIreland),
    ]
}

fn leaving() -> impl Strategy<Value = Leaving> {
    prop::sample::select(vec![
        Leaving::Discharged,
        Leaving::Cto,
        Leaving::ConditionalDischarge,
        Leaving::S17Leave,
        Leaving::EscortedLeaveOnly,
        Leaving::StayedInformally,
        Leaving::ReturnedToPrison,
        Leaving::StillInHospital,
    ])
}

fn recall() -> impl Strategy<Value = Recall> {
    prop::sample::select(vec![
        Recall::CtoRecallNotRevoked,
        Recall::CtoRevoked,
        Recall::ConditionalDischargeRecall,
    ])
}

fn country() -> impl Strategy<Value = Country> {
    prop_oneof![
        6 => Just(Country::England),
        2 => Just(Country::Wales),
        1 => Just(Country::Scotland),
        1 => Just(Country::NorthernIreland),
        1 => Just(Country::OutsideUk),
        1 => Just(Country::NoSettledHome),
    ]
}

fn ending_reason() -> impl Strategy<Value = EndingReason> {
    prop::sample::select(vec![
        EndingReason::NoLongerNeeded,
        EndingReason::DischargedFromMentalHealthServices,
        EndingReason::TimePassed,
        EndingReason::Dols,
        EndingReason::ReadmittedInformallyOrS2,
        EndingReason::CtoEnded,
        EndingReason::RefusedServices,
        EndingReason::Other,
    ])
}

/// Council text as a person might type it: a real council's name or code, a district, a lower-cased or padded
/// name, or junk.
fn council_text() -> impl Strategy<Value = String> {
    let councils = s117::reference::councils();
    let names: Vec<String> = councils.iter().map(|c| c.name.to_owned()).collect();
    let codes: Vec<String> = councils.iter().map(|c| c.code.to_owned()).collect();
    let districts: Vec<String> = s117::reference::districts()
        .iter()
        .map(|d| d.0.to_owned())
        .collect();
    prop_oneof![
        4 => prop::sample::select(names.clone()),
        1 => prop::sample::select(names).prop_map(|n| format!("  {}  ", n.to_lowercase())),
        1 => prop::sample::select(codes),
        2 => prop::sample::select(districts),
        1 => prop::sample::select(vec![
            "Harrogate".to_owned(),
            "Cumbria".to_owned(),
            "Glasgow City".to_owned(),
            "Belfast".to_owned(),
            String::new(),
            "   ".to_owned(),
        ]),
        1 => "\\PC{0,24}",
    ]
}

/// NHS body text: a 2026 body (name, code or ODS code), a predecessor ICB, or junk.
fn nhs_text() -> impl Strategy<Value = String> {
    let bodies = s117::reference::nhs_bodies();
    let names: Vec<String> = bodies.iter().map(|b| b.name.to_owned()).collect();
    let codes: Vec<String> = bodies
        .iter()
        .flat_map(|b| [b.code.to_owned(), b.ods.to_owned()])
        .collect();
    let former: Vec<String> = s117::reference::former_icbs()
        .iter()
        .map(|f| f.1.to_owned())
        .collect();
    prop_oneof![
        3 => prop::sample::select(names),
        1 => prop::sample::select(codes),
        2 => prop::sample::select(former),
        1 => Just("NHS Frimley ICB".to_owned()),
        1 => "\\PC{0,24}",
    ]
}

fn lived_before() -> impl Strategy<Value = LivedBefore> {
    (
        country(),
        prop::option::weighted(0.85, council_text()),
        prop::option::weighted(0.15, council_text()),
        prop::option::of(any::<bool>()),
        prop::option::weighted(0.1, any::<bool>()),
        prop::option::weighted(0.1, any::<bool>()),
    )
        .prop_map(
            |(country, council, placed_by, lacked_capacity, condition, informal)| LivedBefore {
                country,
                council,
                placed_by,
                lacked_capacity,
                required_by_discharge_condition: condition,
                informal_in_hospital_after_losing_home: informal,
            },
        )
}

fn detention() -> impl Strategy<Value = Detention> {
    (
        (section(), jurisdiction()),
        (
            prop::option::weighted(0.9, any_date()),
            prop::option::weighted(0.3, any_date()),
            prop::option::weighted(0.7, any_date()),
            prop::option::weighted(0.2, any_date()),
        ),
        (
            prop::option::weighted(0.85, leaving()),
            prop::option::weighted(0.15, recall()),
        ),
        lived_before(),
        (
            prop::option::weighted(0.4, nhs_text()),
            prop::option::weighted(0.2, any::<bool>()),
            prop::option::weighted(0.1, "\\PC{0,12}"),
        ),
    )
        .prop_map(
            |(
                (section, detained_in),
                (admitted, section_ended, left_hospital, cto_ended),
                (leaving, recall),
                lived_before,
                (gp_icb, secure, hospital),
            )| {
                Detention {
                    section,
                    detained_in,
                    admitted,
                    section_ended,
                    left_hospital,
                    leaving,
                    recall,
                    cto_ended,
                    sent_on_discharge_to: None,
                    lived_before,
                    gp_icb,
                    nhs_england_secure_service: secure,
                    hospital,
                }
            },
        )
}

fn place() -> impl Strategy<Value = Place> {
    (country(), prop::option::weighted(0.8, council_text()))
        .prop_map(|(country, council)| Place { country, council })
}

fn charge() -> impl Strategy<Value = Charge> {
    (
        prop::option::of("\\PC{0,16}"),
        prop::option::weighted(0.8, any_date()),
        prop::option::weighted(0.4, any_date()),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(what, since, until, top_up)| Charge {
            what,
            since,
            until,
            chosen_dearer_placement_with_written_agreement: top_up,
            amount: None,
            per: None,
        })
}

fn ending() -> impl Strategy<Value = AftercareEnded> {
    (
        prop::option::weighted(0.85, any_date()),
        ending_reason(),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(date, reason, joint)| AftercareEnded {
            date,
            reason,
            joint_written_decision: joint,
        })
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![4 => recent_date(), 1 => date()],
        prop::collection::vec(detention(), 0..5),
        prop::option::weighted(0.3, place()),
        prop::option::weighted(0.2, nhs_text()),
        prop::option::weighted(0.15, any::<bool>()),
        prop::option::weighted(0.3, ending()),
        prop::collection::vec(charge(), 0..3),
    )
        .prop_map(
            |(
                as_at,
                detentions,
                lives_now,
                gp_icb_on_1_july_2022,
                specialised_aftercare,
                aftercare_ended,
                charges,
            )| Case {
                as_at,
                detentions,
                lives_now,
                gp_icb_on_1_july_2022,
                specialised_aftercare,
                aftercare_ended,
                charges,
                first_knew: None,
                died: None,
            },
        )
}

/// A stay that is informal or under section 2, with any other facts.
fn informal_or_s2_stay() -> impl Strategy<Value = Detention> {
    (detention(), prop::bool::ANY).prop_map(|(mut d, s2)| {
        d.section = if s2 { Section::S2 } else { Section::Informal };
        d
    })
}

/// Does this section engage the duty?
fn is_qualifying_section(s: Section) -> bool {
    matches!(
        s,
        Section::S3
            | Section::S37
            | Section::S37_41
            | Section::S45A
            | Section::S47
            | Section::S47_49
            | Section::S48
            | Section::S48_49
    )
}

/// A case with no qualifying section anywhere and no unknown-section stay that ended in a CTO or conditional
/// discharge.
fn non_qualifying_case() -> impl Strategy<Value = Case> {
    (
        case(),
        prop::sample::select(vec![
            Section::S2,
            Section::S4,
            Section::S5_2,
            Section::S5_4,
            Section::S35,
            Section::S36,
            Section::S38,
            Section::S135,
            Section::S136,
            Section::S7,
            Section::Informal,
            Section::Unknown,
        ]),
    )
        .prop_map(|(mut c, replacement)| {
            for d in &mut c.detentions {
                if is_qualifying_section(d.section) {
                    d.section = replacement;
                }
                if d.section == Section::Unknown
                    && matches!(
                        d.leaving,
                        Some(Leaving::Cto | Leaving::ConditionalDischarge)
                    )
                {
                    d.leaving = Some(Leaving::Discharged);
                }
            }
            c
        })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The council as a comparable value: name and code only (certainty and candidates may legitimately change when a
/// stay adds an unsettled point, such as a section 2 that became a section 3).
fn council_of(d: &Decision) -> Option<(String, Option<String>)> {
    d.council.as_ref().map(|b| (b.name.clone(), b.code.clone()))
}

/// Calendar months added the way the law counts them (the corresponding date, or the last day of a shorter
/// month), written independently of `s117::date`.
fn add_months(y: i32, m: u32, d: u32, months: u32) -> (i32, u32, u32) {
    let total = (y * 12 + (m as i32 - 1)) + months as i32;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let days_in = match nm {
        4 | 6 | 9 | 11 => 30,
        2 if (ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    };
    (ny, nm, d.min(days_in))
}

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(200))]

    /// Evaluation never panics, always explains itself, and every step cites the law (the approximate-dates
    /// warning is the one flag about the person's facts rather than the law, and cites nothing).
    #[test]
    fn every_decision_is_explained_and_cited(c in case()) {
        let d = s117::evaluate(&c);
        prop_assert!(!d.reasons.is_empty(), "no reasons for {c:?}");
        for r in &d.reasons {
            prop_assert!(!r.cites.is_empty(), "reason {:?} cites nothing", r.text);
            prop_assert!(!r.text.trim().is_empty());
        }
        for f in &d.flags {
            if f.id != FlagId::ApproximateDates {
                prop_assert!(!f.cites.is_empty(), "flag {:?} cites nothing", f.id);
            }
            prop_assert!(!f.text.trim().is_empty());
        }
        for b in d.council.iter().chain(d.nhs_body.iter()) {
            prop_assert!(!b.cites.is_empty(), "body {:?} cites nothing", b.name);
            prop_assert!(!b.name.trim().is_empty() || b.name.is_empty());
        }
        prop_assert!(!d.summary.is_empty());
        // The same facts always give the same decision (the core is pure).
        prop_assert_eq!(&d, &s117::evaluate(&c));
    }

    /// A history with no qualifying section is never treated as owed after-care.
    #[test]
    fn no_qualifying_section_is_never_entitled(c in non_qualifying_case()) {
        let d = s117::evaluate(&c);
        prop_assert!(
            !matches!(d.entitlement, Entitlement::Entitled | Entitlement::EntitledOnLeavingHospital),
            "{:?} for {:?}", d.entitlement, c
        );
        prop_assert!(d.qualifying_detention.is_none());
    }

    /// An informal or section 2 stay, wherever it is added, never changes which council is responsible
    /// (Worcestershire: only a qualifying detention resets the duty).
    #[test]
    fn informal_or_s2_stays_never_change_the_council(
        c in case(),
        extra in informal_or_s2_stay(),
        at in any::<prop::sample::Index>(),
    ) {
        let before = s117::evaluate(&c);
        let mut with = c.clone();
        let i = at.index(with.detentions.len() + 1);
        with.detentions.insert(i, extra);
        let after = s117::evaluate(&with);
        prop_assert_eq!(council_of(&before), council_of(&after), "adding a stay at {} changed the council", i);
    }

    /// Charges never change who is owed after-care or who must provide it: charging is decided after entitlement.
    #[test]
    fn charges_never_change_entitlement_or_bodies(c in case(), extra in prop::collection::vec(charge(), 1..3)) {
        let before = s117::evaluate(&c);
        let mut with = c.clone();
        with.charges.extend(extra);
        let after = s117::evaluate(&with);
        prop_assert_eq!(before.entitlement, after.entitlement);
        prop_assert_eq!(council_of(&before), council_of(&after));
        prop_assert_eq!(
            before.nhs_body.as_ref().map(|b| &b.name),
            after.nhs_body.as_ref().map(|b| &b.name)
        );
    }

    /// Whenever a duty is found (now, on leaving, or ended), the qualifying detention is named and the
    /// responsible council rule has given a reason.
    #[test]
    fn a_duty_always_names_its_detention_and_council_rule(c in case()) {
        let d = s117::evaluate(&c);
        if matches!(d.entitlement, Entitlement::Entitled | Entitlement::EntitledOnLeavingHospital | Entitlement::Ended) {
            let i = d.qualifying_detention;
            prop_assert!(i.is_some_and(|i| i < c.detentions.len()), "{:?}", i);
            prop_assert!(
                d.reasons.iter().any(|r| r.rule == s117::decision::RuleId::ResponsibleCouncil),
                "no responsible_council reason for {:?}", d.entitlement
            );
        }
    }

    /// Serialising a case and reading it back through the JSON façade gives the same case.
    #[test]
    fn cases_round_trip_through_json(c in case()) {
        let json = serde_json::to_string(&c).expect("a Case serialises");
        let back = s117::api::parse_case(&json);
        let error = back.as_ref().err().cloned();
        let back = back.ok();
        prop_assert_eq!(back.as_ref(), Some(&c), "{:?}", error);
    }

    /// The judicial review and ombudsman dates are exactly 3 and 12 calendar months after the ending date.
    #[test]
    fn ending_deadlines_are_three_and_twelve_months_on(c in case()) {
        let d = s117::evaluate(&c);
        let Some(ended) = c.aftercare_ended.as_ref().and_then(|e| e.date) else { return Ok(()) };
        let day = ended.first_day();
        use chrono::Datelike;
        let want = |months| {
            let (y, m, dd) = add_months(day.year(), day.month(), day.day(), months);
            chrono::NaiveDate::from_ymd_opt(y, m, dd).expect("valid")
        };
        let dates = |id| -> Vec<chrono::NaiveDate> {
            d.flags.iter().filter(|f| f.id == id).filter_map(|f| f.date).map(|x| x.first_day()).collect()
        };
        let jr = dates(FlagId::JudicialReviewDeadline);
        // The ending's two deadlines are raised together; a refund adds its own ombudsman date (from the check
        // date), so the ending's must be among them.
        if !jr.is_empty() {
            prop_assert_eq!(jr, vec![want(3)]);
            let ombudsman = dates(FlagId::OmbudsmanDeadline);
            prop_assert!(ombudsman.contains(&want(12)), "{:?}, expected {}", ombudsman, want(12));
        }
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// The JSON façade never panics, whatever text it is given.
    #[test]
    fn check_json_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = s117::api::check_json(&text);
    }

    /// …nor on JSON that is almost a valid case: characters deleted, replaced or inserted.
    #[test]
    fn check_json_never_panics_on_mutated_cases(
        c in case(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..6),
    ) {
        let mut chars: Vec<char> = serde_json::to_string(&c).expect("serialises").chars().collect();
        for (at, op, ch) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 if i < chars.len() => { chars.remove(i); }
                1 if i < chars.len() => chars[i] = ch,
                2 => chars.insert(i, ch),
                _ => chars.truncate(i),
            }
        }
        let text: String = chars.into_iter().collect();
        let _ = s117::api::check_json(&text);
    }

    /// The façade agrees with `validate` and `evaluate`.
    #[test]
    fn check_json_agrees_with_validate_and_evaluate(c in case()) {
        let json = serde_json::to_string(&c).expect("serialises");
        match s117::api::check_json(&json) {
            Ok(d) => {
                prop_assert!(s117::validate(&c).is_empty());
                prop_assert_eq!(d, s117::evaluate(&c));
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert_eq!(errors, s117::validate(&c));
            }
        }
    }
}
