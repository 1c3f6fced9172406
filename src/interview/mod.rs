//! The interview: every fact a person can be asked, described once as data, and the journey that decides which
//! to ask next.
//!
//! - [`facts`]: each fact's id (its path in the [`Case`] with list indexes left out, `detentions[].section`) and
//!   its [`Kind`]. A choice's values are the contract's own codes, read from the enums' serde names.
//! - [`crate::messages`]: the wording (question, short label, hint, error, and each choice's words), in the
//!   catalogue's interview section, keyed by message id.
//! - [`Answers`]: what has been answered so far, as `{ path: text }` (`"detentions[0].section": "3"`); a blank
//!   text means "not known". [`Answers::case`] turns them into a [`Case`].
//! - [`next`]: the next [`Question`], or `None` when every fact the decision depends on has been asked. It asks
//!   through the rules' own predicates ([`journey`]).

pub mod journey;

pub use journey::{interview, next, Interview};

use crate::case::{
    AftercareEnded, Case, Charge, Country, Detention, EndingReason, Jurisdiction, Leaving,
    LivedBefore, Per, Place, Recall, Section,
};
use crate::date::Date;
use serde::de::{Deserialize, IntoDeserializer};
use serde::{Deserializer, Serialize};

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

/// The serde names of an enum's values, in the order declared: read from its `Deserialize`, never retyped.
fn codes<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Capture(&'static [&'static str]);
    impl<'de> Deserializer<'de> for &mut Capture {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not an enum"))
        }
        fn deserialize_enum<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = variants;
            Err(serde::de::Error::custom("captured"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
        }
    }
    let mut capture = Capture(&[]);
    let _ = T::deserialize(&mut capture);
    capture.0
}

/// The serde name of one enum value (`Leaving::Cto` → `cto`): read from its `Serialize`, never retyped.
fn code_of<T: Serialize>(value: &T) -> String {
    use serde::ser::{Error, Impossible};
    #[derive(Debug)]
    struct NotACode;
    impl std::fmt::Display for NotACode {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("not an enum value")
        }
    }
    impl std::error::Error for NotACode {}
    impl Error for NotACode {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            NotACode
        }
    }
    struct Name;
    macro_rules! refuse {
        ($($f:ident($($t:ty),*)),*) => {
            $(fn $f(self, $(_: $t),*) -> Result<String, NotACode> { Err(NotACode) })*
        };
    }
    impl serde::Serializer for Name {
        type Ok = String;
        type Error = NotACode;
        type SerializeSeq = Impossible<String, NotACode>;
        type SerializeTuple = Impossible<String, NotACode>;
        type SerializeTupleStruct = Impossible<String, NotACode>;
        type SerializeTupleVariant = Impossible<String, NotACode>;
        type SerializeMap = Impossible<String, NotACode>;
        type SerializeStruct = Impossible<String, NotACode>;
        type SerializeStructVariant = Impossible<String, NotACode>;
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
        ) -> Result<String, NotACode> {
            Ok(variant.to_owned())
        }
        fn serialize_str(self, v: &str) -> Result<String, NotACode> {
            Ok(v.to_owned())
        }
        refuse!(
            serialize_bool(bool),
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_i64(i64),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_u64(u64),
            serialize_f32(f32),
            serialize_f64(f64),
            serialize_char(char),
            serialize_bytes(&[u8]),
            serialize_none(),
            serialize_unit(),
            serialize_unit_struct(&'static str)
        );
        fn serialize_some<V: ?Sized + Serialize>(self, _: &V) -> Result<String, NotACode> {
            Err(NotACode)
        }
        fn serialize_newtype_struct<V: ?Sized + Serialize>(
            self,
            _: &'static str,
            v: &V,
        ) -> Result<String, NotACode> {
            v.serialize(self)
        }
        fn serialize_newtype_variant<V: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &V,
        ) -> Result<String, NotACode> {
            Err(NotACode)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotACode> {
            Err(NotACode)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotACode> {
            Err(NotACode)
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotACode> {
            Err(NotACode)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotACode> {
            Err(NotACode)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotACode> {
            Err(NotACode)
        }
        fn serialize_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStruct, NotACode> {
            Err(NotACode)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotACode> {
            Err(NotACode)
        }
    }
    value.serialize(Name).unwrap_or_default()
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
        fact("detentions[]", Kind::YesNo),
        fact("lives_now.country", choice("country", codes::<Country>())),
        fact("lives_now.council", Kind::Council),
        fact("specialised_aftercare", Kind::YesNoNotSure),
        fact("aftercare_ended", Kind::YesNo),
        fact("aftercare_ended.date", Kind::Date),
        fact(
            "aftercare_ended.reason",
            choice("ending_reason", codes::<EndingReason>()),
        ),
        fact("aftercare_ended.joint_written_decision", Kind::YesNoNotSure),
        fact("charges[]", Kind::YesNo),
        on("charge", "charges[].what", Kind::Text),
        on("charge", "charges[].since", Kind::Date),
        on("charge", "charges[].until", Kind::Date),
        on("charge", "charges[].amount", Kind::Money),
        on("charge", "charges[].per", choice("per", codes::<Per>())),
        fact(
            "charges[].chosen_dearer_placement_with_written_agreement",
            Kind::YesNo,
        ),
        fact("first_knew", Kind::Date),
        fact("died", Kind::Date),
        fact(
            "detentions[].nhs_england_secure_service",
            Kind::YesNoNotSure,
        ),
        fact("gp_icb_on_1_july_2022", Kind::NhsBody),
        fact("detentions[].gp_icb", Kind::NhsBody),
    ]
}

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
    /// The error text for an answer that cannot be read.
    pub error: &'static str,
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
            error: word(&format!("{m}.error")),
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

/// The answers given so far: the date of the check, and `{ path: text }`. A path that is present has been
/// answered; a blank text means "not known".
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// The date of the check (today, from the caller: the core reads no clock). Only the NHS questions depend on
    /// it; until it is given the journey takes 1 July 2022.
    pub as_at: Option<Date>,
    /// The answers by path.
    #[serde(default)]
    pub given: Given,
}

/// The answers by path, `{ path: text }`, in the order given. A plain list rather than a map: there are a few
/// dozen, and a map's code would weigh more in the widget's package than the search it saves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given(Vec<(String, String)>);

impl Given {
    /// The text given for a path, if it has been answered.
    pub fn get(&self, path: &str) -> Option<&String> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, t)| t)
    }

    /// Has this path been answered?
    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Forgets the answer at a path.
    pub fn remove(&mut self, path: &str) {
        self.0.retain(|(p, _)| p != path);
    }

    /// Records (or replaces) the answer at a path.
    pub fn insert(&mut self, path: String, text: String) {
        match self.0.iter_mut().find(|(p, _)| *p == path) {
            Some((_, t)) => *t = text,
            None => self.0.push((path, text)),
        }
    }
}

