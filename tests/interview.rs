//! The interview asks every fact the decision depends on: for every valid case, the decision from the whole case
//! equals the decision from the case made of only the facts the journey asked (`s117::interview::next`).
//!
//! The valid multi-stay generator is copied from `tests/properties.rs` (test files cannot share code without a
//! module of their own), with the NHS facts it leaves out added: the GP's ICB for each stay and on 1 July 2022,
//! NHS England secure services, where the hospital sent the person, and the hospital's name; and amounts are in
//! pounds and pence, as a person types them (the interview reads money as pounds and pence).

use proptest::prelude::*;
use s117::case::{
    AftercareEnded, Case, Charge, Country, Detention, EndingReason, Jurisdiction, Leaving,
    LivedBefore, Place, Recall, Section,
};
use s117::date::Date;
use s117::interview::{next, Answers};

// ---------------------------------------------------------------------------------------------------------------
// Generators (from tests/properties.rs)
// ---------------------------------------------------------------------------------------------------------------

use chrono::{Datelike, NaiveDate};
use s117::case::Per;

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

fn place() -> impl Strategy<Value = Place> {
    (country(), prop::option::weighted(0.8, council_text()))
        .prop_map(|(country, council)| Place { country, council })
}

/// An exact day, or (about one time in six) only the month or the year that contains it.
fn given_as(day: NaiveDate, precision: u8) -> Date {
    match precision {
        0 => format!("{:04}", day.year()),
        1 => format!("{:04}-{:02}", day.year(), day.month()),
        _ => return Date::exact(day),
    }
    .parse()
    .expect("a month or year is a date")
}

/// The day `frac` ten-thousandths of the way from `lo` to `hi` (both included).
fn between(lo: NaiveDate, hi: NaiveDate, frac: u32) -> NaiveDate {
    let span = (hi - lo).num_days().max(0);
    lo + chrono::Days::new((span * i64::from(frac.min(10_000)) / 10_000) as u64)
}

fn precision() -> impl Strategy<Value = u8> {
    0u8..12
}

/// Where someone lived before a stay: mostly a real English council, sometimes anything the contract allows.
fn lived_before_mostly_england() -> impl Strategy<Value = LivedBefore> {
    let names: Vec<String> = s117::reference::councils()
        .iter()
        .map(|c| c.name.to_owned())
        .collect();
    prop_oneof![
        4 => prop::sample::select(names).prop_map(|council| LivedBefore {
            country: Country::England,
            council: Some(council),
            placed_by: None,
            lacked_capacity: None,
            required_by_discharge_condition: None,
            informal_in_hospital_after_losing_home: None,
        }),
        1 => lived_before(),
    ]
}

fn qualifying_section() -> impl Strategy<Value = Section> {
    prop::sample::select(vec![
        Section::S3,
        Section::S3,
        Section::S3,
        Section::S37,
        Section::S37_41,
        Section::S45A,
        Section::S47,
        Section::S47_49,
        Section::S48,
    ])
}

fn other_section() -> impl Strategy<Value = Section> {
    prop::sample::select(vec![
        Section::S2,
        Section::S4,
        Section::S136,
        Section::S35,
        Section::S38,
        Section::Informal,
        Section::Unknown,
    ])
}

/// The plan of one stay: offsets in days and choices, turned into detentions by [`valid_case`].
#[derive(Debug, Clone)]
struct StayPlan {
    gap: u32,
    /// A detention that ran straight on into this one (a section 2, holding power or place of safety), and
    /// how many days it lasted.
    before: Option<(Section, u32)>,
    section: Section,
    len: u32,
    after: u32,
    leaving: u8,
    section_ended_given: bool,
    precisions: (u8, u8, u8),
    detained_in: Jurisdiction,
    recall: Option<Recall>,
    cto_ended: Option<u32>,
    lived_before: LivedBefore,
}

fn stay_plan() -> impl Strategy<Value = StayPlan> {
    (
        (1u32..1200, prop::option::weighted(0.25, (prop::sample::select(vec![Section::S2, Section::S2, Section::S5_2, Section::S136, Section::S4]), 0u32..28))),
        (prop_oneof![3 => qualifying_section(), 2 => other_section()], 0u32..600, 0u32..60),
        (0u8..20, prop::bool::weighted(0.7), (precision(), precision(), precision())),
        (
            prop_oneof![18 => Just(Jurisdiction::England), 3 => Just(Jurisdiction::Wales), 1 => Just(Jurisdiction::Scotland)],
            prop::option::weighted(0.1, recall()),
            prop::option::weighted(0.3, 0u32..1000),
        ),
        lived_before_mostly_england(),
    )
        .prop_map(
            |((gap, before), (section, len, after), (leaving, section_ended_given, precisions), (detained_in, recall, cto_ended), lived_before)| StayPlan {
                gap,
                before,
                section,
                len,
                after,
                leaving,
                section_ended_given,
                precisions,
                detained_in,
                recall,
                cto_ended,
                lived_before,
            },
        )
}

