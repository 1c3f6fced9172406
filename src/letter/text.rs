//! The letter as plain text, wrapped at [`WIDTH`] columns, with no markup.
//!
//! Headings stand on their own lines, numbered lists are numbered with hanging indents, and bulleted lists use
//! "- ". Widths are counted in characters (Unicode scalar values); a word longer than a line is broken, so very
//! long input never produces a line wider than [`WIDTH`].

use super::{Block, Letter};
use crate::messages;

/// The widest line, in characters.
pub const WIDTH: usize = 78;

/// The whole letter as plain text, ending with a new line.
///
/// The user notes ([`Letter::notes`]) are not part of the letter and are not included.
pub fn to_text(letter: &Letter) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in &letter.sender {
        lines.extend(wrap(line, WIDTH, "", ""));
    }
    lines.push(String::new());
    lines.push(letter.date.clone());
    lines.push(String::new());
    for (i, a) in letter.addressees.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        // The department, then the body's name when the checker knows it; never a line to fill in.
        lines.extend(wrap(&a.department, WIDTH, "", ""));
        if !a.name.is_empty() {
            lines.extend(wrap(&a.name, WIDTH, "", ""));
        }
        if let Some(why) = &a.why {
            lines.extend(wrap(
                &messages::fill("letter.addressees.why_in_brackets", &[("why", why)]),
                WIDTH,
                "",
                "",
            ));
        }
    }
    lines.push(String::new());
    lines.extend(wrap(&letter.subject, WIDTH, "", ""));
    blocks(&mut lines, &letter.blocks);
    if !letter.annex.is_empty() {
        // The annex starts on a new page: a form feed on a line of its own.
        lines.push(String::new());
        lines.push("\u{000C}".to_owned());
        lines.push(String::new());
        blocks(&mut lines, &letter.annex);
    }
    lines.push(String::new());
    lines.push(String::new());
    lines.extend(wrap(&letter.footer, WIDTH, "", ""));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Writes blocks as text lines, each after a blank line.
fn blocks(lines: &mut Vec<String>, blocks: &[Block]) {
    for block in blocks {
        lines.push(String::new());
        match block {
            Block::Heading { text } | Block::Paragraph { text } => {
                lines.extend(wrap(text, WIDTH, "", ""))
            }
            Block::List { ordered, items } => {
                let digits = items.len().to_string().len();
                for (n, item) in items.iter().enumerate() {
                    if n > 0 && *ordered {
                        lines.push(String::new());
                    }
                    let (first, rest) = if *ordered {
                        let number = format!("{}.", n + 1);
                        (
                            format!("{number:<width$} ", width = digits + 1),
                            " ".repeat(digits + 2),
                        )
                    } else {
                        ("- ".to_owned(), "  ".to_owned())
                    };
                    lines.extend(wrap(item, WIDTH, &first, &rest));
                }
            }
            Block::Signature { lines: signature } => {
                for line in signature {
                    lines.extend(wrap(line, WIDTH, "", ""));
                }
            }
        }
    }
}

/// What comes between two letters in [`to_text_all`]: a rule line under the first letter, then a form feed on a
/// line of its own, so a printer starts the next letter on a new page and a reader on screen sees where it begins.
pub const SEPARATOR: &str =
    "\n------------------------------------------------------------------------------\n\u{000C}\n";

/// Several letters as one plain text, in order, each as [`to_text`] writes it, with [`SEPARATOR`] between them.
/// One letter gives exactly [`to_text`]'s text.
///
/// # Examples
///
/// ```
/// # let request: s117::letter::LetterRequest = serde_json::from_str(r#"{"date": "2026-11-23",
/// #   "case": {"as_at": "2026-11-23"}, "to": "each"}"#).unwrap();
/// use s117::letter::{render_all, to_text_all};
/// let text = to_text_all(&render_all(&request));
/// assert_eq!(text.matches('\u{000C}').count(), 1);
/// ```
pub fn to_text_all(letters: &[Letter]) -> String {
    letters
        .iter()
        .map(to_text)
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// Wraps a paragraph to `width` characters, with a prefix for the first line and another for the rest.
///
/// An empty paragraph gives one line holding just the first prefix, trimmed.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut len = first.chars().count();
    let mut prefix_len = len;
    let mut empty = true;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let space = usize::from(!empty);
            if len + space + word.len() <= width {
                if !empty {
                    line.push(' ');
                }
                line.extend(word.iter());
                len += space + word.len();
                empty = false;
                break;
            }
            if !empty {
                lines.push(std::mem::take(&mut line));
                line.push_str(rest);
                len = rest.chars().count();
                prefix_len = len;
                empty = true;
                continue;
            }
            // A word longer than a whole line: break it.
            let room = width.saturating_sub(prefix_len).max(1);
            let tail = word.split_off(room.min(word.len()));
            line.extend(word.iter());
            lines.push(std::mem::take(&mut line));
            line.push_str(rest);
            len = rest.chars().count();
            prefix_len = len;
            word = tail;
            if word.is_empty() {
                break;
            }
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width_with_hanging_indent() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap(text, 16, "1. ", "   ");
        assert_eq!(
            lines,
            [
                "1. one two three",
                "   four five six",
                "   seven eight",
                "   nine ten"
            ]
        );
        for line in &lines {
            assert!(line.chars().count() <= 16);
        }
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let long = "x".repeat(200);
        let lines = wrap(&format!("a {long} b"), 78, "- ", "  ");
        assert!(lines.iter().all(|l| l.chars().count() <= 78), "{lines:?}");
        let joined: String = lines
            .iter()
            .map(|l| l.trim_start_matches(['-', ' ']))
            .collect();
        assert_eq!(joined.matches('x').count(), 200);
        assert!(lines.last().unwrap().ends_with('b'));
    }

    #[test]
    fn counts_characters_not_bytes() {
        let lines = wrap("éééé ééé", 8, "", "");
        assert_eq!(lines, ["éééé ééé"]);
    }

    #[test]
    fn empty_text_gives_one_line() {
        assert_eq!(wrap("", 78, "", ""), [""]);
        assert_eq!(wrap("   ", 78, "1. ", "   "), ["1."]);
    }
}
