//! The "When to reply" and "If I do not receive a reply" sections: the reply-by date, a complaint, the
//! ombudsmen and judicial review, with the Decision's time limits.

use super::compose::{Composer, Mode};
use super::voice::{join_and, on, sentences};
use super::{Block, REPLY_WORKING_DAYS};
use crate::date::Date;
use crate::decision::DeadlineKind;
use crate::messages;
use crate::sources::{Citation, CPR_54_5, LGA_1974_S26B, LGSCO, PHSO, PSOW, PSOW_ACT_2019_S8};

impl Composer<'_> {
    /// The reply-by date and what happens if there is no reply.
    pub(super) fn reply_and_next_steps(&mut self, reply_by: Date) -> Vec<Block> {
        let you = if self.addressees.len() > 1 {
            messages::text("letter.next_steps.each_of_you")
        } else {
            messages::text("letter.next_steps.you")
        };
        let by = reply_by.long();
        let days = REPLY_WORKING_DAYS.to_string();
        let mut out = vec![
            Block::Heading {
                text: messages::text("letter.next_steps.reply.heading").to_owned(),
            },
            Block::Paragraph {
                text: messages::fill("letter.next_steps.reply", &[("by", &by), ("days", &days)]),
            },
            Block::Heading {
                text: messages::text("letter.next_steps.no_reply.heading").into(),
            },
        ];
        if let Mode::MayNotApply { .. } = self.mode {
            out.push(Block::Paragraph {
                text: messages::fill(
                    "letter.next_steps.no_reply.complaint",
                    &[("by", &by), ("you", you)],
                ),
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
            .map(|d| messages::fill("letter.next_steps.ombudsman_by", &[("date", &d.long())]))
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
            .map(|c| {
                let name = self.name(*c);
                messages::fill("letter.next_steps.the_ombudsman", &[("ombudsman", name)])
            })
            .collect();
        out.push(Block::Paragraph {
            text: messages::fill(
                "letter.next_steps.no_reply.ombudsman",
                &[
                    ("by", &by),
                    ("you", you),
                    ("ombudsmen", &join_and(&names)),
                    ("ombudsman_by", &ombudsman_by),
                    ("law", &lga),
                ],
            ),
        });
        let cpr = self.cite(&[CPR_54_5]);
        let mut parts = vec![messages::fill(
            "letter.next_steps.judicial_review",
            &[("law", &cpr)],
        )];
        let made = self
            .request
            .case
            .aftercare_ended
            .as_ref()
            .and_then(|e| e.date)
            .map(|d| messages::fill("letter.next_steps.made", &[("date", &on(d))]))
            .unwrap_or_default();
        if let Some(end_by) = deadline(DeadlineKind::JudicialReview) {
            let approximate = self
                .decision
                .deadlines
                .iter()
                .any(|d| d.kind == DeadlineKind::JudicialReview && d.approximate);
            let approximate = if approximate {
                messages::text("letter.next_steps.approximate")
            } else {
                ""
            };
            parts.push(messages::fill(
                "letter.next_steps.judicial_review.by",
                &self.voice.slots(&[
                    ("made", &made),
                    ("date", &end_by.long()),
                    ("approximate", approximate),
                ]),
            ));
        }
        parts.push(messages::text("letter.next_steps.settle").to_owned());
        out.push(Block::Paragraph {
            text: sentences(&parts),
        });
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
