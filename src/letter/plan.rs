//! The requests about the after-care itself: the after-care plan and its review.

use super::compose::{Composer, Mode};
use super::voice::sentences;
use crate::decision::FlagId;
use crate::messages;
use crate::sources::MHA_1983_S117_6;

impl Composer<'_> {
    pub(super) fn plan_request(&mut self) -> String {
        let v = self.voice.clone();
        let cop = self.code_of_practice();
        let cop = self.cite(&[cop]);
        let s117_6 = self.cite(&[MHA_1983_S117_6]);
        let definition = messages::fill("letter.plan.definition", &v.slots(&[("law", &s117_6)]));
        let mut parts = if self.mode == Mode::OnLeaving {
            vec![
                messages::fill("letter.plan.on_leaving", &v.slots(&[("law", &cop)])),
                definition,
            ]
        } else {
            vec![
                messages::fill("letter.plan.current", &v.slots(&[("law", &cop)])),
                definition,
                messages::text("letter.plan.no_plan").to_owned(),
            ]
        };
        if self.has(FlagId::ReturnedToPrison) && self.mode != Mode::OnLeaving {
            // No court has said how after-care reaches a person in prison (s117-rules.md §4, [U]), so the letter
            // asks rather than asserts.
            parts.push(messages::fill("letter.plan.in_prison", &v.slots(&[])));
        }
        self.please(&sentences(&parts))
    }

    pub(super) fn review_request(&mut self) -> String {
        let v = self.voice.clone();
        let ask = if self.mode == Mode::OnLeaving {
            messages::fill("letter.plan.review.on_leaving", &v.slots(&[]))
        } else {
            let cop = self.code_of_practice();
            let law = self.cite(&[cop]);
            messages::fill("letter.plan.review", &v.slots(&[("law", &law)]))
        };
        self.please(&ask)
    }
}