/// How a stay that is not the last one ended (the person left hospital: a leaving date is always given).
fn left_leaving(choice: u8) -> Option<Leaving> {
    match choice % 8 {
        0 | 1 => Some(Leaving::Discharged),
        2 => Some(Leaving::Cto),
        3 => Some(Leaving::ConditionalDischarge),
        4 => Some(Leaving::S17Leave),
        5 => Some(Leaving::StayedInformally),
        6 => Some(Leaving::ReturnedToPrison),
        _ => None,
    }
}

/// Turns stay plans into detentions, returning them and the last day used.
fn build_stays(start: NaiveDate, plans: &[StayPlan]) -> (Vec<Detention>, NaiveDate) {
    let mut out = Vec::new();
    let mut cursor = start;
    let days = |d: NaiveDate, n: u32| d + chrono::Days::new(u64::from(n));
    for (n, plan) in plans.iter().enumerate() {
        let last = n + 1 == plans.len();
        let (pa, pe, pl) = plan.precisions;
        let mut admitted = days(cursor, plan.gap);
        if let Some((section, len)) = plan.before {
            // Continuous detention: no leaving date, no way of leaving; the next one starts when it ended.
            let ended = days(admitted, len);
            out.push(Detention {
                section,
                detained_in: plan.detained_in,
                admitted: Some(given_as(admitted, pa)),
                section_ended: Some(given_as(ended, pe)),
                left_hospital: None,
                leaving: None,
                recall: None,
                cto_ended: None,
                sent_on_discharge_to: None,
                lived_before: plan.lived_before.clone(),
                gp_icb: None,
                nhs_england_secure_service: None,
                hospital: None,
            });
            admitted = ended;
        }
        let ended = days(admitted, plan.len);
        let left = days(ended, plan.after);
        // The last stay may not have ended.
        let (leaving, left_given, ended_given) = match (last, plan.leaving) {
            (true, 14..=15) => (Some(Leaving::StillInHospital), false, false),
            (true, 16) => (
                Some(Leaving::EscortedLeaveOnly),
                false,
                plan.section_ended_given,
            ),
            (true, 17) => (Some(Leaving::Died), plan.section_ended_given, false),
            (true, 18) => (
                Some(Leaving::TransferredOutOfEnglandAndWales),
                false,
                plan.section_ended_given,
            ),
            (true, 19) => (None, false, plan.section_ended_given),
            (_, choice) => (left_leaving(choice), true, plan.section_ended_given),
        };
        let cto_ended = match (leaving, plan.cto_ended) {
            (Some(Leaving::Cto), Some(after)) => Some(given_as(days(left, after), 2)),
            _ => None,
        };
        out.push(Detention {
            section: plan.section,
            detained_in: plan.detained_in,
            admitted: Some(given_as(
                admitted,
                if plan.before.is_some() { pe } else { pa },
            )),
            section_ended: ended_given.then(|| given_as(ended, pe)),
            left_hospital: left_given.then(|| given_as(left, pl)),
            leaving,
            recall: if n > 0 { plan.recall } else { None },
            cto_ended,
            sent_on_discharge_to: None,
            lived_before: plan.lived_before.clone(),
            gp_icb: None,
            nhs_england_secure_service: None,
            hospital: None,
        });
        cursor = if left_given { left } else { ended };
        if let Some(c) = cto_ended {
            cursor = cursor.max(c.last_day());
        }
    }
    (out, cursor)
}

fn valid_ending() -> impl Strategy<Value = (Option<(u32, u8)>, EndingReason, Option<bool>)> {
    (
        prop::option::weighted(0.9, (0u32..=10_000, precision())),
        prop_oneof![2 => Just(EndingReason::NoLongerNeeded), 1 => ending_reason()],
        prop::option::weighted(0.8, any::<bool>()),
    )
}

/// A charge as fractions of the history: since, until (of what remains after since), top-up, amount and per.
type ChargePlan = (
    Option<(u32, u8)>,
    Option<(u32, u8)>,
    bool,
    Option<(f64, Per)>,
    bool,
);

