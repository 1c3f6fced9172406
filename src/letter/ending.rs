//! The request about an ending of after-care: that it has not ended, that it was not ended lawfully, or for the
//! joint decision that ended it.

use super::compose::{Composer, Ending};
use super::voice::{on, Voice};
use crate::case::{EndingReason, Leaving};
use crate::decision::FlagId;
use crate::messages;
use crate::sources::MHA_1983_S117_2;

impl Composer<'_> {
    /// " on 3 March 2025" (or " in March 2025"): when after-care was said to end, if the date was given.
    pub(super) fn ending_when(&self) -> String {
        self.request
            .case
            .aftercare_ended
            .as_ref()
            .and_then(|e| e.date)
            .map(|d| messages::fill("letter.part.when", &[("date", &on(d))]))
            .unwrap_or_default()
    }

    /// " because …": the reason given for ending after-care, in the letter's words (none when the person was on a
    /// community treatment order, where the order itself is the point).
    pub(super) fn ending_because(&self, on_cto: bool) -> String {
        match self.request.case.aftercare_ended.as_ref().map(|e| e.reason) {
            Some(reason) if !on_cto => ending_reason(reason, &self.voice)
                .map(|r| messages::fill("letter.ending.because", &[("reason", &r)]))
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    pub(super) fn ending_request(&mut self) -> String {
        let v = self.voice.clone();
        let when = self.ending_when();
        let documents = messages::fill("letter.ending.documents", &v.slots(&[]));
        match self.ending {
            Ending::None => {
                let on_cto = self
                    .qualifying
                    .is_some_and(|d| d.leaving == Some(Leaving::Cto) && d.cto_ended.is_none());
                let law = self.cite(&[MHA_1983_S117_2]);
                let ask = if on_cto {
                    messages::fill("letter.ending.not_ended.on_cto", &v.slots(&[("law", &law)]))
                } else {
                    messages::fill("letter.ending.not_ended", &v.slots(&[("law", &law)]))
                };
                self.please(&ask)
            }
            Ending::Unlawful => {
                let on_cto = self.has(FlagId::EndedWhileOnCto);
                let because = self.ending_because(on_cto);
                let why_not = if on_cto {
                    let law = self.cite(&[MHA_1983_S117_2]);
                    messages::fill("letter.ending.why_not.on_cto", &v.slots(&[("law", &law)]))
                } else {
                    let cop = self.code_of_practice();
                    let law = self.cite(&[MHA_1983_S117_2, cop]);
                    messages::fill("letter.ending.why_not", &v.slots(&[("law", &law)]))
                };
                messages::fill(
                    "letter.ending.unlawful",
                    &v.slots(&[
                        ("when", &when),
                        ("because", &because),
                        ("why_not", &why_not),
                        ("documents", &documents),
                    ]),
                )
            }
            Ending::InQuestion => {
                let law = self.cite(&[MHA_1983_S117_2]);
                messages::fill(
                    "letter.ending.in_question",
                    &v.slots(&[("when", &when), ("documents", &documents), ("law", &law)]),
                )
            }
            Ending::Lawful => {
                let law = self.cite(&[MHA_1983_S117_2]);
                messages::fill("letter.ending.lawful", &v.slots(&[("law", &law)]))
            }
        }
    }
}

/// The reason given for ending after-care, as a clause after "because", in the letter's voice.
pub(super) fn ending_reason(reason: EndingReason, v: &Voice) -> Option<String> {
    let fill = |text: &str| messages::fill_text(text, &v.slots(&[]));
    match reason {
        EndingReason::NoLongerNeeded => Some(fill(messages::text(
            "letter.ending.reason.no_longer_needed",
        ))),
        EndingReason::DischargedFromMentalHealthServices => Some(fill(messages::text(
            "letter.ending.reason.discharged_from_services",
        ))),
        EndingReason::TimePassed => Some(fill(messages::text("letter.ending.reason.time_passed"))),
        EndingReason::Dols => Some(fill(messages::text("letter.ending.reason.dols"))),
        EndingReason::ReadmittedInformallyOrS2 => Some(fill(messages::text(
            "letter.ending.reason.readmitted_informally_or_s2",
        ))),
        EndingReason::CtoEnded => Some(fill(messages::text("letter.ending.reason.cto_ended"))),
        EndingReason::RefusedServices => Some(fill(messages::text(
            "letter.ending.reason.refused_services",
        ))),
        EndingReason::Other => None,
    }
}
