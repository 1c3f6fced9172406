//! The generator of valid multi-stay histories, shared by `tests/properties.rs` and `tests/interview.rs` (each test
//! binary includes it with `#[path]`, so neither carries a copy). Every case it makes passes `s117::validate`: 2–5
//! stays in order, leavings consistent with dates, endings dated anywhere, charges, sometimes approximate dates.
//! Not every test uses every helper, hence `dead_code` is allowed here.
#![allow(dead_code)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use s117::case::Per;
use s117::case::{
    AftercareEnded, Case, Charge, Country, Detention, EndingReason, Jurisdiction, Leaving,
    LivedBefore, Place, Recall, Section,
};
use s117::date::Date;

pub fn recall() -> impl Strategy<Value = Recall> {
    prop::sample::select(Recall::ALL.to_vec())
}

pub fn country() -> impl Strategy<Value = Country> {
    prop_oneof![
        6 => Just(Country::England),
        2 => Just(Country::Wales),
        1 => Just(Country::Scotland),
        1 => Just(Country::NorthernIreland),
        1 => Just(Country::OutsideUk),
        1 => Just(Country::NoSettledHome),
    ]
}

pub fn ending_reason() -> impl Strategy<Value = EndingReason> {
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
pub fn council_text() -> impl Strategy<Value = String> {
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
pub fn nhs_text() -> impl Strategy<Value = String> {
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

pub fn lived_before() -> impl Strategy<Value = LivedBefore> {
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
                in_prison: None,
                country,
                council,
                placed_by,
                lacked_capacity,
                required_by_discharge_condition: condition,
                informal_in_hospital_after_losing_home: informal,
            },
        )
}

pub fn place() -> impl Strategy<Value = Place> {
    (country(), prop::option::weighted(0.8, council_text()))
        .prop_map(|(country, council)| Place { country, council })
}

/// An exact day, or (about one time in six) only the month or the year that contains it.
pub fn given_as(day: NaiveDate, precision: u8) -> Date {
    match precision {
        0 => format!("{:04}", day.year()),
        1 => format!("{:04}-{:02}", day.year(), day.month()),
        _ => return Date::exact(day),
    }
    .parse()
    .expect("a month or year is a date")
}

/// The day `frac` ten-thousandths of the way from `lo` to `hi` (both included).
pub fn between(lo: NaiveDate, hi: NaiveDate, frac: u32) -> NaiveDate {
    let span = (hi - lo).num_days().max(0);
    lo + chrono::Days::new((span * i64::from(frac.min(10_000)) / 10_000) as u64)
}

pub fn precision() -> impl Strategy<Value = u8> {
    0u8..12
}

/// Where someone lived before a stay: mostly a real English council, sometimes anything the contract allows.
pub fn lived_before_mostly_england() -> impl Strategy<Value = LivedBefore> {
    let names: Vec<String> = s117::reference::councils()
        .iter()
        .map(|c| c.name.to_owned())
        .collect();
    prop_oneof![
        4 => prop::sample::select(names).prop_map(|council| LivedBefore {
            in_prison: None,
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

pub fn qualifying_section() -> impl Strategy<Value = Section> {
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

pub fn other_section() -> impl Strategy<Value = Section> {
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
pub struct StayPlan {
    pub gap: u32,
    /// A detention that ran straight on into this one (a section 2, holding power or place of safety), and
    /// how many days it lasted.
    pub before: Option<(Section, u32)>,
    pub section: Section,
    pub len: u32,
    pub after: u32,
    pub leaving: u8,
    pub section_ended_given: bool,
    pub precisions: (u8, u8, u8),
    pub detained_in: Jurisdiction,
    pub recall: Option<Recall>,
    pub cto_ended: Option<u32>,
    pub lived_before: LivedBefore,
}

pub fn stay_plan() -> impl Strategy<Value = StayPlan> {
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
pub fn left_leaving(choice: u8) -> Option<Leaving> {
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
pub fn build_stays(start: NaiveDate, plans: &[StayPlan]) -> (Vec<Detention>, NaiveDate) {
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
                gp_place: None,
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
            gp_place: None,
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

pub fn valid_ending() -> impl Strategy<Value = (Option<(u32, u8)>, EndingReason, Option<bool>)> {
    (
        prop::option::weighted(0.9, (0u32..=10_000, precision())),
        prop_oneof![2 => Just(EndingReason::NoLongerNeeded), 1 => ending_reason()],
        prop::option::weighted(0.8, any::<bool>()),
    )
}

/// A charge as fractions of the history: since, until (of what remains after since), top-up, amount and per.
pub type ChargePlan = (
    Option<(u32, u8)>,
    Option<(u32, u8)>,
    bool,
    Option<(f64, Per)>,
    bool,
);

pub fn charge_plan() -> impl Strategy<Value = ChargePlan> {
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
pub fn valid_case() -> impl Strategy<Value = Case> {
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
                    gp_place_on_1_july_2022: None,
                    specialised_aftercare: specialised,
                    aftercare_ended,
                    charges,
                    first_knew: first_knew
                        .map(|(frac, p)| given_as(between(start, as_at, frac), p)),
                    died,
                    not_sure: Vec::new(),
                    about: None,
                }
            },
        )
}
