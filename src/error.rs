//! Malformed input: the one error type, with the field it concerns and what to do.
//!
//! Legal uncertainty is never an error. These are facts that cannot all be true (a stay that ends before it
//! begins, a date after the date of the check), which the person should correct. Each error names the field by
//! its path in the JSON contract (`detentions[1].left_hospital`), so the widget can show it next to its question
//! and the command line can print it.

use crate::case::{Case, Leaving};
use crate::date::Date;
use crate::messages;
use crate::rules::time_limits::MHA_1983_IN_FORCE;
use serde::Serialize;
use std::fmt;

/// A problem with the input, tied to a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct InputError {
    /// The field's path in the contract, such as `detentions[1].left_hospital`.
    pub field: String,
    /// What is wrong and what to do, in plain English.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for InputError {}

/// Checks that the facts in a case can all be true together.
///
/// Returns every problem found, not just the first, so a form can show them all at once.
///
/// # Examples
///
/// ```
/// let case: s117::Case = serde_json::from_str(r#"{"as_at": "2020-01-01", "detentions": [
///   {"section": "3", "detained_in": "england", "admitted": "2019-05-01", "left_hospital": "2019-04-01",
///    "leaving": "discharged", "lived_before": {"country": "england"}}]}"#).unwrap();
/// let errors = s117::validate(&case);
/// assert_eq!(errors[0].field, "detentions[0].left_hospital");
/// ```
pub fn validate(case: &Case) -> Vec<InputError> {
    let mut errors = Vec::new();
    let mut error = |field: String, message: String| errors.push(InputError { field, message });
    let as_at = case.as_at;
    if as_at.first_day() < MHA_1983_IN_FORCE {
        error(
            "as_at".into(),
            messages::fill("input.before_act", &[("as_at", &as_at.long())]),
        );
    }
    let after_check = |date: Date| date.first_day() > as_at.last_day();
    let mut previous_admitted: Option<Date> = None;
    for (i, d) in case.detentions.iter().enumerate() {
        let field = |name: &str| format!("detentions[{i}].{name}");
        for (name, date) in [
            ("admitted", d.admitted),
            ("section_ended", d.section_ended),
            ("left_hospital", d.left_hospital),
            ("cto_ended", d.cto_ended),
        ] {
            if let Some(date) = date.filter(|&x| after_check(x)) {
                error(field(name), after_check_message(date, as_at));
            }
        }
        if let Some(admitted) = d.admitted {
            for (name, date) in [
                ("section_ended", d.section_ended),
                ("left_hospital", d.left_hospital),
            ] {
                if let Some(date) = date.filter(|x| x.last_day() < admitted.first_day()) {
                    error(
                        field(name),
                        messages::fill(
                            "input.before_stay",
                            &[("date", &date.long()), ("admitted", &admitted.long())],
                        ),
                    );
                }
            }
            if let Some(prev) = previous_admitted.filter(|p| admitted.last_day() < p.first_day()) {
                error(
                    field("admitted"),
                    messages::fill(
                        "input.before_previous_stay",
                        &[("admitted", &admitted.long()), ("previous", &prev.long())],
                    ),
                );
            }
            previous_admitted = Some(admitted);
        }
        if d.leaving == Some(Leaving::Died) && i + 1 < case.detentions.len() {
            error(
                field("leaving"),
                messages::text("input.died_then_later_stay").to_owned(),
            );
        }
        if d.leaving == Some(Leaving::StillInHospital) && d.left_hospital.is_some() {
            error(
                field("left_hospital"),
                messages::text("input.still_in_hospital_with_date").to_owned(),
            );
        }
    }
    for (i, c) in case.charges.iter().enumerate() {
        if let (Some(since), Some(until)) = (c.since, c.until) {
            if until.last_day() < since.first_day() {
                error(
                    format!("charges[{i}].until"),
                    messages::fill(
                        "input.charge.until_before_since",
                        &[("until", &until.long()), ("since", &since.long())],
                    ),
                );
            }
        }
        if let Some(date) = c.since.filter(|&x| after_check(x)) {
            error(
                format!("charges[{i}].since"),
                after_check_message(date, as_at),
            );
        }
        match (c.amount, c.per) {
            (Some(amount), _) if !amount.is_finite() || amount < 0.0 => error(
                format!("charges[{i}].amount"),
                messages::text("input.charge.amount").to_owned(),
            ),
            (Some(_), None) => error(
                format!("charges[{i}].per"),
                messages::text("input.charge.per").to_owned(),
            ),
            (Some(_) | None, Some(_) | None) => {}
        }
    }
    for (name, date) in [("first_knew", case.first_knew), ("died", case.died)] {
        if let Some(date) = date.filter(|&x| after_check(x)) {
            error(name.into(), after_check_message(date, as_at));
        }
    }
    if let Some(died) = case.died {
        for (i, d) in case.detentions.iter().enumerate() {
            if let Some(admitted) = d.admitted.filter(|a| a.first_day() > died.last_day()) {
                error(
                    "died".into(),
                    messages::fill(
                        "input.died_before_stay",
                        &[
                            ("died", &died.long()),
                            ("n", &(i + 1).to_string()),
                            ("admitted", &admitted.long()),
                        ],
                    ),
                );
            }
        }
    }
    if let Some(date) = case
        .aftercare_ended
        .as_ref()
        .and_then(|e| e.date)
        .filter(|&x| after_check(x))
    {
        error(
            "aftercare_ended.date".into(),
            after_check_message(date, as_at),
        );
    }
    errors
}

/// "1 January 2027 is after the date of the check (23 November 2026). Check the date."
fn after_check_message(date: Date, as_at: Date) -> String {
    messages::fill(
        "input.after_check",
        &[("date", &date.long()), ("as_at", &as_at.long())],
    )
}
