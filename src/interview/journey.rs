//! The journey: which fact to ask next, decided by the rules' own predicates.
//!
//! Each stay is asked about in turn: its section, country, dates and how it ended, then where the person lived
//! before it. When the stay left hospital ([`left_hospital::status`]) its leaving date is asked; a CTO's end only
//! for a stay that ended on one; the details of where the person lived (placement, capacity, discharge
//! conditions) only for a qualifying detention in England or Wales
//! ([`is_qualifying`], [`is_mha_1983`]), since the council is only ever decided from one of those; where the hospital sent them only when
//! they had no home here ([`is_without_residence_here`]). After-care
//! ending and a specialised service are asked only when some stay qualifies. Last, the NHS body: for each
//! detention a duty comes from (found by [`crate::evaluate`] on the answers so far), the GP facts
//! [`responsible_nhs_body::gp_facts`] says its rule reads, for the date it reads them (1 July 2022 for a run of
//! detentions begun before then, including a section 2 that became a section 3 in the same stay).

use super::{Answers, Question};
use crate::case::{Case, Leaving};
use crate::date::Date;
use crate::decision::Entitlement;
use crate::rules::jurisdiction::is_mha_1983;
use crate::rules::left_hospital::{self, Status};
use crate::rules::qualifying_detention::is_qualifying;
use crate::rules::responsible_council::is_without_residence_here;
use crate::rules::responsible_nhs_body::{self, GpFact, ICBS_ESTABLISHED};

/// The question for a path (`detentions[1].section`), with `{date}` filled from `date`.
fn question(path: &str, date: Option<Date>) -> Option<Question> {
    let id = fact_id(path);
    let fact = super::facts().into_iter().find(|f| f.id == id)?;
    let mut q = Question::of(fact);
    q.path = path.to_owned();
    q.date = date;
    let when = date.map_or_else(|| "the day this stay began".to_owned(), Date::long);
    q.question = q.question.replace("{date}", &when);
    Some(q)
}

/// `detentions[1].section` → `detentions[].section`.
fn fact_id(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skipping = false;
    for c in path.chars() {
        match c {
            '[' => {
                skipping = true;
                out.push('[');
            }
            ']' => {
                skipping = false;
                out.push(']');
            }
            _ if skipping => {}
            _ => out.push(c),
        }
    }
    out
}

/// The next question to ask, or `None` when every fact the decision depends on has been asked.
///
/// An answer that cannot be read is asked again first, with `invalid` set.
pub fn next(answers: &Answers) -> Option<Question> {
    let case = match answers.case() {
        Ok(case) => case,
        Err(bad) => {
            let mut q = question(&bad.path, None)?;
            q.invalid = true;
            return Some(q);
        }
    };
    let mut wanted = Wanted {
        answers,
        found: None,
    };
    walk(answers, &case, &mut wanted);
    let (path, date) = wanted.found?;
    question(&path, date)
}

/// Finds the first path not yet answered.
struct Wanted<'a> {
    answers: &'a Answers,
    found: Option<(String, Option<Date>)>,
}

impl Wanted<'_> {
    /// Asks for `path` unless it has been answered; `true` when the walk should stop.
    fn ask(&mut self, path: String, date: Option<Date>) -> bool {
        if self.found.is_none() && !self.answers.has(&path) {
            self.found = Some((path, date));
        }
        self.found.is_some()
    }
}

macro_rules! ask {
    ($w:expr, $path:expr) => {
        if $w.ask($path, None) {
            return;
        }
    };
}

fn walk(answers: &Answers, case: &Case, w: &mut Wanted) {
    let mut i = 0;
    loop {
        if i > 0 {
            ask!(w, format!("detentions[{i}]"));
            if !answers.exists(&format!("detentions[{i}]")) {
                break;
            }
        }
        let p = |f: &str| format!("detentions[{i}].{f}");
        for f in ["section", "detained_in", "admitted", "leaving"] {
            ask!(w, p(f));
        }
        let d = &case.detentions[i];
        if left_hospital::status(d.leaving, true) != Status::NotYet {
            ask!(w, p("left_hospital"));
        }
        ask!(w, p("section_ended"));
        if d.leaving == Some(Leaving::Cto) {
            ask!(w, p("cto_ended"));
        }
        if i > 0 {
            ask!(w, p("recall"));
        }
        ask!(w, p("lived_before.country"));
        ask!(w, p("lived_before.council"));
        // Re-read: the answers above may change whether the stay qualifies (a recall, a leaving).
        let d = &case.detentions[i];
        if is_qualifying(d) && is_mha_1983(d.detained_in) {
            for f in [
                "lived_before.placed_by",
                "lived_before.lacked_capacity",
                "lived_before.required_by_discharge_condition",
                "lived_before.informal_in_hospital_after_losing_home",
            ] {
                ask!(w, p(f));
            }
            if is_without_residence_here(&d.lived_before) {
                ask!(w, p("sent_on_discharge_to"));
            }
        }
        i += 1;
    }
    let qualifies = crate::rules::england_and_wales(case).any(|(_, d)| is_qualifying(d));
    ask!(w, "lives_now.country".to_owned());
    if case.lives_now.is_some() {
        ask!(w, "lives_now.council".to_owned());
    }
    if qualifies {
        ask!(w, "specialised_aftercare".to_owned());
        ask!(w, "aftercare_ended".to_owned());
        if case.aftercare_ended.is_some() {
            for f in ["date", "reason", "joint_written_decision"] {
                ask!(w, format!("aftercare_ended.{f}"));
            }
        }
    }
    let mut i = 0;
    loop {
        ask!(w, format!("charges[{i}]"));
        if !answers.exists(&format!("charges[{i}]")) {
            break;
        }
        for f in [
            "what",
            "since",
            "until",
            "chosen_dearer_placement_with_written_agreement",
            "amount",
            "per",
        ] {
            ask!(w, format!("charges[{i}].{f}"));
        }
        i += 1;
    }
    ask!(w, "first_knew".to_owned());
    ask!(w, "died".to_owned());
    if qualifies {
        nhs(answers, case, w);
    }
}

