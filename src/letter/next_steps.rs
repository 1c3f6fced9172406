//! The ombudsmen the letter names for what happens if there is no reply, and their time limit (in the grounds).

use super::compose::{Composer, Mode};
use super::voice::{cap, join_and};
use super::Block;
use crate::decision::DeadlineKind;
use crate::messages;
use crate::sources::{Citation, LGA_1974_S26B, LGSCO, PHSO, PSOW, PSOW_ACT_2019_S8};

impl Composer<'_> {
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

impl Composer<'_> {
    /// The ombudsmen's time limit, for the grounds: twelve months from when the problem came to light, with the
    /// core's date when it has one (never a date of the letter's own), and the statute for each ombudsman.
    pub(super) fn ombudsman_time_limit(&mut self) -> Option<Block> {
        if let Mode::MayNotApply { .. } = self.mode {
            return None;
        }
        let ombudsmen = self.ombudsmen();
        let by = self
            .decision
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Ombudsman)
            .and_then(|d| d.date)
            .filter(|d| d.last_day() >= self.request.date.first_day())
            .map(|d| messages::fill("letter.annex.ombudsman_by", &[("date", &d.long())]))
            .unwrap_or_default();
        // The time limits in statute: LGA 1974 s.26B for the LGSCO, and in Wales the PSOW Act 2019 s.8.
        let mut limits = Vec::new();
        if ombudsmen.iter().any(|c| c.id == LGSCO.id) {
            limits.push(LGA_1974_S26B);
        }
        if ombudsmen.iter().any(|c| c.id == PSOW.id) {
            limits.push(PSOW_ACT_2019_S8);
        }
        let law = if limits.is_empty() {
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
        Some(Block::Paragraph {
            text: cap(&messages::fill(
                "letter.annex.ombudsman",
                &[("ombudsmen", &join_and(&names)), ("by", &by), ("law", &law)],
            )),
        })
    }
}
