//! How to send the letter (notes for the user, not part of it), and which tone the checker recommends.

use super::compose::{Composer, Ending};
use super::{HowToSend, Link, Tone, CHECK_LEGAL_AID, FIND_LOCAL_COUNCIL};
use crate::decision::DeadlineKind;
use crate::messages;

impl Composer<'_> {
    /// The tone to recommend: a letter before claim only when the decision finds that after-care was ended in a
    /// way that is likely unlawful and the core's time limit for judicial review has not passed at the letter's
    /// date; a first request otherwise.
    pub(super) fn recommended_tone(&self) -> Tone {
        let in_time = self.decision.deadlines.iter().any(|d| {
            d.kind == DeadlineKind::JudicialReview
                && !d.passed
                && d.date
                    .is_some_and(|date| date.last_day() >= self.request.date.first_day())
        });
        if self.ending == Ending::Unlawful && in_time {
            Tone::LetterBeforeClaim
        } else {
            Tone::FirstRequest
        }
    }

    /// How to send the letter: by email or recorded post, keeping proof and a copy, and where to find each
    /// body's contact details. The checker holds no postal or email address, so it links to GOV.UK's "find your
    /// local council" and never invents one.
    pub(super) fn how_to_send(&self) -> HowToSend {
        let mut steps = vec![
            messages::text("letter.send.how").to_owned(),
            messages::text("letter.send.proof").to_owned(),
        ];
        if self.audience.council {
            steps.push(messages::text("letter.send.council").to_owned());
        }
        if self.audience.nhs {
            steps.push(messages::text("letter.send.nhs").to_owned());
        }
        let mut links = Vec::new();
        if self.audience.council {
            links.push(Link {
                text: messages::text("letter.send.find_council").into(),
                url: FIND_LOCAL_COUNCIL.into(),
            });
        }
        if self.tone == Tone::LetterBeforeClaim {
            steps.push(messages::text("letter.send.before_claim").to_owned());
            links.push(Link {
                text: messages::text("letter.send.legal_aid").into(),
                url: CHECK_LEGAL_AID.into(),
            });
        }
        HowToSend {
            heading: messages::text("letter.send.heading").into(),
            steps,
            links,
        }
    }
}
