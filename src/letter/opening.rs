//! The opening of the letter: who is writing and for whom, what the letter asks, why it goes to the bodies it
//! goes to, and the person's details.

use super::compose::Composer;
use super::voice::{join_and, section_words, sentences};
use super::{field, Block};
use crate::case::{Jurisdiction, Leaving};
use crate::date::Date;
use crate::decision::Body;
use crate::messages;
use crate::sources::{CXF_2018, MHA_1983_S117_1, MHA_1983_S117_2, MHCTSA_2003, MHNIO_1986};

impl Composer<'_> {
    /// Why the letter goes to the bodies it goes to.
    pub(super) fn audience_sentence(&mut self) -> String {
        let shared = self.cite(&[MHA_1983_S117_2]);
        let this_letter = match self.addressees.len() {
            0 | 1 => messages::text("letter.opening.this_letter.to_you"),
            2 if self.audience.council && self.audience.nhs => {
                messages::text("letter.opening.this_letter.to_both")
            }
            _ => messages::text("letter.opening.this_letter.to_each"),
        };
        let other = |body: Option<&Body>, fallback: &str| {
            body.map_or_else(|| fallback.to_owned(), |b| b.name.clone())
        };
        if let Some(others) = self.twin() {
            let values = [
                ("shared", shared.as_str()),
                ("this_letter", this_letter),
                ("others", others.as_str()),
            ];
            return if self.audience.council {
                messages::fill("letter.opening.audience.paired_council", &values)
            } else {
                messages::fill("letter.opening.audience.paired_nhs", &values)
            };
        }
        match (self.audience.council, self.audience.nhs) {
            (true, true) => messages::fill(
                "letter.opening.audience.both",
                &[("shared", &shared), ("this_letter", this_letter)],
            ),
            (true, false) => {
                let nhs = other(
                    self.decision.nhs_body.as_ref(),
                    messages::text("letter.opening.the_nhs_body"),
                );
                messages::fill(
                    "letter.opening.audience.council",
                    &[
                        ("shared", &shared),
                        ("this_letter", this_letter),
                        ("other", &nhs),
                    ],
                )
            }
            (false, _) => {
                let council = other(
                    self.decision.council.as_ref(),
                    messages::text("letter.opening.the_council"),
                );
                messages::fill(
                    "letter.opening.audience.nhs",
                    &[
                        ("shared", &shared),
                        ("this_letter", this_letter),
                        ("other", &council),
                    ],
                )
            }
        }
    }

    /// For one of two letters ([`super::Side::PairedCouncil`], [`super::Side::PairedNhs`]), every body the other
    /// letter is addressed to, so that this one, read alone, says where its twin went; `None` for a letter on its
    /// own.
    pub(super) fn twin(&self) -> Option<String> {
        if !self.audience.paired {
            return None;
        }
        let (body, them) = if self.audience.council {
            (
                self.decision.nhs_body.as_ref(),
                messages::text("letter.opening.the_nhs_body"),
            )
        } else {
            (
                self.decision.council.as_ref(),
                messages::text("letter.opening.the_council"),
            )
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
        let d = self.qualifying;
        let section = d.map_or(messages::text("letter.part.the_act"), |d| {
            section_words(d.section)
        });
        let since = d
            .and_then(|d| d.admitted)
            .map(|a| messages::fill("letter.part.since", &[("date", &a.long())]))
            .unwrap_or_default();
        let where_now = match d.and_then(|d| d.leaving) {
            Some(Leaving::StayedInformally) => messages::fill(
                "letter.opening.on_leaving.informal",
                &v.slots(&[("section", section)]),
            ),
            _ => messages::fill(
                "letter.opening.on_leaving.detained",
                &v.slots(&[("section", section), ("since", &since)]),
            ),
        };
        let mut parts = vec![where_now];
        if d.and_then(|d| d.leaving) == Some(Leaving::EscortedLeaveOnly) {
            let cxf = self.cite(&[CXF_2018]);
            parts.push(messages::fill(
                "letter.opening.on_leaving.escorted",
                &v.slots(&[("law", &cxf)]),
            ));
        }
        let basis = self.cite(&[MHA_1983_S117_1]);
        parts.push(messages::fill(
            "letter.opening.on_leaving",
            &v.slots(&[("law", &basis)]),
        ));
        sentences(&parts)
    }

    pub(super) fn may_not_apply_intro(&mut self, out_of_scope: bool) -> Block {
        let v = self.voice.clone();
        let mut parts = vec![messages::fill(
            "letter.opening.may_not_apply",
            &v.slots(&[]),
        )];
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
                let law = self.name(MHCTSA_2003);
                laws.push(messages::fill("letter.opening.the_law", &[("law", law)]));
            }
            if ni {
                let law = self.name(MHNIO_1986);
                laws.push(messages::fill("letter.opening.the_law", &[("law", law)]));
            }
            parts.push(messages::fill(
                "letter.opening.may_not_apply.outside",
                &v.slots(&[("law", &basis)]),
            ));
            let laws_text = join_and(&laws);
            match laws.len() {
                0 => {}
                1 => parts.push(messages::fill(
                    "letter.opening.may_not_apply.law_there",
                    &[("laws", &laws_text)],
                )),
                _ => parts.push(messages::fill(
                    "letter.opening.may_not_apply.laws_there",
                    &[("laws", &laws_text)],
                )),
            }
            parts.push(messages::text("letter.opening.may_not_apply.check").to_owned());
        } else {
            parts.push(messages::fill(
                "letter.opening.may_not_apply.not_owed",
                &v.slots(&[("law", &basis)]),
            ));
        }
        if let Some(others) = self.twin() {
            let shared = self.cite(&[MHA_1983_S117_2]);
            let values = [("shared", shared.as_str()), ("others", others.as_str())];
            parts.push(if self.audience.council {
                messages::fill("letter.opening.may_not_apply.paired_council", &values)
            } else {
                messages::fill("letter.opening.may_not_apply.paired_nhs", &values)
            });
        }
        let v = self.voice.clone();
        self.notes.push(if out_of_scope {
            messages::text("letter.notes.out_of_scope").into()
        } else if v.own {
            messages::text("letter.notes.not_entitled").into()
        } else {
            // Someone else is writing: the note is theirs, about the person.
            messages::fill("letter.notes.not_entitled.for_other", &v.slots(&[]))
        });
        Block::Paragraph {
            text: sentences(&parts),
        }
    }
}

/// A date of birth in words if it is a date, or as typed.
pub(super) fn date_of_birth(text: Option<&String>) -> Option<String> {
    let typed = field(text)?;
    Some(typed.parse::<Date>().map(Date::long).unwrap_or(typed))
}
