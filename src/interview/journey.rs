//! The journey: which facts the answers make relevant, in what order, and which page to ask next, decided by the
//! rules' own predicates.
//!
//! Each stay is asked about in turn: where the hospital was, the section, how it ended, its dates (one page), a
//! recall, then where the person lived before it. Its leaving date only when the stay left hospital
//! ([`left_hospital::status`]); a CTO's end only for a stay that ended on one; the details of where the person lived
//! (placement, capacity, discharge conditions) only for a qualifying detention in England or Wales
//! ([`is_qualifying`], [`is_mha_1983`]), since the council is only ever decided from one of those; where the
//! hospital sent them only when they had no home here ([`is_without_residence_here`]). After-care ending and a
//! specialised service are asked only when some stay qualifies. Last, the NHS body: for each detention a duty
//! comes from (found by [`crate::evaluate`] on the answers so far), the GP facts [`responsible_nhs_body::gp_facts`]
//! says its rule reads, for the date it reads them (1 July 2022 for a run of detentions begun before then,
//! including a section 2 that became a section 3 in the same stay).
//!
//! [`interview`] walks the whole journey on the answers so far, so the same walk gives the person's next page,
//! the check-your-answers list and the adviser's dense form.

use super::{Answers, Question};
use crate::case::{Case, Country, Leaving};
use crate::date::Date;
use crate::decision::Entitlement;
use crate::messages;
use crate::rules::jurisdiction::is_mha_1983;
use crate::rules::left_hospital::{self, Status};
use crate::rules::qualifying_detention::{is_likely_qualifying, is_qualifying};
use crate::rules::responsible_council::is_without_residence_here;
use crate::rules::responsible_nhs_body::{self, is_part_3, GpFact, ICBS_ESTABLISHED};
use serde::Serialize;

/// The question for a path (`detentions[1].section`) among `facts`, with `{date}` filled from `date`.
fn question(facts: &[super::Fact], path: &str, date: Option<Date>) -> Option<Question> {
    let id = fact_id(path);
    let fact = *facts.iter().find(|f| f.id == id)?;
    let mut q = Question::of(fact);
    q.path = path.to_owned();
    q.date = date;
    let when = date.map_or_else(
        || messages::text("date.when_stay_began").to_owned(),
        Date::long,
    );
    q.question = messages::fill_text(&q.question, &[("date", &when)]);
    q.page = match fact.page {
        // A grouped fact's page is its group, in the same list item: `detentions[1].dates`.
        Some(group) => match path.rfind(']') {
            Some(end) => format!("{}.{group}", &path[..=end]),
            None => group.to_owned(),
        },
        None => path.to_owned(),
    };
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

/// Where the interview stands: every fact the answers make relevant, the page to ask next, and the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interview {
    /// Every fact the answers so far make relevant, in the order of the journey, with the answer given
    /// (`answer`) and the page it is asked on (`page`). The journey asks them page by page; a dense form shows
    /// them all; check your answers lists them.
    pub form: Vec<Question>,
    /// The page to ask next (its key, as in each question's `page`): the page of the first fact not answered, or
    /// whose answer could not be read. `None` when every relevant fact has been answered.
    pub next: Option<String>,
    /// The case the relevant answers describe (answers the journey no longer asks for are left out; an answer that
    /// could not be read counts as not answered).
    pub case: Case,
}

/// Where the interview stands, given the answers so far.
///
/// Answers to facts the journey no longer reaches (a CTO's end, after the stay's ending was changed to a
/// discharge) are set aside before anything is decided from them: the walk is repeated on the answers it reached
/// until it reaches the same facts twice.
pub fn interview(answers: &Answers) -> Interview {
    let mut kept = answers.clone();
    let (mut case, mut unreadable) = kept.case_lenient();
    let mut paths = walk(&kept, &case);
    for _ in 0..4 {
        let mut reached = Answers {
            as_at: answers.as_at,
            ..Answers::default()
        };
        for (path, _) in &paths {
            if let Some(text) = answers.given.get(path) {
                reached.given.insert(path.clone(), text.clone());
            }
        }
        if reached == kept {
            break;
        }
        kept = reached;
        (case, unreadable) = kept.case_lenient();
        paths = walk(&kept, &case);
    }
    let mut next = None;
    let facts = super::facts();
    let voice = kept.about();
    let form = paths
        .into_iter()
        .filter_map(|(path, date)| {
            let mut q = question(&facts, &path, date)?;
            q.invalid = unreadable.contains(&path);
            q.answer = kept.given.get(&path).cloned();
            if q.invalid {
                not_in_register(&mut q);
            }
            in_prison_wording(&mut q, &case);
            if let Some(name) = &voice {
                third_person(&mut q, name, date);
            }
            if next.is_none() && (q.answer.is_none() || q.invalid) {
                next = Some(q.page.clone());
            }
            Some(q)
        })
        .collect();
    Interview { form, next, case }
}

