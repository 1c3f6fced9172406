//! The person's words in the letter, and small helpers for the letter's prose.
//!
//! Writing for themself, the person is "I". When someone writes for them, "I" is the writer, and the person is
//! named at the first mention in each paragraph or request ("Margaret Wood", "Margaret Wood's") and is "they"
//! after that, so the name is not repeated in every clause. Without a name it is "the person named above".
//! [`Voice`] holds both sets of words with their verb forms ("Margaret Wood is", "they are", "I am"), all from
//! the catalogue (`letter.voice.…`), and [`Voice::slots`] gives them to a message's template as the parts `{n}`,
//! `{N}` (capitalised), `{n_poss}`, `{N_poss}`, `{they}`, `{They}`, `{them}`, `{their}`, `{Their}`, and the verbs
//! `{is}` (after `{n}`), `{has}` (after `{n}`), `{are}` (after `{they}`) and `{were}` (after `{they}`).

use crate::case::Section;
use crate::date::{Date, Precision};
use crate::messages;

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
    /// The same words capitalised, for the start of a sentence: `n`, `n_poss`, `they`, `their`.
    caps: [String; 4],
    /// The verbs: after `n`, "am"/"is" and "have"/"has"; after `they`, "am"/"are" and "was"/"were".
    verbs: [&'static str; 4],
}

impl Voice {
    pub(super) fn new(name: Option<&str>, own: bool) -> Voice {
        let (n, n_poss) = match (own, name) {
            (true, _) => (
                messages::text("letter.voice.i").to_owned(),
                messages::text("letter.voice.my").to_owned(),
            ),
            (false, Some(name)) => (
                name.to_owned(),
                messages::fill("letter.voice.possessive", &[("name", name)]),
            ),
            (false, None) => (
                messages::text("letter.voice.person_named_above").to_owned(),
                messages::text("letter.voice.their").to_owned(),
            ),
        };
        let (they, them, their) = if own {
            (
                messages::text("letter.voice.i"),
                messages::text("letter.voice.me"),
                messages::text("letter.voice.my"),
            )
        } else {
            (
                messages::text("letter.voice.they"),
                messages::text("letter.voice.them"),
                messages::text("letter.voice.their"),
            )
        };
        let verbs = if own {
            [
                messages::text("letter.voice.am"),
                messages::text("letter.voice.have"),
                messages::text("letter.voice.am"),
                messages::text("letter.voice.was"),
            ]
        } else {
            [
                messages::text("letter.voice.is"),
                messages::text("letter.voice.has"),
                messages::text("letter.voice.are"),
                messages::text("letter.voice.were"),
            ]
        };
        Voice {
            own,
            caps: [cap(&n), cap(&n_poss), cap(they), cap(their)],
            n,
            n_poss,
            they,
            them,
            their,
            verbs,
        }
    }

    /// The person's words as a template's parts (see the module's documentation), then `extra`.
    pub(super) fn slots<'a>(&'a self, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut slots = vec![
            ("n", self.n.as_str()),
            ("N", self.caps[0].as_str()),
            ("n_poss", self.n_poss.as_str()),
            ("N_poss", self.caps[1].as_str()),
            ("they", self.they),
            ("They", self.caps[2].as_str()),
            ("them", self.them),
            ("their", self.their),
            ("Their", self.caps[3].as_str()),
            ("is", self.verbs[0]),
            ("has", self.verbs[1]),
            ("are", self.verbs[2]),
            ("were", self.verbs[3]),
        ];
        slots.extend_from_slice(extra);
        slots
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
    let long = date.long();
    match date.precision() {
        Precision::Day => messages::fill("letter.date.on_day", &[("date", &long)]),
        Precision::Month | Precision::Year => {
            messages::fill("letter.date.in_month_or_year", &[("date", &long)])
        }
    }
}

/// "a", "a and b", "a, b and c".
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let list = init[1..].iter().fold(init[0].clone(), |list, next| {
                messages::fill("letter.list.comma", &[("list", &list), ("next", next)])
            });
            messages::fill("letter.list.and", &[("list", &list), ("last", last)])
        }
    }
}

/// Whole sentences, each already ending in its full stop, one after another in a paragraph; empty ones are left
/// out.
pub(super) fn sentences(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A section in words, as the letter writes it after "under": "section 3 (admission for treatment)".
pub(super) fn section_words(section: Section) -> &'static str {
    match section {
        Section::S2 => messages::text("letter.section.s2"),
        Section::S3 => messages::text("letter.section.s3"),
        Section::S4 => messages::text("letter.section.s4"),
        Section::S5_2 => messages::text("letter.section.s5_2"),
        Section::S5_4 => messages::text("letter.section.s5_4"),
        Section::S35 => messages::text("letter.section.s35"),
        Section::S36 => messages::text("letter.section.s36"),
        Section::S37 => messages::text("letter.section.s37"),
        Section::S37_41 => messages::text("letter.section.s37_41"),
        Section::S38 => messages::text("letter.section.s38"),
        Section::S45A => messages::text("letter.section.s45a"),
        Section::S47 => messages::text("letter.section.s47"),
        Section::S47_49 => messages::text("letter.section.s47_49"),
        Section::S48 => messages::text("letter.section.s48"),
        Section::S48_49 => messages::text("letter.section.s48_49"),
        Section::S135 => messages::text("letter.section.s135"),
        Section::S136 => messages::text("letter.section.s136"),
        Section::S7 => messages::text("letter.section.s7"),
        Section::Informal => messages::text("letter.section.informal"),
        Section::Unknown => messages::text("letter.section.unknown"),
    }
}
