//! Every word the product shows a person, in one catalogue per language, keyed by message id.
//!
//! A catalogue is a list of sections, one per part of the product, each a list of `(message id, text)`:
//! the interview's questions ([`en_gb::interview`]), and beside it the other parts' words as they move here. The ids
//! are dotted (`detentions.section.question`, `choice.section.3`); a text may name values to fill in braces
//! (`{council}`), filled by [`fill`]. Only en-GB exists so far; Welsh goes beside it as `cy`, the same ids
//! translated, chosen by [`Lang`] — a translation, not a code change.
//!
//! Why not Fluent: measured on 20 messages with placeholders, in the widget's release profile and `wasm-opt -Oz`,
//! `fluent-bundle` 0.16 added 57 KB gzip (71.6 KB against 14.6 KB for this table) and was 1.5 to 3 times slower per
//! message; the plain table does what the product needs (whole templates, `{name}` slots, one catalogue per
//! language).
//!
//! # Who the words are about
//!
//! The decision's words (and the result page's) speak to the person ("you are owed"). When someone else fills the
//! checker in for them, or an adviser uses it, they speak of the person instead: a message with a `.other` form
//! (`summary.entitled.other`: "{Name} appears to be owed…") is used in its place, its `{name}` (and `{Name}`, the
//! same capitalised for the start of a sentence) filled with the way the person is referred to ("my father",
//! "Robert", "the person"). [`in_voice`] sets that for one call (the rules' `evaluate`), so every message filled
//! inside it, however deep, speaks of the person, and none of the several hundred places that fill a message need
//! to carry it; outside such a call, and with no name, every message is in the second person. A `.other` form
//! reached through [`text`] (a phrase with no slots) says "they", never `{name}`; `tests/meta.rs` fails on a
//! message with "you" or "your" that has no `.other` form and is not on its list of words addressed to the reader.
//!
//! Look-ups go through an index built once per catalogue (a binary search on a hash of the id, not a scan of a
//! thousand entries); a missing id gives the id itself, so a slip shows on the page instead of panicking, and the
//! meta test
//! `every_message_id_used_exists` in `tests/meta.rs` fails on it first.

pub mod en_gb;

use std::cell::RefCell;
use std::sync::OnceLock;
use std::thread::LocalKey;

/// A catalogue: its sections, each a list of (message id, text).
pub type Catalogue = &'static [&'static [(&'static str, &'static str)]];

/// The languages the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, as written in the United Kingdom.
    #[default]
    EnGb,
}

impl Lang {
    /// The language's catalogue.
    pub fn catalogue(self) -> Catalogue {
        match self {
            Lang::EnGb => en_gb::CATALOGUE,
        }
    }

    /// The index of its catalogue, built on first use: each entry under a hash of its id, sorted by that hash.
    fn index(self) -> &'static [Entry] {
        static EN_GB: OnceLock<Vec<Entry>> = OnceLock::new();
        let cell = match self {
            Lang::EnGb => &EN_GB,
        };
        cell.get_or_init(|| {
            let mut all: Vec<Entry> = self
                .catalogue()
                .iter()
                .flat_map(|s| s.iter())
                .map(|&(id, text)| Entry {
                    hash: hash(id),
                    id,
                    text,
                    slots: slots(text),
                })
                .collect();
            all.sort_unstable_by_key(|e| (e.hash, e.id));
            all
        })
    }
}

/// An entry of a catalogue's index: the hash of the id, the id, the text, and where its `{name}` parts are.
#[derive(Debug)]
struct Entry {
    hash: u64,
    id: &'static str,
    text: &'static str,
    /// Each `{` of the text with the first `}` after it, as byte offsets: found once, when the index is built, so
    /// that filling a message does not search its text (a firm's screen fills several on every row).
    slots: Box<[(usize, usize)]>,
}

/// Each `{` in `text` with the first `}` after it (a `{` with none after it is no slot).
fn slots(text: &str) -> Box<[(usize, usize)]> {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'{')
        .filter_map(|(open, _)| {
            let close = bytes[open + 1..].iter().position(|&b| b == b'}')?;
            Some((open, open + 1 + close))
        })
        .collect()
}

/// FNV-1a over the id's bytes. Ids share long prefixes ("reason.responsible_council."), so comparing hashes first
/// spares the byte-by-byte comparisons a search by id makes at every step (measured: about a fifth of the time of
/// screening a row went on them).
fn hash(id: &str) -> u64 {
    hash_on(0xcbf2_9ce4_8422_2325, id)
}

