//! The "When to reply" and "If I do not receive a reply" sections: the reply-by date, a complaint, the
//! ombudsmen and judicial review, with the Decision's time limits.

use super::compose::{Composer, Mode};
use super::voice::{join_and, on};
use super::{Block, REPLY_WORKING_DAYS};
use crate::date::Date;
use crate::decision::DeadlineKind;
use crate::sources::{Citation, CPR_54_5, LGA_1974_S26B, LGSCO, PHSO, PSOW, PSOW_ACT_2019_S8};

impl Composer<'_> {
    /// The reply-by date and what happens if there is no reply.
    pub(super) fn reply_and_next_steps(&mut self, reply_by: Date) -> Vec<Block> {
        let you = if self.addressees.len() > 1 {
            "each of you"
        } else {
            "you"
        };
        let by = reply_by.long();
        let mut out = vec![
            Block::Heading {
                text: "When to reply".to_owned(),
            },
            Block::Paragraph {
                text: format!(
                    "Please reply in writing by {by}, which is {REPLY_WORKING_DAYS} working days from the date of this letter. If you cannot answer every point by then, please answer the ones you can and tell me when I will have the rest."
                ),
            },
            Block::Heading {
                text: "If I do not receive a reply".into(),
            },
        ];
        if let Mode::MayNotApply { .. } = self.mode {
            out.push(Block::Paragraph {
                text: format!("If I have not received a reply by {by}, I will make a formal complaint to {you}."),
            });
            return out;
        }
        let ombudsmen = self.ombudsmen();
        // The ombudsman's date is the core's, counted from when the person first knew; without that date the
        // letter states the rule, never a date of its own.
        let deadline = |kind: DeadlineKind| {
            self.decision
                .deadlines
                .iter()
                .find(|d| d.kind == kind)
                .and_then(|d| d.date)
                .filter(|d| d.last_day() >= self.request.date.first_day())
        };
        let ombudsman_by = deadline(DeadlineKind::Ombudsman)
            .map(|d| format!(", so I would do that by {} at the latest", d.long()))
            .unwrap_or_default();
        // The time limits in statute: LGA 1974 s.26B for the LGSCO, and in Wales the PSOW Act 2019 s.8.
        let mut limits = Vec::new();
        if ombudsmen.iter().any(|c| c.id == LGSCO.id) {
            limits.push(LGA_1974_S26B);
        }
        if ombudsmen.iter().any(|c| c.id == PSOW.id) {
            limits.push(PSOW_ACT_2019_S8);
        }
        let lga = if limits.is_empty() {
            String::new()
        } else {
            self.cite(&limits)
        };
        let names: Vec<String> = ombudsmen
            .iter()
            .map(|c| format!("the {}", self.name(*c)))
            .collect();
        out.push(Block::Paragraph {
            text: format!(
                "If I have not received a full reply by {by}, I will make a formal complaint to {you}. If the complaint does not resolve matters, I will ask {} to investigate. Ombudsmen normally expect a complaint within 12 months of when the problem first came to light{ombudsman_by}{lga}.",
                join_and(&names)
            ),
        });
        let cpr = self.cite(&[CPR_54_5]);
        let mut jr = format!(
            "A refusal or failure to meet these duties can also be challenged in the High Court by judicial review. A claim must be brought promptly and in any event within three months of the grounds arising{cpr}."
        );
        let made = self
            .request
            .case
            .aftercare_ended
            .as_ref()
            .and_then(|e| e.date)
            .map(|d| format!(", made {}", on(d)))
            .unwrap_or_default();
        if let Some(end_by) = deadline(DeadlineKind::JudicialReview) {
            let approximate = self
                .decision
                .deadlines
                .iter()
                .any(|d| d.kind == DeadlineKind::JudicialReview && d.approximate);
            let approximate = if approximate {
                " (counted from the earliest day of an approximate date, so it may be earlier still)"
            } else {
                ""
            };
            jr.push_str(&format!(
                " For the decision to end {} after-care{made}, that means by {} at the latest{approximate}.",
                self.voice.n_poss,
                end_by.long()
            ));
        }
        jr.push_str(" I would much rather settle this with you directly.");
        out.push(Block::Paragraph { text: jr });
        out
    }

    /// The ombudsmen for the bodies addressed: in England the LGSCO (councils) and the PHSO (NHS), in Wales the
    /// PSOW (both). When the nation is not known, all of them.
    pub(super) fn ombudsmen(&self) -> Vec<Citation> {
        let (mut england, mut wales) = self.nations();
        if !england && !wales {
            england = true;
            wales = true;
        }
        let mut list = Vec::new();
        if england && self.audience.council {
            list.push(LGSCO);
        }
        if england && self.audience.nhs {
            list.push(PHSO);
        }
        if wales {
            list.push(PSOW);
        }
        list
    }
}
