//! The request about an ending of after-care: that it has not ended, that it was not ended lawfully, or for the
//! joint decision that ended it.

use super::compose::{Composer, Ending};
use super::voice::{cap, on, Voice};
use crate::case::{EndingReason, Leaving};
use crate::decision::FlagId;
use crate::sources::{COP_2015_CH33, MHA_1983_S117_2};

impl Composer<'_> {
    pub(super) fn ending_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n, n_poss, they, their, are) = (cap(&v.n), &v.n_poss, v.they, v.their, v.be_they());
        let ended = self.request.case.aftercare_ended.clone();
        let when = ended
            .as_ref()
            .and_then(|e| e.date)
            .map(|d| format!(" {}", on(d)))
            .unwrap_or_default();
        let ask = format!(
            "the joint written decision of both the council and the NHS body, with its date, the assessment of {their} needs that it relied on, and the reasons for it"
        );
        match self.ending {
            Ending::None => {
                let on_cto = self
                    .qualifying
                    .is_some_and(|d| d.leaving == Some(Leaving::Cto) && d.cto_ended.is_none());
                let cto = if on_cto {
                    format!(", and it cannot end while {they} {are} on a community treatment order")
                } else {
                    String::new()
                };
                let law = self.cite(&[MHA_1983_S117_2]);
                self.please(&format!(
                    "confirm that {n_poss} after-care has not been ended. It can end only when both the council and the NHS body are satisfied, after reviewing {their} needs, that {they} no longer need after-care services{cto}{law}."
                ))
            }
            Ending::Unlawful => {
                let on_cto = self.has(FlagId::EndedWhileOnCto);
                let because = match ended.as_ref().map(|e| e.reason) {
                    Some(reason) if !on_cto => ending_reason(reason, &v)
                        .map(|r| format!(" because {r}"))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                let why_not = if on_cto {
                    format!(
                        "{they} {} still on a community treatment order, and after-care cannot end while a person remains on one{}",
                        v.was_they(),
                        self.cite(&[MHA_1983_S117_2])
                    )
                } else {
                    format!(
                        "after-care continues until both the council and the NHS body are satisfied, after reviewing {their} needs together, that {they} no longer need after-care services{}",
                        self.cite(&[MHA_1983_S117_2, COP_2015_CH33])
                    )
                };
                format!(
                    "{n} was told{when} that {their} after-care had ended{because}. That is not a lawful way to end it: {why_not}. Please confirm in writing that {their} after-care continues, and restore any service that was withdrawn. If you say that it has ended, please send me {ask}."
                )
            }
            Ending::InQuestion => {
                let law = self.cite(&[MHA_1983_S117_2]);
                format!(
                    "{n} was told{when} that {they} no longer needed after-care. Please send me {ask}. After-care ends only when both bodies are satisfied that it is no longer needed{law}. If there was no such joint decision, please confirm that {their} after-care continues."
                )
            }
            Ending::Lawful => {
                let law = self.cite(&[MHA_1983_S117_2]);
                format!(
                    "Please send me a copy of the joint written decision to end {n_poss} after-care, the assessment of {their} needs that it relied on, the reasons for it{law}, and the last after-care plan before it was made. If {they} still have needs arising from {their} mental disorder, please explain how the assessment showed that after-care services were no longer needed."
                )
            }
        }
    }
}

/// The reason given for ending after-care, as a clause after "because", in the letter's voice.
pub(super) fn ending_reason(reason: EndingReason, v: &Voice) -> Option<String> {
    let (they, their) = (v.they, v.their);
    match reason {
        EndingReason::NoLongerNeeded => Some(format!("{they} no longer needed it")),
        EndingReason::DischargedFromMentalHealthServices => Some(format!(
            "{they} had been discharged from the community mental health team or other specialist services"
        )),
        EndingReason::TimePassed => Some("a period of time had passed".into()),
        EndingReason::Dols => Some(format!(
            "{they} {} deprived of liberty under the Mental Capacity Act",
            v.be_they()
        )),
        EndingReason::ReadmittedInformallyOrS2 => Some(format!(
            "{they} had been readmitted to hospital informally or under section 2"
        )),
        EndingReason::CtoEnded => Some(format!("{their} community treatment order had ended")),
        EndingReason::RefusedServices => Some(format!("{they} had refused services")),
        EndingReason::Other => None,
    }
}
