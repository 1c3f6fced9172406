//! The ombudsmen the letter names for what happens if there is no reply.

use super::compose::Composer;
use crate::sources::{Citation, LGSCO, PHSO, PSOW};

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
