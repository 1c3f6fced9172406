//! The chronology: each stay in hospital, where the person lived before it, and the periods of after-care duty
//! the Decision found.

use super::compose::Composer;
use super::voice::{join_and, on, section_words, sentences};
use super::{field, Block};
use crate::case::{Country, Detention, Jurisdiction, Leaving, Recall, Section};
use crate::date::Date;
use crate::decision::{DetentionFinding, PeriodEnd};
use crate::messages;
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
            items.push(messages::fill(
                "letter.chronology.no_stays",
                &self.voice.slots(&[]),
            ));
        }
        let heading = if self.voice.own {
            messages::text("letter.chronology.heading.own")
        } else {
            messages::text("letter.chronology.heading.other")
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
        let last = periods.len() - 1;
        // Each span, and how it ended when that is a clause of its own ("…, ending with a joint decision"), which
        // is closed with a comma when it comes just before the list's "and".
        let spans: Vec<String> = periods
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let from = p.from.long();
                let span = match (p.to, p.ended_by) {
                    (Some(to), _) => messages::fill(
                        "letter.chronology.period.from_to",
                        &[("from", &from), ("to", &to.long())],
                    ),
                    (None, None) => {
                        messages::fill("letter.chronology.period.from_to_now", &[("from", &from)])
                    }
                    (None, Some(_)) => {
                        messages::fill("letter.chronology.period.from", &[("from", &from)])
                    }
                };
                let how = match p.ended_by {
                    Some(PeriodEnd::Readmission) => {
                        messages::fill("letter.chronology.period.readmitted", &v.slots(&[]))
                    }
                    Some(PeriodEnd::JointDecision) => {
                        messages::text("letter.chronology.period.joint_decision").to_owned()
                    }
                    Some(PeriodEnd::Death) | None => return span,
                };
                let values = [("span", span.as_str()), ("how", how.as_str())];
                if i + 1 == last {
                    messages::fill("letter.chronology.period.ended_closed", &values)
                } else {
                    messages::fill("letter.chronology.period.ended", &values)
                }
            })
            .collect();
        let law = self.cite(&[MHA_1983_S117_1, MHA_1983_S117_2]);
        Some(messages::fill(
            "letter.chronology.periods",
            &v.slots(&[("periods", &join_and(&spans)), ("law", &law)]),
        ))
    }

    /// One stay, in a few sentences.
    pub(super) fn stay(&self, index: usize, d: &Detention) -> String {
        let v = &self.voice;
        // A missing start date is left out, never a line to fill in.
        let from = d
            .admitted
            .map(|a| messages::fill("letter.part.from", &[("date", &a.long())]))
            .unwrap_or_default();
        let at = field(d.hospital.as_ref())
            .map(|h| messages::fill("letter.chronology.at", &[("hospital", &h)]))
            .unwrap_or_default();
        let again = if index > 0 {
            messages::text("letter.chronology.again")
        } else {
            ""
        };
        let outside = match d.detained_in {
            Jurisdiction::England | Jurisdiction::Wales => None,
            Jurisdiction::Scotland => Some(messages::text("letter.country.scotland")),
            Jurisdiction::NorthernIreland => {
                Some(messages::text("letter.country.northern_ireland"))
            }
        };
        let section = section_words(d.section);
        let slots = v.slots(&[
            ("from", &from),
            ("at", &at),
            ("again", again),
            ("section", section),
        ]);
        let detained = if let Some(country) = outside {
            let mut slots = slots.clone();
            slots.push(("country", country));
            messages::fill("letter.chronology.stay.outside", &slots)
        } else {
            match (d.recall, d.section) {
                (Some(Recall::CtoRevoked), _) => {
                    messages::fill("letter.chronology.stay.cto_revoked", &slots)
                }
                (Some(Recall::CtoRecallNotRevoked), _) => {
                    messages::fill("letter.chronology.stay.cto_recall", &slots)
                }
                (Some(Recall::ConditionalDischargeRecall), _) => messages::fill(
                    "letter.chronology.stay.conditional_discharge_recall",
                    &slots,
                ),
                (None, Section::Informal) => {
                    messages::fill("letter.chronology.stay.informal", &slots)
                }
                (None, Section::Unknown) => {
                    messages::fill("letter.chronology.stay.unknown_section", &slots)
                }
                (None, _) => messages::fill("letter.chronology.stay.section", &slots),
            }
        };
        let mut parts = vec![detained];
        parts.extend(self.lived_before(index, d));
        parts.push(self.leaving(d));
        sentences(&parts)
    }

    /// How the stay ended, in one sentence; empty when nothing is known of it.
    fn leaving(&self, d: &Detention) -> String {
        let v = &self.voice;
        let ended = d.section_ended;
        let left = d.left_hospital;
        let when = |date: Option<Date>| {
            date.map(|x| messages::fill("letter.part.when", &[("date", &on(x))]))
                .unwrap_or_default()
        };
        let fill = |id: &str, values: &[(&str, &str)]| messages::fill_text(id, &v.slots(values));
        match d.leaving {
            Some(Leaving::Discharged) => match (ended, left) {
                (Some(e), Some(l)) if e != l => fill(
                    messages::text("letter.chronology.left.section_ended_then_left"),
                    &[("ended", &on(e)), ("left", &on(l))],
                ),
                (_, Some(l)) => fill(
                    messages::text("letter.chronology.left.discharged_and_left"),
                    &[("left", &on(l))],
                ),
                (Some(e), None) => fill(
                    messages::text("letter.chronology.left.discharged"),
                    &[("ended", &on(e))],
                ),
                (None, None) => fill(
                    messages::text("letter.chronology.left.discharged_later"),
                    &[],
                ),
            },
            Some(Leaving::Cto) => match d.cto_ended {
                Some(c) => fill(
                    messages::text("letter.chronology.left.cto_ended"),
                    &[("when", &when(left)), ("ended", &on(c))],
                ),
                None => fill(
                    messages::text("letter.chronology.left.cto"),
                    &[("when", &when(left))],
                ),
            },
            Some(Leaving::ConditionalDischarge) => fill(
                messages::text("letter.chronology.left.conditional_discharge"),
                &[("when", &when(left.or(ended)))],
            ),
            Some(Leaving::S17Leave) => fill(
                messages::text("letter.chronology.left.s17_leave"),
                &[("when", &when(left))],
            ),
            Some(Leaving::EscortedLeaveOnly) => fill(
                messages::text("letter.chronology.left.escorted_leave_only"),
                &[],
            ),
            Some(Leaving::StayedInformally) => match left {
                Some(l) => fill(
                    messages::text("letter.chronology.left.stayed_informally_until"),
                    &[("when", &when(ended)), ("left", &l.long())],
                ),
                None => fill(
                    messages::text("letter.chronology.left.stayed_informally"),
                    &[("when", &when(ended))],
                ),
            },
            Some(Leaving::ReturnedToPrison) => fill(
                messages::text("letter.chronology.left.returned_to_prison"),
                &[("when", &when(left.or(ended)))],
            ),
            Some(Leaving::StillInHospital) => fill(
                messages::text("letter.chronology.left.still_in_hospital"),
                &[],
            ),
            Some(Leaving::Died) => fill(
                messages::text("letter.chronology.left.died"),
                &[("when", &when(left.or(ended)))],
            ),
            Some(Leaving::TransferredOutOfEnglandAndWales) => fill(
                messages::text("letter.chronology.left.transferred_out"),
                &[("when", &when(left.or(ended)))],
            ),
            None => match (ended, left) {
                (_, Some(l)) => fill(
                    messages::text("letter.chronology.left.left"),
                    &[("left", &on(l))],
                ),
                (Some(e), None) => fill(
                    messages::text("letter.chronology.left.section_ended"),
                    &[("ended", &on(e))],
                ),
                (None, None) => String::new(),
            },
        }
    }

    /// "Immediately before that, I lived in …", with how the person came to live there: a sentence each.
    pub(super) fn lived_before(&self, index: usize, d: &Detention) -> Vec<String> {
        let v = &self.voice;
        let lived = &d.lived_before;
        let place = match lived.country {
            Country::England | Country::Wales => {
                let country = if lived.country == Country::England {
                    messages::text("letter.country.england")
                } else {
                    messages::text("letter.country.wales")
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
                            messages::fill(
                                "letter.chronology.lived.place_in_council",
                                &v.slots(&[("place", &typed), ("council", &name)]),
                            )
                        } else {
                            messages::fill(
                                "letter.chronology.lived.council",
                                &v.slots(&[("council", &name)]),
                            )
                        }
                    }
                    None => messages::fill(
                        "letter.chronology.lived.country",
                        &v.slots(&[("country", country)]),
                    ),
                }
            }
            Country::Scotland => messages::fill("letter.chronology.lived.scotland", &v.slots(&[])),
            Country::NorthernIreland => {
                messages::fill("letter.chronology.lived.northern_ireland", &v.slots(&[]))
            }
            Country::OutsideUk => {
                messages::fill("letter.chronology.lived.outside_uk", &v.slots(&[]))
            }
            Country::NoSettledHome => {
                messages::fill("letter.chronology.lived.no_settled_home", &v.slots(&[]))
            }
            // Not known: the letter says nothing of where the person lived.
            Country::NotSure => return Vec::new(),
        };
        let mut out = vec![place];
        if let Some(placer) = field(lived.placed_by.as_ref()) {
            let placer = self.placed_by(Some(index), placer);
            out.push(messages::fill(
                "letter.chronology.lived.placed_by",
                &v.slots(&[("placer", &placer)]),
            ));
        }
        if lived.lacked_capacity == Some(true) {
            out.push(messages::fill(
                "letter.chronology.lived.lacked_capacity",
                &v.slots(&[]),
            ));
        }
        if lived.required_by_discharge_condition == Some(true) {
            out.push(messages::fill(
                "letter.chronology.lived.discharge_condition",
                &v.slots(&[]),
            ));
        }
        if lived.informal_in_hospital_after_losing_home == Some(true) {
            out.push(messages::fill(
                "letter.chronology.lived.informal_after_losing_home",
                &v.slots(&[]),
            ));
        }
        out
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