fn charge_plan() -> impl Strategy<Value = ChargePlan> {
    (
        prop::option::weighted(0.9, (0u32..=10_000, precision())),
        prop::option::weighted(0.5, (0u32..=10_000, precision())),
        prop::bool::weighted(0.15),
        prop::option::weighted(
            0.4,
            (
                (0u32..200_000).prop_map(|pence| f64::from(pence) / 100.0),
                prop::sample::select(vec![Per::Week, Per::Month, Per::Year, Per::Total]),
            ),
        ),
        prop::bool::weighted(0.1),
    )
}

/// A valid history of two to five stays, with endings, charges, deaths and dates of knowledge around it.
fn valid_case() -> impl Strategy<Value = Case> {
    (
        (
            0u32..5500,
            prop::collection::vec(stay_plan(), 2..=5),
            0u32..1500,
        ),
        prop::option::weighted(0.45, valid_ending()),
        prop::collection::vec(charge_plan(), 0..4),
        prop::option::weighted(0.4, (0u32..=10_000, precision())),
        prop::option::weighted(0.1, 0u32..=10_000),
        (
            prop::option::weighted(0.3, place()),
            prop::option::weighted(0.1, any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (start, plans, tail),
                ending,
                charges,
                first_knew,
                died,
                (lives_now, specialised),
            )| {
                let start = NaiveDate::from_ymd_opt(1990, 1, 1).expect("valid")
                    + chrono::Days::new(u64::from(start));
                let (mut detentions, last) = build_stays(start, &plans);
                let as_at = last + chrono::Days::new(u64::from(tail));
                let died_in_hospital =
                    detentions.last().and_then(|d| d.leaving) == Some(Leaving::Died);
                let died = match (died, died_in_hospital) {
                    (Some(frac), _) => Some(Date::exact(between(last, as_at, frac))),
                    (None, true) => Some(Date::exact(last)),
                    (None, false) => None,
                };
                if let (Some(died), Some(d)) = (
                    died,
                    detentions
                        .last_mut()
                        .filter(|d| d.leaving == Some(Leaving::Died)),
                ) {
                    d.left_hospital = d.left_hospital.map(|_| died);
                }
                let aftercare_ended = ending.map(|(date, reason, joint)| AftercareEnded {
                    date: date.map(|(frac, p)| given_as(between(start, as_at, frac), p)),
                    reason,
                    joint_written_decision: joint,
                });
                let charges = charges
                    .into_iter()
                    .map(|(since, until, top_up, amount, per_only)| {
                        let since_day = since.map(|(frac, _)| between(start, as_at, frac));
                        let until = until.map(|(frac, p)| {
                            given_as(between(since_day.unwrap_or(start), as_at, frac), p)
                        });
                        Charge {
                            what: Some("care home fees".to_owned()),
                            since: since.zip(since_day).map(|((_, p), day)| given_as(day, p)),
                            until,
                            chosen_dearer_placement_with_written_agreement: top_up,
                            amount: amount.map(|a| a.0),
                            per: amount.map(|a| a.1).or(per_only.then_some(Per::Week)),
                        }
                    })
                    .collect();
                Case {
                    as_at: Date::exact(as_at),
                    detentions: std::mem::take(&mut detentions),
                    lives_now,
                    gp_icb_on_1_july_2022: None,
                    specialised_aftercare: specialised,
                    aftercare_ended,
                    charges,
                    first_knew: first_knew
                        .map(|(frac, p)| given_as(between(start, as_at, frac), p)),
                    died,
                }
            },
        )
}

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

fn normalise(case: &mut Case) {
    for d in &mut case.detentions {
        none_if_empty(&mut d.lived_before.council);
        none_if_empty(&mut d.lived_before.placed_by);
        none_if_empty(&mut d.sent_on_discharge_to);
        none_if_empty(&mut d.gp_icb);
    }
    if let Some(p) = &mut case.lives_now {
        none_if_empty(&mut p.council);
    }
    none_if_empty(&mut case.gp_icb_on_1_july_2022);
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
fn interview(case: &Case) -> (Answers, Vec<String>) {
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
        let (answers, asked) = interview(&case);
        let restricted = answers.case().expect("the answers read back");
        prop_assert_eq!(
            decided(&s117::evaluate(&case)),
            decided(&s117::evaluate(&restricted)),
            "asked: {:?}\nrestricted: {:?}",
            asked,
            restricted
        );
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
    let (_, asked) = interview(&case);
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
