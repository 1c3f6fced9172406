//! Notes for the user, not part of the letter: what each flag means for the letter, and what to fill in, check
//! or enclose before sending.

use super::compose::Composer;
use super::{address_lines, field, Tone, REPLY_WORKING_DAYS};
use crate::decision::FlagId;
use crate::messages;

impl Composer<'_> {
    /// Notes for the user about flags the letter itself deliberately leaves out.
    ///
    /// Every flag the decision can raise is listed here, with where the letter deals with it. The match has no
    /// wildcard arm, so a new flag cannot be added without deciding whether the letter needs a sentence, a note,
    /// or neither. Refunds, deadlines and uncertain points all matter to the reader.
    pub(super) fn flag_notes(&mut self) {
        let flags = self.decision.flags.clone();
        for flag in &flags {
            let note = match flag.id {
                // Refund: its own request, with the periods charged and interest (`refund_request`).
                FlagId::RefundDue => None,
                // Deadlines in "If I do not receive a reply": the judicial review date for an ending, and the
                // ombudsman date, which is the earlier of this flag's date and twelve months from the reply date.
                FlagId::JudicialReviewDeadline | FlagId::OmbudsmanDeadline => {
                    Some(flag.text.clone())
                }
                // Deadline kept out of the letter: the letter asks for every charge back, and telling the council
                // of a limit on court claims would only invite it to refund less. The user is told.
                FlagId::CourtClaimLimit | FlagId::RefundMayBeTimeBarred => Some(flag.text.clone()),
                // An ending that ended nothing, or whose date cannot be placed: the ending request asks the bodies
                // to confirm after-care continues; the user is told why.
                FlagId::EndingOutsideDuty | FlagId::EndingDateUncertain => Some(flag.text.clone()),
                // Uncertain points with a sentence in point 2 (`council_doubts`, `nhs_doubts`,
                // `placement_question`), which also address every candidate body.
                FlagId::PlacedOutOfArea
                | FlagId::PlacementFactsNeeded
                | FlagId::ResidenceImposedByCondition
                | FlagId::ResidentInHospital
                | FlagId::CtoRevocationUncertain
                | FlagId::ConditionalDischargeRecall
                | FlagId::S2ConvertedToS3
                | FlagId::UnrecognisedCouncil
                | FlagId::UnrecognisedNhsBody
                | FlagId::SplitNhsArea
                | FlagId::NhsBodyFromCouncilArea
                | FlagId::NhsBodyFromGpPlace
                | FlagId::Part3NhsBodyUncertain
                | FlagId::CrossBorderNhs => None,
                // Uncertain section: for the detention the duty comes from, the letter asks the bodies to check
                // their records (`Mode::Unsure`); for a later stay, point 2 says it may move the duty.
                FlagId::UnknownSection => None,
                // Uncertain ending: the ending request asks for the joint decision (`Ending::InQuestion`).
                FlagId::AskForEndingDecision => None,
                // Uncertain: the plan request asks how after-care reaches the person in prison.
                FlagId::ReturnedToPrison => None,
                // Uncertain, not in the letter: approximate dates are printed as months or years, and the judicial
                // review sentence says when its date is counted from an approximate one.
                FlagId::ApproximateDates => None,
                // Uncertain, and about the facts or the checker rather than anything the bodies can answer: the
                // user should check before sending, so each is a note.
                FlagId::InconsistentDates
                | FlagId::OtherJurisdictionStays
                | FlagId::LawMayHaveChanged
                | FlagId::BeforeCoverage
                | FlagId::StayLongerThanSectionAllows
                | FlagId::AskWhetherReadmitted
                | FlagId::AskWhetherRecalled
                | FlagId::AskForFinancialRecords
                | FlagId::AskForTopUpAgreement
                | FlagId::AskWhereLivedBefore
                | FlagId::InPrisonBefore => Some(flag.text.clone()),
                // Warnings about an ending: the ending request says why it was not lawful (`Ending::Unlawful`).
                FlagId::LikelyUnlawfulEnding | FlagId::EndedWhileOnCto => None,
                // Information. A lawful top-up is in the charges request; the rest are explained on screen and
                // need no request: charges outside the duty, the 2025 Act, planning before discharge, moving
                // home, a merged ICB (point 2 mentions it when it matters), what services are free, budgets
                // (asked for as an option), section 17 leave (in point 1), and disputes between councils
                // (the dispute request).
                FlagId::LawfulTopUp
                | FlagId::ChargesOutsideDuty
                | FlagId::Mha2025NotInForce
                | FlagId::PlanBeforeDischarge
                | FlagId::MovedSince
                | FlagId::NhsBodyMerged
                | FlagId::ServicesMustMeetS117Needs
                | FlagId::PersonalBudgets
                | FlagId::OnLeave
                | FlagId::CouncilDispute => None,
            };
            if let Some(note) = note {
                if !self.notes.contains(&note) {
                    self.notes.push(note);
                }
            }
        }
    }

    /// Notes for every letter.
    pub(super) fn general_notes(&mut self) {
        self.flag_notes();
        let details = &self.request.details;
        // Blank fields are left out of the letter, never printed as lines; the user is told what to add.
        let (name, address) = match &details.writer {
            Some(w) => (field(w.name.as_ref()), address_lines(w.address.as_ref())),
            None => (
                field(details.person.name.as_ref()),
                address_lines(details.person.address.as_ref()),
            ),
        };
        if name.is_none() || address.is_empty() {
            self.notes
                .push(messages::text("letter.notes.add_sender").into());
        }
        if let Some(w) = &details.writer {
            if w.authority.is_none() {
                self.notes
                    .push(messages::text("letter.notes.authority").into());
            }
        }
        if self.audience.paired {
            self.notes
                .push(messages::text("letter.notes.paired").into());
        }
        if self.has_alternatives() {
            self.notes
                .push(messages::text("letter.notes.alternatives").into());
        }
        if self.tone == Tone::LetterBeforeClaim {
            self.notes
                .push(messages::text("letter.notes.before_claim").into());
        } else {
            let days = REPLY_WORKING_DAYS.to_string();
            self.notes.push(messages::fill(
                "letter.notes.reply_date",
                &[("days", &days)],
            ));
        }
    }
}
