//! The person's words in the letter, and small helpers for the letter's prose.
//!
//! Writing for themself, the person is "I". When someone writes for them, "I" is the writer, and the person is
//! named at the first mention in each paragraph or request ("Margaret Wood", "Margaret Wood's") and is "they"
//! after that, so the name is not repeated in every clause. Without a name it is "the person named above".
//! [`Voice`] holds both sets of words with their verb forms ("Margaret Wood is", "they are", "I am").

use crate::date::{Date, Precision};

/// The words for the person, at first mention (`n…`) and after it (`they…`), with their verb forms.
#[derive(Debug, Clone)]
pub(super) struct Voice {
    /// The person is writing for themself.
    pub(super) own: bool,
    /// First mention as subject: "I", "Margaret Wood", "the person named above".
    pub(super) n: String,
    /// First mention as possessive: "my", "Margaret Wood's", "their".
    pub(super) n_poss: String,
    /// Later mentions: "I" or "they".
    pub(super) they: &'static str,
    /// "me" or "them".
    pub(super) them: &'static str,
    /// "my" or "their".
    pub(super) their: &'static str,
}

impl Voice {
    pub(super) fn new(name: Option<&str>, own: bool) -> Voice {
        let (n, n_poss) = match (own, name) {
            (true, _) => ("I".to_owned(), "my".to_owned()),
            (false, Some(name)) => (name.to_owned(), format!("{name}'s")),
            (false, None) => ("the person named above".to_owned(), "their".to_owned()),
        };
        Voice {
            own,
            n,
            n_poss,
            they: if own { "I" } else { "they" },
            them: if own { "me" } else { "them" },
            their: if own { "my" } else { "their" },
        }
    }
    /// `own` when the person is writing for themself, `other` when someone writes for them.
    pub(super) fn pick(&self, own: &'static str, other: &'static str) -> &'static str {
        if self.own {
            own
        } else {
            other
        }
    }
    /// After the first mention: "am" or "is".
    pub(super) fn be_n(&self) -> &'static str {
        self.pick("am", "is")
    }
    /// After the first mention: "have" or "has".
    pub(super) fn have_n(&self) -> &'static str {
        self.pick("have", "has")
    }
    /// After "they": "am" or "are".
    pub(super) fn be_they(&self) -> &'static str {
        self.pick("am", "are")
    }
    /// After "they": "was" or "were".
    pub(super) fn was_they(&self) -> &'static str {
        self.pick("was", "were")
    }
}

/// Upper-cases the first character.
pub(super) fn cap(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "on 1 March 2025", "in March 2025", "in 2025".
pub(super) fn on(date: Date) -> String {
    match date.precision() {
        Precision::Day => format!("on {}", date.long()),
        Precision::Month | Precision::Year => format!("in {}", date.long()),
    }
}

/// "a", "a and b", "a, b and c".
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}