/// FNV-1a carried on over more bytes: `hash_on(hash(a), b) == hash(a + b)`.
fn hash_on(h: u64, more: &str) -> u64 {
    more.bytes().fold(h, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The text of a message in a language, if the catalogue has it.
pub fn lookup(lang: Lang, id: &str) -> Option<&'static str> {
    find(lang, hash(id), |key| key == id).map(|e| e.text)
}

/// The entry under hash `h` whose id `is` the one sought.
fn find(lang: Lang, h: u64, is: impl Fn(&str) -> bool) -> Option<&'static Entry> {
    let index = lang.index();
    let from = index.partition_point(|e| e.hash < h);
    index[from..]
        .iter()
        .take_while(|e| e.hash == h)
        .find(|e| is(e.id))
}

/// The way the person is referred to, as given ("my father") and capitalised ("My father").
#[derive(Debug, Clone)]
struct About {
    name: String,
    capital: String,
}

thread_local! {
    /// Who the words filled now are about: `None` for the person reading them ("you").
    static ABOUT: RefCell<Option<About>> = const { RefCell::new(None) };
    /// Only the words of the next steps are wanted (see [`next_steps_only`]).
    static NEXT_STEPS_ONLY: RefCell<bool> = const { RefCell::new(false) };
}

/// Runs `f` with the thread's `key` set to `value`, and puts back what it held before however `f` ends.
fn set_while<V: 'static, T>(
    key: &'static LocalKey<RefCell<V>>,
    value: V,
    f: impl FnOnce() -> T,
) -> T {
    /// Puts back the value from before when dropped.
    struct Restore<V: 'static>(&'static LocalKey<RefCell<V>>, Option<V>);
    impl<V> Drop for Restore<V> {
        fn drop(&mut self) {
            if let Some(before) = self.1.take() {
                self.0.with_borrow_mut(|now| *now = before);
            }
        }
    }
    let before = key.with_borrow_mut(|now| std::mem::replace(now, value));
    let _restore = Restore(key, Some(before));
    f()
}

/// Runs `f` filling only the messages a screen's triage shows of a decision (the next steps, `next_step.…`, and
/// the parts they and the bodies' names are made of, `part.…` but for those only reasons use, and `list.…`; see
/// [`wanted`]); every other message filled inside it is left empty. A firm's screen writes no reasons, flags' words
/// or explanations, and filling them was about a fifth of its time. Nothing a rule decides depends on a message's
/// words: `tests/screen_words.rs` checks that what a triage reads is the same either way.
pub fn next_steps_only<T>(f: impl FnOnce() -> T) -> T {
    set_while(&NEXT_STEPS_ONLY, true, f)
}

/// Is this message left empty now ([`next_steps_only`])? Everything but the next steps, the lists, and the parts
/// other than those only reasons are made of (a stay described, a place, the ICB rules, conditions, maximum lengths,
/// prefaces): a body's name or a next step may be made of any other part.
fn unwanted(id: &str) -> bool {
    /// The parts only reasons and explanations are made of.
    const REASONS_ONLY: [&str; 11] = [
        "part.detention",
        "part.place.",
        "part.stay",
        "part.your_stay",
        "part.later_stay",
        "part.icb_rule.",
        "part.inconsistent.",
        "part.if.",
        "part.maximum.",
        "part.preface.",
        "part.likely.",
    ];
    NEXT_STEPS_ONLY.with_borrow(|only| *only)
        && (!(id.starts_with("next_step.") || id.starts_with("part.") || id.starts_with("list."))
            || REASONS_ONLY.iter().any(|p| id.starts_with(p)))
}

/// Will this message be filled now, or left empty ([`next_steps_only`])? For a caller whose words take work to
/// build before they are filled (a stay described with its dates).
pub fn wanted(id: &str) -> bool {
    !unwanted(id)
}

/// Runs `f` with every message it fills speaking of the person as `name` ("my father", "Robert", "the person")
/// instead of "you"; `None` (or a blank name) keeps the second person. The voice before is restored after.
pub fn in_voice<T>(name: Option<&str>, f: impl FnOnce() -> T) -> T {
    let about = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| About {
            name: n.to_owned(),
            capital: capitalise(n),
        });
    set_while(&ABOUT, about, f)
}

/// Upper-cases the first character ("my father" → "My father").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    let mut out = String::with_capacity(text.len() + 2);
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    out
}

