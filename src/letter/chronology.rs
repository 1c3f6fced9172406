//! The chronology: each stay in hospital, where the person lived before it, and the periods of after-care duty
//! the Decision found.

use super::compose::Composer;
use super::voice::{cap, on};
use super::{field, Block, BLANK};
use crate::case::{Country, Detention, Jurisdiction, Leaving, Recall, Section};
use crate::date::Date;
use crate::decision::DetentionFinding;
use crate::decision::PeriodEnd;
use crate::sources::{MHA_1983_S117_1, MHA_1983_S117_2};

impl Composer<'_> {
    /// Each stay in hospital, oldest first.
    pub(super) fn chronology(&mut self) -> Vec<Block> {
        let detentions = &self.request.case.detentions;
        let mut items: Vec<String> = detentions
            .iter()
            .enumerate()
            .map(|(i, d)| self.stay(i, d))
            .collect();
        if items.is_empty() {
            items.push(format!(
                "Section: {BLANK}. In hospital from {BLANK} to {BLANK}. Lived immediately before in the area of: {BLANK}."
            ));
        }
        let heading = if self.voice.own {
            "My time in hospital under the Mental Health Act"
        } else {
            "Time in hospital under the Mental Health Act"
        };
        let mut blocks = vec![
            Block::Heading {
                text: heading.into(),
            },
            Block::List {
                ordered: true,
                items,
            },
        ];
        if let Some(text) = self.periods_sentence() {
            blocks.push(Block::Paragraph { text });
        }
        blocks
    }

    /// The periods of after-care the history gives, from the Decision, when there was more than one or one ended:
    /// "On these facts, my after-care duty ran from 1 June 2019 to 3 March 2021, when I was detained again, and
    /// again from 20 September 2021."
    pub(super) fn periods_sentence(&mut self) -> Option<String> {
        let periods = self.decision.periods.clone();
        let ended = periods.iter().any(|p| p.ended_by.is_some());
        if periods.len() < 2 && !ended {
            return None;
        }
        let v = self.voice.clone();
        // Each span, and how it ended when that is a clause of its own ("…, ending with a joint decision"),
        // which needs closing with a comma when another span follows it.
        let spans: Vec<(String, Option<String>)> = periods
            .iter()
            .map(|p| {
                let span = match (p.to, p.ended_by) {
                    (Some(to), _) => format!("from {} to {}", p.from.long(), to.long()),
                    (None, None) => format!("from {} to now", p.from.long()),
                    (None, Some(_)) => format!("from {}", p.from.long()),
                };
                let how = match p.ended_by {
                    Some(PeriodEnd::Readmission) => Some(format!(
                        "ending when {} {} detained again",
                        v.they,
                        v.was_they()
                    )),
                    Some(PeriodEnd::JointDecision) => {
                        Some("ending with a joint decision".to_owned())
                    }
                    Some(PeriodEnd::Death) | None => None,
                };
                (span, how)
            })
            .collect();
        let law = self.cite(&[MHA_1983_S117_1, MHA_1983_S117_2]);
        let last = spans.len() - 1;
        let mut text = String::new();
        for (i, (span, how)) in spans.iter().enumerate() {
            if i > 0 {
                text.push_str(if i < last { ", " } else { " and " });
            }
            text.push_str(span);
            if let Some(how) = how {
                text.push_str(", ");
                text.push_str(how);
                // Closed before " and"; before a list comma, that comma closes it.
                if i + 1 == last {
                    text.push(',');
                }
            }
        }
        Some(format!(
            "On these facts, {} after-care duty ran {text}{law}.",
            v.n_poss
        ))
    }

    /// One stay, in a few sentences.
    pub(super) fn stay(&self, index: usize, d: &Detention) -> String {
        let later = index > 0;
        let v = &self.voice;
        let (n, they, their) = (cap(&v.n), cap(v.they), v.their);
        let (are, were, lower_they) = (v.be_they(), v.was_they(), v.they);
        // A missing start date is a line to fill in, like the person's details.
        let from = format!(
            " from {}",
            d.admitted.map_or_else(|| BLANK.to_owned(), Date::long)
        );
        let at = field(d.hospital.as_ref())
            .map(|h| format!(", at {h}"))
            .unwrap_or_default();
        let again = if later { " again" } else { "" };
        let outside = match d.detained_in {
            Jurisdiction::England | Jurisdiction::Wales => None,
            Jurisdiction::Scotland => Some("Scotland"),
            Jurisdiction::NorthernIreland => Some("Northern Ireland"),
        };
        let mut text = if let Some(country) = outside {
            format!("{n} was detained{again} in hospital in {country}{from}{at}.")
        } else {
            match (d.recall, d.section) {
                (Some(Recall::CtoRevoked), _) => format!(
                    "{n} was recalled to hospital{from}{at}, and {their} community treatment order was revoked, so {lower_they} {were} detained again under section 3 (admission for treatment)."
                ),
                (Some(Recall::CtoRecallNotRevoked), _) => format!(
                    "{n} was recalled to hospital{from}{at} under {their} community treatment order. The order was not revoked."
                ),
                (Some(Recall::ConditionalDischargeRecall), section) => format!(
                    "{n} was recalled to hospital{from}{at} from {their} conditional discharge, and detained again under {}.",
                    section.describe()
                ),
                (None, Section::Informal) => {
                    format!("{n} was admitted{again} to hospital{from}{at} as an informal (voluntary) patient.")
                }
                (None, Section::Unknown) => format!(
                    "{n} was detained{again} in hospital{from}{at} under the Mental Health Act 1983. I do not know which section."
                ),
                (None, section) => format!("{n} was detained{again} under {}{from}{at}.", section.describe()),
            }
        };
        text.push(' ');
        text.push_str(&self.lived_before(index, d));
        let ended = d.section_ended;
        let left = d.left_hospital;
        let when = |date: Option<Date>| date.map(|x| format!(" {}", on(x))).unwrap_or_default();
        let leaving = match d.leaving {
            Some(Leaving::Discharged) => match (ended, left) {
                (Some(e), Some(l)) if e != l => format!(
                    "The section ended {}, and {lower_they} left hospital {}.",
                    on(e),
                    on(l)
                ),
                (_, Some(l)) => format!("{they} {were} discharged and left hospital {}.", on(l)),
                (Some(e), None) => format!("{they} {were} discharged {}.", on(e)),
                (None, None) => format!("{they} {were} later discharged and left hospital."),
            },
            Some(Leaving::Cto) => match d.cto_ended {
                Some(c) => format!(
                    "{they} left hospital{} on a community treatment order, which ended {}.",
                    when(left),
                    on(c)
                ),
                None => format!(
                    "{they} left hospital{} on a community treatment order, which is still in place.",
                    when(left)
                ),
            },
            Some(Leaving::ConditionalDischarge) => format!(
                "{they} {were} conditionally discharged and left hospital{}.",
                when(left.or(ended))
            ),
            Some(Leaving::S17Leave) => format!(
                "{they} left hospital{} on leave under section 17, living in the community.",
                when(left)
            ),
            Some(Leaving::EscortedLeaveOnly) => format!(
                "{they} have had only short, escorted leave under section 17, and {are} still living in hospital."
            ),
            Some(Leaving::StayedInformally) => match left {
                Some(l) => format!(
                    "The section ended{}, and {lower_they} stayed in hospital as an informal patient until {}.",
                    when(ended),
                    l.long()
                ),
                None => format!(
                    "The section ended{}, and {lower_they} {are} still in hospital as an informal patient.",
                    when(ended)
                ),
            },
            Some(Leaving::ReturnedToPrison) => {
                format!("{they} {were} returned to prison{}.", when(left.or(ended)))
            }
            Some(Leaving::StillInHospital) => format!("{they} {are} still in hospital under this section."),
            Some(Leaving::Died) => format!("{they} died in hospital{}.", when(left.or(ended))),
            Some(Leaving::TransferredOutOfEnglandAndWales) => format!(
                "{they} {were} transferred to a hospital outside England and Wales{}.",
                when(left.or(ended))
            ),
            None => match (ended, left) {
                (_, Some(l)) => format!("{they} left hospital {}.", on(l)),
                (Some(e), None) => format!("The section ended {}.", on(e)),
                (None, None) => String::new(),
            },
        };
        if !leaving.is_empty() {
            text.push(' ');
            text.push_str(&leaving);
        }
        text
    }

    /// "Immediately before that, I lived in …", with how the person came to live there.
    pub(super) fn lived_before(&self, index: usize, d: &Detention) -> String {
        let v = &self.voice;
        let (they, lower_they, them, their, were) =
            (cap(v.they), v.they, v.them, v.their, v.was_they());
        let lived = &d.lived_before;
        let place = match lived.country {
            Country::England | Country::Wales => {
                let country = if lived.country == Country::England {
                    "England"
                } else {
                    "Wales"
                };
                match field(lived.council.as_ref()) {
                    Some(typed) => {
                        let via = self
                            .finding(Some(index))
                            .is_some_and(|f| f.council_lived_in_via.is_some());
                        let name = self.council_lived_in(Some(index), typed.clone());
                        // A district or former district is named as typed, then its council ("in Bromsgrove, in
                        // the area of Worcestershire County Council").
                        if via && !is_code(&typed) {
                            format!("lived in {typed}, in the area of {name}")
                        } else {
                            format!("lived in the area of {name}")
                        }
                    }
                    None => format!("lived in {country}, in the area of {BLANK}"),
                }
            }
            Country::Scotland => "lived in Scotland".into(),
            Country::NorthernIreland => "lived in Northern Ireland".into(),
            Country::OutsideUk => "lived outside the United Kingdom".into(),
            Country::NoSettledHome => "had no settled home".into(),
        };
        let mut text = format!("Immediately before that, {lower_they} {place}.");
        if let Some(placer) = field(lived.placed_by.as_ref()) {
            let placer = self.placed_by(Some(index), placer);
            text.push_str(&format!(
                " {they} lived there because {placer} placed {them} there."
            ));
        }
        if lived.lacked_capacity == Some(true) {
            text.push_str(&format!(
                " {they} lacked the capacity to decide where to live."
            ));
        }
        if lived.required_by_discharge_condition == Some(true) {
            text.push_str(&format!(
                " {they} lived there because a condition of {their} conditional discharge required it."
            ));
        }
        if lived.informal_in_hospital_after_losing_home == Some(true) {
            text.push_str(&format!(
                " {they} {were} then an informal patient in hospital, having lost {their} previous home."
            ));
        }
        text
    }
}

impl Composer<'_> {
    /// What the Decision found about the detention at `index`.
    pub(super) fn finding(&self, index: Option<usize>) -> Option<&DetentionFinding> {
        index.and_then(|i| self.decision.detentions.get(i))
    }

    /// The council the person lived in before the detention at `index`, as the rules recognised the name typed
    /// (`typed`, cleaned), or the name as typed.
    pub(super) fn council_lived_in(&self, index: Option<usize>, typed: String) -> String {
        self.finding(index)
            .and_then(|f| f.council_lived_in.as_deref())
            .map_or(typed, super::clean)
    }

    /// The council that placed the person where they lived before the detention at `index`, as the rules
    /// recognised the name typed (`typed`, cleaned), or the name as typed.
    pub(super) fn placed_by(&self, index: Option<usize>, typed: String) -> String {
        self.finding(index)
            .and_then(|f| f.placed_by_council.as_deref())
            .map_or(typed, super::clean)
    }
}

/// Does this look like an ONS area code (E06000051, W06000015) rather than a name?
pub(super) fn is_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 9
        && matches!(bytes[0], b'E' | b'W' | b'e' | b'w')
        && bytes[1..].iter().all(u8::is_ascii_digit)
}