/// The question in the third person, for someone filling this in for another: each of its words that has a
/// `.other` form (the question, with `{name}`; its hint; a "not known" answer; a choice's words; the page's title).
fn third_person(q: &mut Question, name: &str, date: Option<Date>) {
    let other = |id: &str| messages::lookup(messages::Lang::EnGb, &format!("{id}.other"));
    let m = super::message_id(q.id);
    let suffix = if q.question == messages::text("detentions.lived_before.country.question.prison")
        || q.question == messages::text("detentions.lived_before.council.question.prison")
    {
        ".question.prison"
    } else {
        ".question"
    };
    if let Some(template) = other(&format!("{m}{suffix}")) {
        let when = date.map_or_else(
            || messages::text("date.when_stay_began").to_owned(),
            Date::long,
        );
        let mut capital = name.to_owned();
        if let Some(first) = capital.get(..1) {
            capital.replace_range(..1, &first.to_uppercase());
        }
        q.question = messages::fill_text(
            template,
            &[("name", name), ("Name", &capital), ("date", &when)],
        );
    }
    if let Some(hint) = other(&format!("{m}.hint")) {
        q.hint = Some(hint);
    }
    if let Some(blank) = other(&format!("{m}.blank")) {
        q.blank = Some(blank);
    }
    if let (Some(_), Some(page)) = (q.page_title, q.page.rsplit('.').next()) {
        if let Some(title) = other(&format!("page.{page}.title")) {
            q.page_title = Some(title);
        }
    }
    if let super::Kind::Choice { name: choice, .. } = super::facts()
        .iter()
        .find(|f| f.id == q.id)
        .map_or(super::Kind::Text, |f| f.kind)
    {
        for o in &mut q.options {
            if let Some(label) = other(&format!("choice.{choice}.{}", o.value)) {
                o.label = label;
            }
        }
    }
}

/// Where the person was in prison just before a stay, where they lived is asked as where they lived before prison.
fn in_prison_wording(q: &mut Question, case: &Case) {
    let Some(rest) = q.path.strip_prefix("detentions[") else {
        return;
    };
    let Some((index, field)) = rest.split_once("].") else {
        return;
    };
    let in_prison = index
        .parse::<usize>()
        .ok()
        .and_then(|i| case.detentions.get(i))
        .is_some_and(|d| d.lived_before.in_prison == Some(true));
    if !in_prison {
        return;
    }
    q.question = match field {
        "lived_before.country" => messages::text("detentions.lived_before.country.question.prison"),
        "lived_before.council" => messages::text("detentions.lived_before.council.question.prison"),
        _ => return,
    }
    .to_owned();
}

/// For a council or NHS body the register does not know: an error that names what was typed, with the register's
/// nearest names as suggestions ("Birmingam" → "Birmingham City Council"), or, when nothing is near ("Narnia"), a
/// prompt to check the spelling or say it is not known.
fn not_in_register(q: &mut Question) {
    let Some(typed) = q.answer.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return;
    };
    let (suggestions, what) = match q.kind {
        "council" => (
            crate::reference::council_suggestions(typed),
            messages::text("error.council.what"),
        ),
        "nhs_body" => (
            crate::reference::nhs_suggestions(typed),
            messages::text("error.nhs_body.what"),
        ),
        _ => return,
    };
    let blank = q
        .blank
        .unwrap_or_else(|| messages::text("error.unknown.blank"));
    q.suggestions = suggestions.iter().map(|s| (*s).to_owned()).collect();
    q.error = match suggestions.as_slice() {
        [] => messages::fill(
            "error.unknown",
            &[("what", what), ("typed", typed), ("blank", blank)],
        ),
        [one] => messages::fill(
            "error.unknown.suggest",
            &[
                ("what", what),
                ("typed", typed),
                ("blank", blank),
                ("suggestions", one),
            ],
        ),
        [init @ .., last] => {
            let init = init.join(", ");
            let or = messages::fill("error.unknown.or", &[("init", &init), ("last", last)]);
            messages::fill(
                "error.unknown.suggest",
                &[
                    ("what", what),
                    ("typed", typed),
                    ("blank", blank),
                    ("suggestions", &or),
                ],
            )
        }
    };
}

