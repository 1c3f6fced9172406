//! The interview: every fact a person can be asked, described once as data, and the journey that decides which
//! to ask next.
//!
//! - [`facts`]: each fact's id (its path in the [`Case`](crate::case::Case) with list indexes left out, `detentions[].section`) and
//!   its [`Kind`]. A choice's values are the contract's own codes, read from the enums' serde names.
//! - [`crate::messages`]: the wording (question, short label, hint, error, and each choice's words), in the
//!   catalogue's interview section, keyed by message id.
//! - [`Answers`]: what has been answered so far, as `{ path: text }` (`"detentions[0].section": "3"`); a blank
//!   text means "not known". [`Answers::case`] turns them into a [`Case`](crate::case::Case).
//! - [`next`]: the next [`Question`], or `None` when every fact the decision depends on has been asked. It asks
//!   through the rules' own predicates ([`journey`]).
//!
//! Working from what people know: a council or NHS body is checked against the register and, if it is not there,
//! asked again with an error naming what was typed and the register's nearest names ([`Question::suggestions`]);
//! "not sure" (another stay, a recall, after-care ended, paid for care, a top-up) is read as a stated default and
//! recorded in [`Case::not_sure`](crate::case::Case::not_sure) so the decision says what to ask for; the GP is asked
//! as where the surgery was (a town or council area) before, and instead of, its ICB.

mod answers;
mod codes;
pub mod journey;

pub use answers::{Answers, Given, Unreadable};
use codes::codes;
pub use journey::{interview, next, Interview};

use crate::case::{Country, EndingReason, Jurisdiction, Leaving, Per, Recall, Section};
use crate::date::Date;
use serde::Serialize;

/// What kind of answer a fact takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One of the contract's codes (`values`), worded under `choice.<name>.<code>`. Blank: not known.
    Choice {
        /// The enum's name in the message ids.
        name: &'static str,
        /// The codes, in the order of the enum.
        values: &'static [&'static str],
    },
    /// A date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Blank: not known.
    Date,
    /// A council area (code or name, as typed).
    Council,
    /// An integrated care board or health board (code or name, as typed).
    NhsBody,
    /// `yes`, `no` or `not_sure`.
    YesNoNotSure,
    /// `yes` or `no`: for a list, whether there is (another) one; or a fact that is never unknown.
    YesNo,
    /// Free text, never interpreted.
    Text,
    /// An amount in pounds, with up to two figures of pence (`185.50`).
    Money,
}

impl Kind {
    /// The kind's name as the page receives it: `choice`, `date`, `council`, `nhs_body`, `yes_no_not_sure`,
    /// `yes_no`, `text` or `money`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Choice { .. } => "choice",
            Kind::Date => "date",
            Kind::Council => "council",
            Kind::NhsBody => "nhs_body",
            Kind::YesNoNotSure => "yes_no_not_sure",
            Kind::YesNo => "yes_no",
            Kind::Text => "text",
            Kind::Money => "money",
        }
    }
}

/// One fact as data: its id and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// Its path in the `Case`, with list indexes left out: `detentions[].section`. A list itself
    /// (`detentions[]`, `charges[]`) or an optional group (`aftercare_ended`) is the yes/no fact "is there one?".
    pub id: &'static str,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// The page it shares with the facts next to it (`dates`: when a stay began, ended and the person left), or
    /// `None` for a page of its own. Its title is the message `page.<name>.title`.
    pub page: Option<&'static str>,
}

