//! The opening of the letter: who is writing and for whom, what the letter asks, why it goes to the bodies it
//! goes to, and the person's details.

use super::compose::{Composer, Ending, Mode};
use super::voice::{cap, join_and, on};
use super::{address_lines, field, Authority, Block, BLANK};
use crate::case::{Jurisdiction, Leaving};
use crate::date::Date;
use crate::decision::Body;
use crate::sources::{CXF_2018, MHA_1983_S117_1, MHA_1983_S117_2, MHCTSA_2003, MHNIO_1986};

impl Composer<'_> {
    /// The opening paragraphs: who is writing, what for, and to whom.
    pub(super) fn introduction(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        if let Some(writer) = &self.request.details.writer {
            let person = field(self.request.details.person.name.as_ref());
            let relationship = field(writer.relationship.as_ref());
            let mut text = match (&person, &relationship) {
                (Some(name), Some(rel)) => {
                    format!("I am {name}'s {rel}, and I am writing on their behalf.")
                }
                (Some(name), None) => format!("I am writing on behalf of {name}."),
                (None, Some(rel)) => {
                    format!("I am writing on behalf of the person named above, as their {rel}.")
                }
                (None, None) => "I am writing on behalf of the person named above.".into(),
            };
            text.push(' ');
            text.push_str(match writer.authority {
                Some(Authority::Consent) => "I enclose their signed consent to my writing to you.",
                Some(Authority::LastingPowerOfAttorney) => {
                    "I am their attorney under a lasting power of attorney, and I enclose a copy."
                }
                Some(Authority::Deputy) => {
                    "I am their deputy, appointed by the Court of Protection, and I enclose a copy of the court's order."
                }
                Some(Authority::Other) => "I enclose evidence of my authority to act for them.",
                None => "If you need their written consent before you can reply to me, please tell me straight away rather than delaying your reply.",
            });
            out.push(Block::Paragraph { text });
        }
        let (n, n_poss, they, their) = (&v.n, &v.n_poss, cap(v.they), v.their);
        let (is, were) = (v.be_n(), v.was_they());
        let s117 = "after-care under section 117 of the Mental Health Act 1983";
        let mut text = match (self.mode, self.ending) {
            (Mode::Entitled, Ending::Unlawful) => format!(
                "I am writing to ask you to confirm in writing that {n} {is} still entitled to {s117}. {they} {were} told that {their} after-care had ended, but I do not believe it was ended lawfully, for the reasons given below."
            ),
            (Mode::Entitled, Ending::InQuestion) => format!(
                "I am writing to ask you to confirm in writing whether {n_poss} {s117} has been lawfully ended. {they} {were} told that it had, and I am asking for the decision and the other points set out below."
            ),
            (Mode::Entitled, _) => format!(
                "I am writing to ask you to confirm in writing that {n} {is} entitled to {s117}, and to confirm the other points set out below."
            ),
            (Mode::OnLeaving, _) => self.on_leaving_intro(),
            (Mode::Ended, _) => {
                let when = self
                    .request
                    .case
                    .aftercare_ended
                    .as_ref()
                    .and_then(|e| e.date)
                    .map(|d| format!(" {}", on(d)))
                    .unwrap_or_default();
                format!(
                    "I understand that{when} the council and the NHS body decided together to end {n_poss} {s117}. I am writing to ask for that decision and the other points set out below."
                )
            }
            (Mode::Unsure, _) => format!(
                "I am writing to ask you to confirm in writing whether {n} {is} entitled to {s117}, and the other points set out below. I believe {} may be, but I do not have all the details, so I am asking you to check your records.",
                v.they
            ),
            (Mode::MayNotApply { out_of_scope }, _) => {
                out.push(self.may_not_apply_intro(out_of_scope));
                return out;
            }
        };
        text.push(' ');
        text.push_str(&self.audience_sentence());
        out.push(Block::Paragraph { text });
        out
    }

    /// Why the letter goes to the bodies it goes to.
    pub(super) fn audience_sentence(&mut self) -> String {
        let shared = self.cite(&[MHA_1983_S117_2]);
        let this_letter = match self.addressees.len() {
            0 | 1 => "this letter to you",
            2 if self.audience.council && self.audience.nhs => "this letter to both of you",
            _ => "this letter to each body listed above",
        };
        let other = |body: Option<&Body>, fallback: &str| {
            body.map_or_else(|| fallback.to_owned(), |b| b.name.clone())
        };
        if let Some(others) = self.twin() {
            let (us, them) = if self.audience.council {
                ("council", "NHS body")
            } else {
                ("NHS body", "council")
            };
            return format!(
                "The {us} shares the duty to provide after-care with the {them}{shared}, so I am sending {this_letter}, and at the same time a matching letter to {others}. You may reply jointly or separately."
            );
        }
        match (self.audience.council, self.audience.nhs) {
            (true, true) => format!(
                "The council and the NHS body share the duty to provide after-care{shared}, so I am sending {this_letter}. You may reply jointly or separately."
            ),
            (true, false) => format!(
                "The council shares the duty to provide after-care with the NHS body{shared}. I am sending {this_letter}, and a similar letter to {}.",
                other(self.decision.nhs_body.as_ref(), "the NHS body")
            ),
            (false, _) => format!(
                "The NHS body shares the duty to provide after-care with the council{shared}. I am sending {this_letter}, and a similar letter to {}.",
                other(self.decision.council.as_ref(), "the council")
            ),
        }
    }

    /// For one of two letters ([`super::Side::PairedCouncil`], [`super::Side::PairedNhs`]), every body the other letter is
    /// addressed to, so that this one, read alone, says where its twin went; `None` for a letter on its own.
    pub(super) fn twin(&self) -> Option<String> {
        if !self.audience.paired {
            return None;
        }
        let (body, them) = if self.audience.council {
            (self.decision.nhs_body.as_ref(), "the NHS body")
        } else {
            (self.decision.council.as_ref(), "the council")
        };
        Some(match body {
            Some(body) => join_and(
                &std::iter::once(body.name.clone())
                    .chain(body.candidates.iter().map(|c| c.name.clone()))
                    .collect::<Vec<_>>(),
            ),
            None => them.to_owned(),
        })
    }

    pub(super) fn on_leaving_intro(&mut self) -> String {
        let v = self.voice.clone();
        let (n, they, their) = (cap(&v.n), v.they, v.their);
        let d = self.qualifying;
        let section = d.map_or("the Mental Health Act 1983", |d| d.section.describe());
        let since = d
            .and_then(|d| d.admitted)
            .map(|a| format!(" since {}", a.long()))
            .unwrap_or_default();
        let where_now = match d.and_then(|d| d.leaving) {
            Some(Leaving::StayedInformally) => format!(
                "{n} was detained under {section}, and {they} {} still in hospital as an informal patient.",
                v.be_they()
            ),
            _ => format!("{n} {} been detained in hospital under {section}{since}.", v.have_n()),
        };
        let escorted = if d.and_then(|d| d.leaving) == Some(Leaving::EscortedLeaveOnly) {
            format!(
                " So far {they} have had only short, escorted leave, which does not count as leaving hospital{}.",
                self.cite(&[CXF_2018])
            )
        } else {
            String::new()
        };
        let basis = self.cite(&[MHA_1983_S117_1]);
        format!(
            "{where_now}{escorted} When {they} leave hospital, {they} will be entitled to after-care under section 117{basis}. I am writing now so that {their} after-care can be planned before {they} leave, and to ask you to confirm the points set out below."
        )
    }

    pub(super) fn may_not_apply_intro(&mut self, out_of_scope: bool) -> Block {
        let v = self.voice.clone();
        let (n, is, them, their) = (&v.n, v.be_n(), v.them, v.their);
        let mut text = format!(
            "I am writing to ask you to confirm in writing whether {n} {is} entitled to after-care under section 117 of the Mental Health Act 1983."
        );
        let basis = self.cite(&[MHA_1983_S117_1]);
        if out_of_scope {
            let (scotland, ni) =
                self.request
                    .case
                    .detentions
                    .iter()
                    .fold((false, false), |(s, n), d| {
                        (
                            s || d.detained_in == Jurisdiction::Scotland,
                            n || d.detained_in == Jurisdiction::NorthernIreland,
                        )
                    });
            let mut laws = Vec::new();
            if scotland {
                laws.push(format!("the {}", self.name(MHCTSA_2003)));
            }
            if ni {
                laws.push(format!("the {}", self.name(MHNIO_1986)));
            }
            let instead = if laws.is_empty() {
                String::new()
            } else {
                let is = if laws.len() > 1 {
                    "laws that apply there are"
                } else {
                    "law that applies there is"
                };
                format!(" The {is} {}.", join_and(&laws))
            };
            text.push_str(&format!(
                " {} stays in hospital, set out below, were outside England and Wales. I understand that section 117 applies only to detention under that Act in England and Wales{basis}, so it may not apply to {them}.{instead} I would be grateful if you would check your records and confirm the position.",
                cap(their)
            ));
        } else {
            text.push_str(&format!(
                " I understand that this after-care is owed to people who have been detained under section 3, 37, 45A, 47 or 48 of that Act and have then left hospital{basis}. From what I know of {their} history, set out below, section 117 may not apply to {them}, but I would be grateful if you would check your records and confirm the position."
            ));
        }
        if let Some(others) = self.twin() {
            let shared = self.cite(&[MHA_1983_S117_2]);
            let (us, them) = if self.audience.council {
                ("council", "NHS body")
            } else {
                ("NHS body", "council")
            };
            text.push_str(&format!(
                " The {us} shares any such duty with the {them}{shared}, so I am sending a matching letter to {others} at the same time."
            ));
        }
        self.notes.push(if out_of_scope {
            "The checker found that section 117 does not apply, because the stays you described were under the law of Scotland or Northern Ireland. This letter only asks the council and the NHS body to confirm the position; it does not claim after-care. For advice in Scotland, contact the Mental Welfare Commission for Scotland; in Northern Ireland, the Regulation and Quality Improvement Authority.".into()
        } else {
            "The checker found that, on what you told it, you are not owed section 117 after-care. This letter only asks the council and the NHS body to check their records and confirm the position; it does not claim after-care. Read it before you send it, and get advice if you are unsure.".into()
        });
        Block::Paragraph { text }
    }

    /// The person's details, with blanks to fill in.
    pub(super) fn person_details(&self) -> Vec<Block> {
        let p = &self.request.details.person;
        let blank = || BLANK.to_owned();
        let address = address_lines(p.address.as_ref());
        let items = vec![
            format!("Name: {}", field(p.name.as_ref()).unwrap_or_else(blank)),
            format!(
                "Date of birth: {}",
                date_of_birth(p.date_of_birth.as_ref()).unwrap_or_else(blank)
            ),
            format!(
                "Address: {}",
                if address.is_empty() {
                    blank()
                } else {
                    address.join(", ")
                }
            ),
            format!(
                "NHS number: {}",
                field(p.nhs_number.as_ref()).unwrap_or_else(blank)
            ),
        ];
        let heading = if self.voice.own {
            "My details"
        } else {
            "The person this letter is about"
        };
        vec![
            Block::Heading {
                text: heading.into(),
            },
            Block::List {
                ordered: false,
                items,
            },
        ]
    }
}

/// A date of birth in words if it is a date, or as typed.
pub(super) fn date_of_birth(text: Option<&String>) -> Option<String> {
    let typed = field(text)?;
    Some(typed.parse::<Date>().map(Date::long).unwrap_or(typed))
}