/// The first question of the next page, or `None` when every fact the decision depends on has been asked.
pub fn next(answers: &Answers) -> Option<Question> {
    let Interview { form, next, .. } = interview(answers);
    let page = next?;
    form.into_iter()
        .find(|q| q.page == page && (q.answer.is_none() || q.invalid))
}

/// The walk: every fact the answers make relevant, in order, with the date a question is about.
struct Walk<'a> {
    answers: &'a Answers,
    found: Vec<(String, Option<Date>)>,
}

impl Walk<'_> {
    fn ask(&mut self, path: String) {
        self.found.push((path, None));
    }
}

fn walk(answers: &Answers, case: &Case) -> Vec<(String, Option<Date>)> {
    let mut w = Walk {
        answers,
        found: Vec::new(),
    };
    w.ask("filled_in_by".to_owned());
    if answers.given.get("filled_in_by").map(String::as_str) == Some("someone_else") {
        w.ask("person_name".to_owned());
    }
    stays(&mut w, case);
    // A stay of unknown section that was likely a section 3, from its length, is asked about as a qualifying one:
    // the decision names the bodies on that footing.
    let qualifies = crate::rules::england_and_wales(case).any(|(_, d)| is_qualifying(d))
        || crate::rules::likely_footing(case).is_some();
    w.ask("lives_now.country".to_owned());
    // Not sure of the country, the council is not asked: the decision goes on without it.
    if case
        .lives_now
        .as_ref()
        .is_some_and(|p| p.country != Country::NotSure)
    {
        w.ask("lives_now.council".to_owned());
    }
    if qualifies {
        w.ask("specialised_aftercare".to_owned());
        w.ask("aftercare_ended".to_owned());
        if case.aftercare_ended.is_some() {
            for f in ["date", "reason", "joint_written_decision"] {
                w.ask(format!("aftercare_ended.{f}"));
            }
        }
    }
    let mut i = 0;
    loop {
        w.ask(format!("charges[{i}]"));
        if !answers.exists(&format!("charges[{i}]")) {
            break;
        }
        for f in [
            "what",
            "since",
            "until",
            "amount",
            "per",
            "chosen_dearer_placement_with_written_agreement",
        ] {
            w.ask(format!("charges[{i}].{f}"));
        }
        i += 1;
    }
    w.ask("first_knew".to_owned());
    w.ask("died".to_owned());
    if qualifies {
        nhs(case, &mut w);
    }
    w.found
}

/// Each stay in turn: where the hospital was, the section (for a hospital under the 1983 Act), how the stay ended
/// and its dates, a recall, then where the person lived before it.
fn stays(w: &mut Walk, case: &Case) {
    for (i, d) in case.detentions.iter().enumerate() {
        if i > 0 {
            w.ask(format!("detentions[{i}]"));
        }
        let p = |f: &str| format!("detentions[{i}].{f}");
        w.ask(p("detained_in"));
        w.ask(p("section"));
        w.ask(p("leaving"));
        w.ask(p("admitted"));
        if left_hospital::status(d.leaving, true) != Status::NotYet {
            w.ask(p("left_hospital"));
        }
        w.ask(p("section_ended"));
        if d.leaving == Some(Leaving::Cto) {
            w.ask(p("cto_ended"));
        }
        w.ask(p("hospital"));
        if i > 0 {
            w.ask(p("recall"));
        }
        if is_part_3(d.section) && is_mha_1983(d.detained_in) {
            w.ask(p("lived_before.in_prison"));
        }
        w.ask(p("lived_before.country"));
        // Not sure where the person lived, nothing more is asked about that home: the decision says how to find out.
        if d.lived_before.country == Country::NotSure {
            continue;
        }
        w.ask(p("lived_before.council"));
        if (is_qualifying(d) || is_likely_qualifying(d, case.as_at)) && is_mha_1983(d.detained_in) {
            for f in [
                "lived_before.placed_by",
                "lived_before.lacked_capacity",
                "lived_before.required_by_discharge_condition",
                "lived_before.informal_in_hospital_after_losing_home",
            ] {
                w.ask(p(f));
            }
            if is_without_residence_here(&d.lived_before) {
                w.ask(p("sent_on_discharge_to"));
            }
        }
    }
    let n = case.detentions.len();
    w.ask(format!("detentions[{n}]"));
}