/// Every fact a person can be asked, in the order of the journey.
pub fn facts() -> Vec<Fact> {
    let choice = |name, values| Kind::Choice { name, values };
    let fact = |id, kind| Fact {
        id,
        kind,
        page: None,
    };
    let on = |page, id, kind| Fact {
        id,
        kind,
        page: Some(page),
    };
    vec![
        // Who is filling this in: the person, or someone for them (then the questions speak of them by name).
        fact(
            "filled_in_by",
            choice("filled_in_by", &["self", "someone_else"]),
        ),
        fact("person_name", Kind::Text),
        fact(
            "detentions[].detained_in",
            choice("jurisdiction", codes::<Jurisdiction>()),
        ),
        fact(
            "detentions[].section",
            choice("section", codes::<Section>()),
        ),
        fact(
            "detentions[].leaving",
            choice("leaving", codes::<Leaving>()),
        ),
        on("dates", "detentions[].admitted", Kind::Date),
        on("dates", "detentions[].left_hospital", Kind::Date),
        on("dates", "detentions[].section_ended", Kind::Date),
        on("dates", "detentions[].cto_ended", Kind::Date),
        on("dates", "detentions[].hospital", Kind::Text),
        fact("detentions[].recall", choice("recall", codes::<Recall>())),
        fact("detentions[].lived_before.in_prison", Kind::YesNoNotSure),
        fact(
            "detentions[].lived_before.country",
            choice("country", codes::<Country>()),
        ),
        fact("detentions[].lived_before.council", Kind::Council),
        fact("detentions[].lived_before.placed_by", Kind::Council),
        on(
            "circumstances",
            "detentions[].lived_before.lacked_capacity",
            Kind::YesNoNotSure,
        ),
        on(
            "circumstances",
            "detentions[].lived_before.required_by_discharge_condition",
            Kind::YesNoNotSure,
        ),
        on(
            "circumstances",
            "detentions[].lived_before.informal_in_hospital_after_losing_home",
            Kind::YesNoNotSure,
        ),
        fact("detentions[].sent_on_discharge_to", Kind::Council),
        fact("detentions[]", Kind::YesNoNotSure),
        fact("lives_now.country", choice("country", codes::<Country>())),
        fact("lives_now.council", Kind::Council),
        fact("specialised_aftercare", Kind::YesNoNotSure),
        fact("aftercare_ended", Kind::YesNoNotSure),
        fact("aftercare_ended.date", Kind::Date),
        fact(
            "aftercare_ended.reason",
            choice("ending_reason", codes::<EndingReason>()),
        ),
        fact("aftercare_ended.joint_written_decision", Kind::YesNoNotSure),
        fact("charges[]", Kind::YesNoNotSure),
        on("charge", "charges[].what", Kind::Text),
        on("charge", "charges[].since", Kind::Date),
        on("charge", "charges[].until", Kind::Date),
        on("charge", "charges[].amount", Kind::Money),
        on("charge", "charges[].per", choice("per", codes::<Per>())),
        fact(
            "charges[].chosen_dearer_placement_with_written_agreement",
            Kind::YesNoNotSure,
        ),
        fact("first_knew", Kind::Date),
        fact("died", Kind::Date),
        fact(
            "detentions[].nhs_england_secure_service",
            Kind::YesNoNotSure,
        ),
        fact("gp_place_on_1_july_2022", Kind::Council),
        fact("gp_icb_on_1_july_2022", Kind::NhsBody),
        fact("detentions[].gp_place", Kind::Council),
        fact("detentions[].gp_icb", Kind::NhsBody),
    ]
}

/// Choices that also offer "not sure" (as `not_sure`), where the blank answer means something else (for a recall,
/// "No, it was a new detention"). The case reads it as the blank answer and records it in
/// [`Case::not_sure`](crate::case::Case::not_sure).
pub const CHOICES_WITH_NOT_SURE: &[&str] = &["detentions[].recall"];

/// A choice's value and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The contract's code.
    pub value: &'static str,
    /// Its words.
    pub label: &'static str,
}

/// A fact with its wording, as [`questions`] lists it and [`next`] asks it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// The concrete path: `detentions[1].section`. Empty in [`questions`]' list.
    pub path: String,
    /// The fact's id: `detentions[].section`.
    pub id: &'static str,
    /// Its kind ([`Kind::code`]).
    pub kind: &'static str,
    /// The question, with `{date}` filled when asked.
    pub question: String,
    /// The short label for dense views and check your answers.
    pub label: &'static str,
    /// A hint, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<&'static str>,
    /// The error text for an answer that cannot be read: for a council or NHS body not in the register, it names
    /// what was typed and offers the nearest names (`suggestions`).
    pub error: String,
    /// For a council or NHS body answer not in the register: the register's names nearest to what was typed,
    /// nearest first (at most three), each an answer the interview accepts. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// The words of the answer "not known" where the page offers it as a choice (`I do not know`; for a recall,
    /// `No, it was a new detention`): picking it gives the empty answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blank: Option<&'static str>,
    /// The values a choice (or yes/no) takes, with their words: for a choice, the contract's codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// The date the question is about, when it is about one (the GP practice on 1 July 2022).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Set when the answer given for this path could not be read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub invalid: bool,
    /// The answer given, in the interview's form (`None`: not yet answered; empty: not known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The page it is asked on: its path, or for facts asked together its group in the same list item
    /// (`detentions[0].dates`). Empty in [`questions`]' list.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub page: String,
    /// The title of a page of several facts (`page.<name>.title`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_title: Option<&'static str>,
}

/// The message id prefix of a fact: its id without list brackets.
pub fn message_id(fact: &str) -> String {
    fact.replace("[]", "")
}

fn word(id: &str) -> &'static str {
    crate::messages::lookup(crate::messages::Lang::EnGb, id).unwrap_or("")
}