/// The GP facts for each detention a duty comes from: the current one and each period's.
fn nhs(answers: &Answers, case: &Case, w: &mut Wanted) {
    let decision = crate::evaluate(case);
    let mut targets: Vec<(usize, Option<String>)> = Vec::new();
    if let Some(latest) = decision.qualifying_detention {
        match decision.entitlement {
            Entitlement::NotEntitled | Entitlement::OutOfScope => {}
            Entitlement::Entitled
            | Entitlement::EntitledOnLeavingHospital
            | Entitlement::Ended
            | Entitlement::Undetermined => targets.push((
                latest,
                decision.council.as_ref().and_then(|c| c.code.clone()),
            )),
        }
    }
    for p in &decision.periods {
        targets.push((p.detention, p.council.as_ref().and_then(|c| c.code.clone())));
    }
    for (latest, council) in targets {
        for chain in responsible_nhs_body::gp_facts(case, latest, council.as_deref()) {
            for fact in chain {
                let (path, date) = match fact {
                    GpFact::OnFirstJuly => (
                        "gp_icb_on_1_july_2022".to_owned(),
                        Some(Date::exact(ICBS_ESTABLISHED)),
                    ),
                    GpFact::WhenBegan(i) => (
                        format!("detentions[{i}].gp_icb"),
                        case.detentions[i].admitted,
                    ),
                    GpFact::SecureService(i) => {
                        (format!("detentions[{i}].nhs_england_secure_service"), None)
                    }
                };
                if w.ask(path.clone(), date) {
                    return;
                }
                // A later fact in the chain is read only when this one is blank.
                if matches!(fact, GpFact::SecureService(_))
                    || answers.given.get(&path).is_some_and(|t| !t.is_empty())
                {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(a: &mut Answers, path: &str, text: &str) {
        assert_eq!(
            next(a).map(|q| q.path),
            Some(path.to_owned()),
            "expected {path} next"
        );
        a.given.insert(path.to_owned(), text.to_owned());
    }

    #[test]
    fn interview_first_question_is_the_section_of_the_first_stay() {
        let q = next(&Answers::default()).unwrap();
        assert_eq!(q.path, "detentions[0].section");
        assert_eq!(q.options[1].value, "3");
    }

    /// SI 2022/635 reg. 6: a section 2 from 20 June 2022 that became a section 3 on 12 July 2022 in the same stay
    /// was under way on 1 July 2022, so the ICB is the GP practice's on 1 July 2022, not on 12 July.
    #[test]
    fn interview_icb_for_s2_then_s3_across_1_july_2022_asks_about_1_july() {
        let mut a = Answers {
            as_at: "2023-03-01".parse().ok(),
            ..Answers::default()
        };
        for (path, text) in [
            ("detentions[0].section", "2"),
            ("detentions[0].detained_in", "england"),
            ("detentions[0].admitted", "2022-06-20"),
            ("detentions[0].leaving", "still_in_hospital"),
            ("detentions[0].section_ended", "2022-07-12"),
            ("detentions[0].lived_before.country", "england"),
            ("detentions[0].lived_before.council", "Leeds"),
            ("detentions[1]", "yes"),
            ("detentions[1].section", "3"),
            ("detentions[1].detained_in", "england"),
            ("detentions[1].admitted", "2022-07-12"),
            ("detentions[1].leaving", "discharged"),
            ("detentions[1].left_hospital", "2022-11-01"),
            ("detentions[1].section_ended", "2022-11-01"),
            ("detentions[1].recall", ""),
            ("detentions[1].lived_before.country", "england"),
            ("detentions[1].lived_before.council", "Leeds"),
            ("detentions[1].lived_before.placed_by", ""),
            ("detentions[1].lived_before.lacked_capacity", "no"),
            (
                "detentions[1].lived_before.required_by_discharge_condition",
                "no",
            ),
            (
                "detentions[1].lived_before.informal_in_hospital_after_losing_home",
                "no",
            ),
            ("detentions[2]", "no"),
            ("lives_now.country", "england"),
            ("lives_now.council", "Leeds"),
            ("specialised_aftercare", "no"),
            ("aftercare_ended", "no"),
            ("charges[0]", "no"),
            ("first_knew", ""),
            ("died", ""),
            ("detentions[1].nhs_england_secure_service", "no"),
        ] {
            answer(&mut a, path, text);
        }
        let q = next(&a).unwrap();
        assert_eq!(q.path, "gp_icb_on_1_july_2022");
        assert_eq!(q.date, Some(Date::exact(ICBS_ESTABLISHED)));
        assert!(q.question.contains("1 July 2022"), "{}", q.question);
        // Not known: the fallback is the GP when the run began, with the section 2 on 20 June 2022.
        a.given.insert(q.path, String::new());
        let q = next(&a).unwrap();
        assert_eq!(q.path, "detentions[0].gp_icb");
        assert!(q.question.contains("20 June 2022"), "{}", q.question);
        a.given.insert(q.path, "NHS West Yorkshire ICB".into());
        assert_eq!(next(&a), None);
        assert!(!a.has("detentions[1].gp_icb"));
    }
}