/// The GP facts for each detention a duty comes from: the current one and each period's.
fn nhs(case: &Case, w: &mut Walk) {
    // On the footing of a stay likely under section 3, the facts that footing's NHS body depends on.
    let footing = crate::rules::likely_footing(case);
    let case = footing.as_ref().map_or(case, |(_, likely)| likely);
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
            // Each GP fact is asked first as where the surgery was (a town or council area, which people know),
            // then, only if that is not known, as the ICB itself.
            let asked = chain.into_iter().flat_map(|fact| {
                let (paths, date) = match fact {
                    GpFact::OnFirstJuly => (
                        vec![
                            "gp_place_on_1_july_2022".to_owned(),
                            "gp_icb_on_1_july_2022".to_owned(),
                        ],
                        Some(Date::exact(ICBS_ESTABLISHED)),
                    ),
                    GpFact::WhenBegan(i) => (
                        vec![
                            format!("detentions[{i}].gp_place"),
                            format!("detentions[{i}].gp_icb"),
                        ],
                        case.detentions[i].admitted,
                    ),
                    GpFact::SecureService(i) => (
                        vec![format!("detentions[{i}].nhs_england_secure_service")],
                        None,
                    ),
                };
                let last = matches!(fact, GpFact::SecureService(_));
                paths.into_iter().map(move |p| (p, date, last))
            });
            for (path, date, last) in asked {
                let answer = w.answers.given.get(&path).cloned();
                if !w.found.iter().any(|(p, _)| *p == path) {
                    w.found.push((path, date));
                }
                // A later fact in the chain is read only when this one is answered blank.
                if last || answer.is_none_or(|t| !t.is_empty()) {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers each question the journey asks from `known` (blank when not there), until it asks one of `stop`.
    fn answer_until(a: &mut Answers, known: &[(&str, &str)], stop: &str) -> Question {
        for _ in 0..100 {
            let q = next(a).expect("the journey asks on");
            if q.path == stop {
                return q;
            }
            let text = known
                .iter()
                .find(|(p, _)| *p == q.path)
                .map_or("", |(_, t)| t);
            a.given.insert(q.path, text.to_owned());
        }
        panic!("{stop} never asked");
    }

    #[test]
    fn interview_first_question_is_who_fills_it_in_then_where_the_hospital_was() {
        let q = next(&Answers::default()).unwrap();
        assert_eq!(q.path, "filled_in_by");
        let mut a = Answers::default();
        a.given.insert(q.path, "self".into());
        let q = next(&a).unwrap();
        assert_eq!(q.path, "detentions[0].detained_in");
        assert_eq!(q.options[0].value, "england");
    }

    /// SI 2022/635 reg. 6: a section 2 from 20 June 2022 that became a section 3 on 12 July 2022 in the same stay
    /// was under way on 1 July 2022, so the ICB is the GP practice's on 1 July 2022, not on 12 July.
    #[test]
    fn interview_icb_for_s2_then_s3_across_1_july_2022_asks_about_1_july() {
        let mut a = Answers {
            as_at: "2023-03-01".parse().ok(),
            ..Answers::default()
        };
        let known = [
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
        ];
        answer_until(&mut a, &known, "gp_place_on_1_july_2022");
        // Where the GP surgery was is asked first, for the same day; not known, then its ICB.
        let q = next(&a).unwrap();
        assert_eq!(q.path, "gp_place_on_1_july_2022");
        assert!(q.question.contains("1 July 2022"), "{}", q.question);
        a.given.insert(q.path, String::new());
        let q = next(&a).unwrap();
        assert_eq!(q.path, "gp_icb_on_1_july_2022");
        assert_eq!(q.date, Some(Date::exact(ICBS_ESTABLISHED)));
        assert!(q.question.contains("1 July 2022"), "{}", q.question);
        // Not known: the fallback is the GP when the run began, with the section 2 on 20 June 2022.
        a.given.insert(q.path, String::new());
        let q = next(&a).unwrap();
        assert_eq!(q.path, "detentions[0].gp_place");
        a.given.insert(q.path, String::new());
        let q = next(&a).unwrap();
        assert_eq!(q.path, "detentions[0].gp_icb");
        assert!(q.question.contains("20 June 2022"), "{}", q.question);
        a.given.insert(q.path, "NHS West Yorkshire ICB".into());
        assert_eq!(next(&a), None);
        assert!(!a.has("detentions[1].gp_icb"));
    }
}
