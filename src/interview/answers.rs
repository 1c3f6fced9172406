//! The answers given so far ([`Answers`]: `{ as_at, given: { path: text } }`), read into a [`Case`] (an answer that
//! cannot be read is named by its path), and a whole case read back as answers ([`Answers::from_case`]).

use super::codes::code_of;
use crate::case::{
    AftercareEnded, Case, Charge, Country, Detention, EndingReason, Jurisdiction, LivedBefore,
    NotSure, Place, Section,
};
use crate::date::Date;
use crate::messages;
use serde::de::{Deserialize, IntoDeserializer};
use serde::{Deserializer, Serialize};

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

    /// Was this path answered "not sure"?
    fn not_sure(&self, path: &str) -> bool {
        self.text(path) == Some("not_sure")
    }

    /// A choice's code. "Not sure" is a code of its own where the contract has one (a country); for the choices in
    /// [`CHOICES_WITH_NOT_SURE`](super::CHOICES_WITH_NOT_SURE) (a recall) the caller reads it as the blank answer.
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

    /// A council, as typed, if the register knows it (a current council or district, one of their other names, an
    /// abolished council, or a council in Scotland or Northern Ireland); a name it does not know cannot be read,
    /// so the interview asks again (it is never accepted blindly). Only spaces: not known.
    fn council(&self, path: &str) -> Result<Option<String>, Unreadable> {
        self.named(path, crate::reference::is_known_council)
    }

    /// An NHS body, as typed, if the register knows it (a 2026 body, an earlier ICB, or another name of one).
    fn nhs_body(&self, path: &str) -> Result<Option<String>, Unreadable> {
        self.named(path, crate::reference::is_known_nhs_body)
    }

    fn named(&self, path: &str, known: fn(&str) -> bool) -> Result<Option<String>, Unreadable> {
        match self.text(path).filter(|t| !t.trim().is_empty()) {
            None => Ok(None),
            Some(t) if known(t) => Ok(Some(t.to_owned())),
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
            put(p("lived_before.in_prison"), yes_no(lb.in_prison));
            put(p("sent_on_discharge_to"), d.sent_on_discharge_to.clone());
            put(p("gp_icb"), d.gp_icb.clone());
            put(p("gp_place"), d.gp_place.clone());
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
            "gp_place_on_1_july_2022".into(),
            case.gp_place_on_1_july_2022.clone(),
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
        // Who filled it in: someone else when the case speaks of the person by a name; otherwise not known, so the
        // questions stay in the second person.
        let name = case
            .about
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        put("filled_in_by".into(), name.map(|_| "someone_else".into()));
        put(
            "person_name".into(),
            name.filter(|n| *n != messages::text("voice.the_person"))
                .map(str::to_owned),
        );
        put("first_knew".into(), date(case.first_knew));
        put("died".into(), date(case.died));
        // The questions answered "not sure", where they were asked.
        for not_sure in &case.not_sure {
            let path = match *not_sure {
                NotSure::AnotherStay => format!("detentions[{}]", case.detentions.len().max(1)),
                NotSure::Recall(i) => format!("detentions[{i}].recall"),
                NotSure::AftercareEnded if case.aftercare_ended.is_none() => {
                    "aftercare_ended".into()
                }
                NotSure::AftercareEnded => continue,
                NotSure::Charged => format!("charges[{}]", case.charges.len()),
                NotSure::TopUp(i) => {
                    format!("charges[{i}].chosen_dearer_placement_with_written_agreement")
                }
            };
            a.given.insert(path, "not_sure".into());
        }
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
        let mut not_sure = Vec::new();
        let mut detentions = Vec::new();
        let mut i = 0;
        while self.exists(&format!("detentions[{i}]")) {
            let p = |f: &str| format!("detentions[{i}].{f}");
            if self.not_sure(&p("recall")) {
                not_sure.push(NotSure::Recall(i));
            }
            detentions.push(Detention {
                section: self.code(&p("section"))?.unwrap_or(Section::Unknown),
                detained_in: self
                    .code(&p("detained_in"))?
                    .unwrap_or(Jurisdiction::England),
                admitted: self.parse(&p("admitted"))?,
                section_ended: self.parse(&p("section_ended"))?,
                left_hospital: self.parse(&p("left_hospital"))?,
                leaving: self.code(&p("leaving"))?,
                recall: if self.not_sure(&p("recall")) {
                    None
                } else {
                    self.code(&p("recall"))?
                },
                cto_ended: self.parse(&p("cto_ended"))?,
                lived_before: LivedBefore {
                    in_prison: self.yes_no(&p("lived_before.in_prison"))?,
                    country: self
                        .code(&p("lived_before.country"))?
                        .unwrap_or(Country::England),
                    council: self.council(&p("lived_before.council"))?,
                    placed_by: self.council(&p("lived_before.placed_by"))?,
                    lacked_capacity: self.yes_no(&p("lived_before.lacked_capacity"))?,
                    required_by_discharge_condition: self
                        .yes_no(&p("lived_before.required_by_discharge_condition"))?,
                    informal_in_hospital_after_losing_home: self
                        .yes_no(&p("lived_before.informal_in_hospital_after_losing_home"))?,
                },
                sent_on_discharge_to: self.council(&p("sent_on_discharge_to"))?,
                gp_icb: self.nhs_body(&p("gp_icb"))?,
                gp_place: self.council(&p("gp_place"))?,
                nhs_england_secure_service: self.yes_no(&p("nhs_england_secure_service"))?,
                hospital: self.string(&p("hospital")),
            });
            i += 1;
        }
        if self.not_sure(&format!("detentions[{i}]")) {
            not_sure.push(NotSure::AnotherStay);
        }
        let mut charges = Vec::new();
        let mut i = 0;
        while self.exists(&format!("charges[{i}]")) {
            let p = |f: &str| format!("charges[{i}].{f}");
            if self.not_sure(&p("chosen_dearer_placement_with_written_agreement")) {
                not_sure.push(NotSure::TopUp(i));
            }
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
        if self.not_sure(&format!("charges[{i}]")) {
            not_sure.push(NotSure::Charged);
        }
        if self.not_sure("aftercare_ended") {
            not_sure.push(NotSure::AftercareEnded);
        }
        not_sure.sort();
        let lives_now = match self.code::<Country>("lives_now.country")? {
            Some(country) => Some(Place {
                country,
                council: self.council("lives_now.council")?,
            }),
            None => None,
        };
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
            gp_icb_on_1_july_2022: self.nhs_body("gp_icb_on_1_july_2022")?,
            gp_place_on_1_july_2022: self.council("gp_place_on_1_july_2022")?,
            specialised_aftercare: self.yes_no("specialised_aftercare")?,
            aftercare_ended,
            charges,
            first_knew: self.parse("first_knew")?,
            died: self.parse("died")?,
            not_sure,
            about: self.about(),
        })
    }

    /// How the decision should speak of the person: when someone else is filling this in, the name they gave, or
    /// "the person"; `None` when the person is filling it in themself, or it is not known who is.
    pub(super) fn about(&self) -> Option<String> {
        if self.given.get("filled_in_by").map(String::as_str) != Some("someone_else") {
            return None;
        }
        let name = self
            .given
            .get("person_name")
            .map(|t| t.trim())
            .filter(|t| !t.is_empty());
        Some(name.map_or_else(
            || messages::text("voice.the_person").to_owned(),
            str::to_owned,
        ))
    }
}