impl Serialize for Given {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(p, t)| (p, t)))
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Given;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of answers by path")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Given, A::Error> {
                let mut given = Given::default();
                while let Some((path, text)) = map.next_entry::<String, String>()? {
                    given.insert(path, text);
                }
                Ok(given)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// An answer that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Its path.
    pub path: String,
}

impl Answers {
    /// Has this path been answered?
    pub fn has(&self, path: &str) -> bool {
        self.given.contains_key(path)
    }

    fn text(&self, path: &str) -> Option<&str> {
        self.given
            .get(path)
            .map(String::as_str)
            .filter(|t| !t.is_empty())
    }

    fn parse<T: std::str::FromStr>(&self, path: &str) -> Result<Option<T>, Unreadable> {
        self.text(path)
            .map(|t| {
                t.trim().parse().map_err(|_| Unreadable {
                    path: path.to_owned(),
                })
            })
            .transpose()
    }

    fn code<T: for<'de> Deserialize<'de>>(&self, path: &str) -> Result<Option<T>, Unreadable> {
        self.text(path)
            .map(|t| {
                T::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(t))
                    .map_err(|_| Unreadable {
                        path: path.to_owned(),
                    })
            })
            .transpose()
    }

    /// Pounds, with up to two figures of pence (`185.50`, `£1,200`). Read as pence and divided by 100, which gives
    /// the same `f64` as parsing the decimal (both exact integers, and division rounds correctly), without
    /// carrying a general float parser into the widget's package.
    fn money(&self, path: &str) -> Result<Option<f64>, Unreadable> {
        let Some(text) = self.text(path) else {
            return Ok(None);
        };
        let bad = || Unreadable {
            path: path.to_owned(),
        };
        let text = text.trim().trim_start_matches('\u{a3}').replace(',', "");
        let (pounds, pence) = text.split_once('.').unwrap_or((&text, ""));
        let digits =
            |t: &str| !t.is_empty() && t.len() <= 12 && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(pounds) || !(pence.is_empty() || (pence.len() <= 2 && digits(pence))) {
            return Err(bad());
        }
        let mut total: u64 = 0;
        for b in pounds.bytes().chain(format!("{pence:0<2}").bytes()) {
            total = total * 10 + u64::from(b - b'0');
        }
        Ok(Some(total as f64 / 100.0))
    }

    fn yes_no(&self, path: &str) -> Result<Option<bool>, Unreadable> {
        match self.text(path) {
            None | Some("not_sure") => Ok(None),
            Some("yes") => Ok(Some(true)),
            Some("no") => Ok(Some(false)),
            Some(_) => Err(Unreadable {
                path: path.to_owned(),
            }),
        }
    }

    fn string(&self, path: &str) -> Option<String> {
        self.text(path).map(str::to_owned)
    }

    /// Is there an item at this list path (`detentions[1]`)? The first stay always is.
    pub fn exists(&self, path: &str) -> bool {
        path == "detentions[0]" || self.text(path) == Some("yes")
    }

    /// The answers that describe a whole case (a saved file, or a case handed to the widget): every fact of the
    /// case at its path, a fact not known as a blank answer, and each list closed with "no more". `interview`
    /// then reads only those the journey reaches. `as_at` is kept.
    pub fn from_case(case: &Case) -> Answers {
        let mut a = Answers {
            as_at: Some(case.as_at),
            ..Answers::default()
        };
        let mut put =
            |path: String, text: Option<String>| a.given.insert(path, text.unwrap_or_default());
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        let yes_no = |b: Option<bool>| b.map(|b| if b { "yes" } else { "no" }.to_owned());
        for (i, d) in case.detentions.iter().enumerate() {
            let p = |f: &str| format!("detentions[{i}].{f}");
            if i > 0 {
                put(format!("detentions[{i}]"), Some("yes".into()));
            }
            put(p("section"), Some(code_of(&d.section)));
            put(p("detained_in"), Some(code_of(&d.detained_in)));
            put(p("admitted"), date(d.admitted));
            put(p("section_ended"), date(d.section_ended));
            put(p("left_hospital"), date(d.left_hospital));
            put(p("leaving"), d.leaving.map(|l| code_of(&l)));
            put(p("recall"), d.recall.map(|r| code_of(&r)));
            put(p("cto_ended"), date(d.cto_ended));
            let lb = &d.lived_before;
            put(p("lived_before.country"), Some(code_of(&lb.country)));
            put(p("lived_before.council"), lb.council.clone());
            put(p("lived_before.placed_by"), lb.placed_by.clone());
            put(
                p("lived_before.lacked_capacity"),
                yes_no(lb.lacked_capacity),
            );
            put(
                p("lived_before.required_by_discharge_condition"),
                yes_no(lb.required_by_discharge_condition),
            );
            put(
                p("lived_before.informal_in_hospital_after_losing_home"),
                yes_no(lb.informal_in_hospital_after_losing_home),
            );
            put(p("sent_on_discharge_to"), d.sent_on_discharge_to.clone());
            put(p("gp_icb"), d.gp_icb.clone());
            put(
                p("nhs_england_secure_service"),
                yes_no(d.nhs_england_secure_service),
            );
            put(p("hospital"), d.hospital.clone());
        }
        put(
            format!("detentions[{}]", case.detentions.len().max(1)),
            Some("no".into()),
        );
        for (i, c) in case.charges.iter().enumerate() {
            let p = |f: &str| format!("charges[{i}].{f}");
            put(format!("charges[{i}]"), Some("yes".into()));
            put(p("what"), c.what.clone());
            put(p("since"), date(c.since));
            put(p("until"), date(c.until));
            put(
                p("chosen_dearer_placement_with_written_agreement"),
                yes_no(Some(c.chosen_dearer_placement_with_written_agreement)),
            );
            put(p("amount"), c.amount.map(|x| format!("{x:.2}")));
            put(p("per"), c.per.map(|x| code_of(&x)));
        }
        put(
            format!("charges[{}]", case.charges.len()),
            Some("no".into()),
        );
        match &case.lives_now {
            Some(place) => {
                put("lives_now.country".into(), Some(code_of(&place.country)));
                put("lives_now.council".into(), place.council.clone());
            }
            None => put("lives_now.country".into(), None),
        }
        put(
            "gp_icb_on_1_july_2022".into(),
            case.gp_icb_on_1_july_2022.clone(),
        );
        put(
            "specialised_aftercare".into(),
            yes_no(case.specialised_aftercare),
        );
        match &case.aftercare_ended {
            Some(e) => {
                put("aftercare_ended".into(), Some("yes".into()));
                put("aftercare_ended.date".into(), date(e.date));
                put("aftercare_ended.reason".into(), Some(code_of(&e.reason)));
                put(
                    "aftercare_ended.joint_written_decision".into(),
                    yes_no(e.joint_written_decision),
                );
            }
            None => put("aftercare_ended".into(), Some("no".into())),
        }
        put("first_knew".into(), date(case.first_knew));
        put("died".into(), date(case.died));
        a
    }

    /// The case the answers describe, reading an answer that cannot be read as not answered; with the paths of
    /// those answers.
    pub fn case_lenient(&self) -> (Case, Vec<String>) {
        let mut answers = std::borrow::Cow::Borrowed(self);
        let mut unreadable = Vec::new();
        loop {
            match answers.case() {
                Ok(case) => return (case, unreadable),
                Err(bad) => {
                    let mut fewer = answers.into_owned();
                    if !fewer.has(&bad.path) {
                        // Cannot happen (only a given text is unreadable), but never loop: start from nothing.
                        fewer.given = Given::default();
                    }
                    fewer.given.remove(&bad.path);
                    unreadable.push(bad.path);
                    answers = std::borrow::Cow::Owned(fewer);
                }
            }
        }
    }

    /// The case the answers describe. Facts not yet answered are not known; a stay's section, hospital country
    /// and home country, until answered, are "unknown", England and England.
    ///
    /// # Errors
    ///
    /// The first answer that cannot be read (a date that is not a date, a code that is not the contract's).
    pub fn case(&self) -> Result<Case, Unreadable> {
        let mut detentions = Vec::new();
        let mut i = 0;
        while self.exists(&format!("detentions[{i}]")) {
            let p = |f: &str| format!("detentions[{i}].{f}");
            detentions.push(Detention {
                section: self.code(&p("section"))?.unwrap_or(Section::Unknown),
                detained_in: self
                    .code(&p("detained_in"))?
                    .unwrap_or(Jurisdiction::England),
                admitted: self.parse(&p("admitted"))?,
                section_ended: self.parse(&p("section_ended"))?,
                left_hospital: self.parse(&p("left_hospital"))?,
                leaving: self.code(&p("leaving"))?,
                recall: self.code(&p("recall"))?,
                cto_ended: self.parse(&p("cto_ended"))?,
                lived_before: LivedBefore {
                    country: self
                        .code(&p("lived_before.country"))?
                        .unwrap_or(Country::England),
                    council: self.string(&p("lived_before.council")),
                    placed_by: self.string(&p("lived_before.placed_by")),
                    lacked_capacity: self.yes_no(&p("lived_before.lacked_capacity"))?,
                    required_by_discharge_condition: self
                        .yes_no(&p("lived_before.required_by_discharge_condition"))?,
                    informal_in_hospital_after_losing_home: self
                        .yes_no(&p("lived_before.informal_in_hospital_after_losing_home"))?,
                },
                sent_on_discharge_to: self.string(&p("sent_on_discharge_to")),
                gp_icb: self.string(&p("gp_icb")),
                nhs_england_secure_service: self.yes_no(&p("nhs_england_secure_service"))?,
                hospital: self.string(&p("hospital")),
            });
            i += 1;
        }
        let mut charges = Vec::new();
        let mut i = 0;
        while self.exists(&format!("charges[{i}]")) {
            let p = |f: &str| format!("charges[{i}].{f}");
            charges.push(Charge {
                what: self.string(&p("what")),
                since: self.parse(&p("since"))?,
                until: self.parse(&p("until"))?,
                chosen_dearer_placement_with_written_agreement: self
                    .yes_no(&p("chosen_dearer_placement_with_written_agreement"))?
                    .unwrap_or(false),
                amount: self.money(&p("amount"))?,
                per: self.code(&p("per"))?,
            });
            i += 1;
        }
        let lives_now = self
            .code::<Country>("lives_now.country")?
            .map(|country| Place {
                country,
                council: self.string("lives_now.council"),
            });
        let aftercare_ended = if self.exists("aftercare_ended") {
            Some(AftercareEnded {
                date: self.parse("aftercare_ended.date")?,
                reason: self
                    .code("aftercare_ended.reason")?
                    .unwrap_or(EndingReason::Other),
                joint_written_decision: self.yes_no("aftercare_ended.joint_written_decision")?,
            })
        } else {
            None
        };
        Ok(Case {
            as_at: self.as_at.unwrap_or(Date::exact(
                crate::rules::responsible_nhs_body::ICBS_ESTABLISHED,
            )),
            detentions,
            lives_now,
            gp_icb_on_1_july_2022: self.string("gp_icb_on_1_july_2022"),
            specialised_aftercare: self.yes_no("specialised_aftercare")?,
            aftercare_ended,
            charges,
            first_knew: self.parse("first_knew")?,
            died: self.parse("died")?,
        })
    }
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