impl Question {
    /// The fact with its en-GB wording, not yet for a particular path.
    pub fn of(fact: Fact) -> Question {
        let m = message_id(fact.id);
        let options = match fact.kind {
            Kind::Choice { name, values } => values
                .iter()
                .map(|&value| Choice {
                    value,
                    label: word(&format!("choice.{name}.{value}")),
                })
                .chain(CHOICES_WITH_NOT_SURE.contains(&fact.id).then(|| Choice {
                    value: "not_sure",
                    label: word("answer.not_sure"),
                }))
                .collect(),
            Kind::YesNo => ["yes", "no"]
                .into_iter()
                .map(|value| Choice {
                    value,
                    label: word(&format!("answer.{value}")),
                })
                .collect(),
            Kind::YesNoNotSure => ["yes", "no", "not_sure"]
                .into_iter()
                .map(|value| Choice {
                    value,
                    label: word(&format!("answer.{value}")),
                })
                .collect(),
            Kind::Date | Kind::Council | Kind::NhsBody | Kind::Text | Kind::Money => Vec::new(),
        };
        Question {
            path: String::new(),
            id: fact.id,
            kind: fact.kind.code(),
            question: word(&format!("{m}.question")).to_owned(),
            label: word(&format!("{m}.label")),
            hint: crate::messages::lookup(crate::messages::Lang::EnGb, &format!("{m}.hint")),
            error: word(&format!("{m}.error")).to_owned(),
            suggestions: Vec::new(),
            blank: crate::messages::lookup(crate::messages::Lang::EnGb, &format!("{m}.blank")),
            options,
            date: None,
            invalid: false,
            answer: None,
            page: String::new(),
            page_title: fact.page.and_then(|p| {
                crate::messages::lookup(crate::messages::Lang::EnGb, &format!("page.{p}.title"))
            }),
        }
    }
}

/// Every question's data and wording, in the order of the journey.
pub fn questions() -> Vec<Question> {
    facts().into_iter().map(Question::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interview_every_fact_is_worded_and_every_message_is_used() {
        let ids: Vec<String> = facts().iter().map(|f| message_id(f.id)).collect();
        for q in questions() {
            assert!(!q.question.is_empty(), "{} has no question", q.id);
            assert!(!q.label.is_empty(), "{} has no label", q.id);
            assert!(!q.error.is_empty(), "{} has no error text", q.id);
            for o in &q.options {
                assert!(!o.label.is_empty(), "{} {} has no words", q.id, o.value);
            }
        }
        for (key, _) in crate::messages::en_gb::interview::TEXTS {
            let used = key.starts_with("answer.")
                || key.starts_with("error.")
                || key.ends_with(".question.prison")
                || key.starts_with("voice.")
                || key.strip_suffix(".other").is_some_and(|k| {
                    crate::messages::lookup(crate::messages::Lang::EnGb, k).is_some()
                })
                || *key == "date.when_stay_began"
                || key.starts_with("choice.")
                || facts()
                    .iter()
                    .any(|f| f.page.is_some_and(|p| *key == format!("page.{p}.title")))
                || ids.iter().any(|id| {
                    key.strip_prefix(id.as_str()).is_some_and(|rest| {
                        matches!(rest, ".question" | ".label" | ".hint" | ".error" | ".blank")
                    })
                });
            assert!(used, "message {key} is not used by any fact");
        }
    }

    #[test]
    fn interview_choices_are_the_contracts_codes() {
        let sections: Vec<&str> = Section::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes::<Section>(), sections.as_slice());
        assert_eq!(codes::<Per>(), ["week", "month", "year", "total"]);
    }

    #[test]
    fn interview_answers_make_a_case() {
        let mut a = Answers {
            as_at: "2024-01-01".parse().ok(),
            ..Answers::default()
        };
        a.given
            .insert("detentions[0].section".into(), "37/41".into());
        a.given.insert(
            "detentions[0].leaving".into(),
            "conditional_discharge".into(),
        );
        a.given
            .insert("detentions[0].admitted".into(), "2022-06".into());
        let case = a.case().unwrap();
        assert_eq!(case.detentions[0].section, Section::S37_41);
        assert_eq!(
            case.detentions[0].leaving,
            Some(Leaving::ConditionalDischarge)
        );
        a.given.insert("charges[0]".into(), "yes".into());
        for (text, pounds) in [
            ("185.5", 185.5),
            ("\u{a3}1,200", 1200.0),
            ("0.07", 0.07),
            ("123.45", 123.45),
        ] {
            a.given.insert("charges[0].amount".into(), text.into());
            assert_eq!(a.case().unwrap().charges[0].amount, Some(pounds), "{text}");
        }
        a.given.insert("charges[0].amount".into(), "1.234".into());
        assert_eq!(a.case().unwrap_err().path, "charges[0].amount");
        a.given.insert("charges[0].amount".into(), "12".into());
        a.given
            .insert("detentions[0].admitted".into(), "June".into());
        assert_eq!(a.case().unwrap_err().path, "detentions[0].admitted");
    }
}
