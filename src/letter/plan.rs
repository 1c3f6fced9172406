//! The requests about the after-care itself: the after-care plan and its review.

use super::compose::{Composer, Mode};
use crate::decision::FlagId;
use crate::sources::{COP_2015_CH33, MHA_1983_S117_6};

impl Composer<'_> {
    pub(super) fn plan_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n_poss, they, their) = (&v.n_poss, v.they, v.their);
        let cop = self.cite(&[COP_2015_CH33]);
        let definition = format!(
            " After-care services are those that meet a need arising from or related to {their} mental disorder and reduce the risk of {their} condition getting worse{}.",
            self.cite(&[MHA_1983_S117_6])
        );
        let mut ask = if self.mode == Mode::OnLeaving {
            format!(
                "tell me how {n_poss} after-care is being planned before {they} leave hospital and who is involved, and send me a copy of the after-care plan when it is drawn up. For each service in it, please say whether it will be provided as section 117 after-care and who will pay for it: the council, the NHS body, or both{cop}.{definition}"
            )
        } else {
            format!(
                "send me a copy of {n_poss} current after-care plan. For each service in it, please say whether it is provided as section 117 after-care and who pays for it: the council, the NHS body, or both{cop}.{definition} If there is no written after-care plan, please tell me when one will be drawn up."
            )
        };
        if self.has(FlagId::ReturnedToPrison) && self.mode != Mode::OnLeaving {
            // No court has said how after-care reaches a person in prison (s117-rules.md §4, [U]), so the letter
            // asks rather than asserts.
            ask.push_str(&format!(
                " Because {they} {} returned to prison, please also tell me how {their} after-care is being provided there, and how it will be planned for {their} release.",
                v.was_they()
            ));
        }
        self.please(&ask)
    }

    pub(super) fn review_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n_poss, their) = (&v.n_poss, v.their);
        let ask = if self.mode == Mode::OnLeaving {
            format!("give me the name and contact details of the person responsible for planning {n_poss} after-care.")
        } else {
            format!(
                "tell me the date of {n_poss} last after-care review and when the next one is due, and give me the name and contact details of {their} care coordinator, or of another named person I can contact about {their} after-care{}.",
                self.cite(&[COP_2015_CH33])
            )
        };
        self.please(&ask)
    }
}