/// Is a voice other than "you" set (see [`in_voice`])?
fn is_third_person() -> bool {
    ABOUT.with_borrow(Option::is_some)
}

/// A message's `.other` form (the third person), when words are about someone else and it has one.
fn other(id: &str) -> Option<&'static Entry> {
    if !is_third_person() {
        return None;
    }
    // `{id}.other`, found without writing it out: this runs for every message of every row a firm screens.
    const OTHER: &str = ".other";
    let h = hash_on(hash(id), OTHER);
    find(Lang::EnGb, h, |key| {
        key.len() == id.len() + OTHER.len() && key.starts_with(id) && key.ends_with(OTHER)
    })
}

/// The en-GB text of a message; the id itself when there is none (a slip the meta test catches). Always the
/// second person: [`say`] and [`fill`] speak of the person when the words are about someone else.
pub fn text(id: &str) -> &str {
    lookup(Lang::EnGb, id).unwrap_or(id)
}

/// The en-GB text of a message with no values to fill, in the voice set by [`in_voice`]: its `.other` form, with
/// `{name}` and `{Name}` filled, when the words are about someone else.
pub fn say(id: &str) -> String {
    fill(id, &[])
}

/// The en-GB text of a message with its `{name}` parts filled from `values`. A part with no value is left as
/// written. When the words are about someone else (see [`in_voice`]), its `.other` form with `{name}` and `{Name}`
/// filled as well.
pub fn fill(id: &str, values: &[(&str, &str)]) -> String {
    if unwanted(id) {
        return String::new();
    }
    match other(id) {
        Some(entry) => ABOUT.with_borrow(|about| {
            let mut all = values.to_vec();
            if let Some(a) = about {
                all.push(("name", &a.name));
                all.push(("Name", &a.capital));
            }
            fill_slots(entry.text, &entry.slots, &all)
        }),
        None => match find(Lang::EnGb, hash(id), |key| key == id) {
            Some(entry) => fill_slots(entry.text, &entry.slots, values),
            None => fill_text(id, values),
        },
    }
}

/// A catalogue text with its `{name}` parts (at `slots`) filled from `values`, as [`fill_text`] fills them.
fn fill_slots(text: &str, slots: &[(usize, usize)], values: &[(&str, &str)]) -> String {
    let room = text.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>();
    let mut out = String::with_capacity(room);
    let mut from = 0;
    for &(open, close) in slots {
        // A slot inside a value filled before it is part of the text no longer.
        if open < from {
            continue;
        }
        let name = &text[open + 1..close];
        if let Some((_, value)) = values.iter().find(|(n, _)| *n == name) {
            out.push_str(&text[from..open]);
            out.push_str(value);
            from = close + 1;
        }
    }
    out.push_str(&text[from..]);
    out
}

/// A text with its `{name}` parts filled from `values`, in one pass: a value containing braces is not filled again.
pub fn fill_text(text: &str, values: &[(&str, &str)]) -> String {
    // Room for the text and every value once: one allocation for nearly every message.
    let room = text.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>();
    let mut out = String::with_capacity(room);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((*value, close))
        });
        match filled {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_ids_are_unique_in_each_catalogue() {
        let mut ids: Vec<&str> = Lang::EnGb
            .catalogue()
            .iter()
            .flat_map(|s| s.iter().map(|(id, _)| *id))
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "a message id is given twice");
    }

    #[test]
    fn messages_look_up_and_fill() {
        assert_eq!(text("answer.yes"), "Yes");
        assert_eq!(text("no.such.message"), "no.such.message");
        assert_eq!(
            fill_text(
                "Ask {council} and {nhs}.",
                &[("council", "Leeds {nhs}"), ("nhs", "the ICB")]
            ),
            "Ask Leeds {nhs} and the ICB."
        );
        assert_eq!(fill_text("{unknown} and {", &[]), "{unknown} and {");
    }

    #[test]
    fn filling_at_the_slots_found_once_fills_as_searching_does() {
        let values = [("a", "A {b}"), ("b", "B"), ("c", "")];
        for text in [
            "{a} and {b}",
            "{a{b}",
            "{{b}}",
            "{unknown} {b} {",
            "}{b}{",
            "no slots",
            "{c}{c}{a}",
            "",
        ] {
            assert_eq!(
                fill_slots(text, &slots(text), &values),
                fill_text(text, &values),
                "{text}"
            );
        }
    }
}
