//! The confirmation-request letter: whole-letter snapshots, the form of the text (citations, footer, wrapping, the
//! reply date), and the letter's code (it never names the rules; every message it names exists).
//!
//! Each scenario's letter (plain text) is an `insta` snapshot, `tests/snapshots/letter__NAME.snap`, so a reviewer
//! sees every letter in the diff. After a deliberate change, run `INSTA_UPDATE=new cargo test --test letter`, read
//! each `.snap.new` as a patient would, and move it over its `.snap` (README, Tests). With `CI` set nothing is
//! written and a changed letter fails. The scenarios are in `tests/common/letters.rs`; the other letter tests are
//! `tests/letter_addressees.rs`, `letter_contents.rs`, `letter_docx.rs` and `letter_input.rs`.
#[path = "common/letters.rs"]
mod letters;

use letters::{all_letters, scenarios, words};
use s117::letter::{render, render_all, to_text, to_text_all};
use std::path::PathBuf;

/// Where `insta` keeps the snapshot of the scenario `name`.
fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("letter__{name}.snap"))
}

#[test]
fn letters_match_their_snapshots() {
    // Every letter is compared, so one run writes a `.snap.new` for each that changed (see the README's Tests).
    let mut failed = Vec::new();
    for (name, req) in scenarios() {
        let text = to_text_all(&render_all(&req));
        // insta ignores white space at the end; a letter ends with exactly one newline.
        assert_eq!(
            format!("{}\n", text.trim_end()),
            text,
            "{name}: a letter ends with one newline"
        );
        if std::panic::catch_unwind(|| insta::assert_snapshot!(name, text)).is_err() {
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "letters differ from their snapshots: {failed:?}. Run INSTA_UPDATE=new cargo test --test letter and read each \
         tests/snapshots/*.snap.new; if every change is intended, run INSTA_UPDATE=always cargo test --test letter, \
         delete the .snap.new files and commit the .snap files (README, Tests)"
    );
}

#[test]
fn every_scenario_has_a_snapshot_and_no_stray_snapshots() {
    let names: Vec<&str> = scenarios().iter().map(|(n, _)| *n).collect();
    assert!(names.len() >= 10);
    for name in &names {
        assert!(snapshot_path(name).is_file(), "{name} has no snapshot");
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = file
            .strip_prefix("letter__")
            .and_then(|f| f.strip_suffix(".snap"))
        {
            assert!(
                names.contains(&stem),
                "stray snapshot {file}: no scenario writes it"
            );
        }
    }
}

#[test]
fn every_citation_is_shown_by_its_label() {
    for (name, letter) in all_letters() {
        let text = words(&letter);
        assert!(!letter.citations.is_empty(), "{name}");
        for c in &letter.citations {
            assert!(
                text.contains(c.label),
                "{name}: {} is cited but its label is not in the text",
                c.id
            );
            assert!(
                s117::sources::by_id(c.id).is_some(),
                "{name}: {} is not in the registry",
                c.id
            );
        }
    }
}

#[test]
fn footer_names_the_rules_version_and_law_date() {
    let law_date = s117::rules::LAW_DATE
        .parse::<s117::date::Date>()
        .unwrap()
        .long();
    for (name, letter) in all_letters() {
        assert!(letter.footer.contains(s117::rules::RULES_VERSION), "{name}");
        assert!(letter.footer.contains(&law_date), "{name}");
        assert!(letter.footer.contains("not legal advice"), "{name}");
        assert!(to_text(&letter).contains("screening tool"), "{name}");
    }
}

#[test]
fn text_is_wrapped_at_78_columns() {
    for (name, req) in scenarios() {
        // A form feed on a line of its own separates two letters.
        for line in to_text_all(&render_all(&req))
            .lines()
            .filter(|l| *l != "\u{000C}")
        {
            assert!(line.chars().count() <= 78, "{name}: {line:?}");
            assert_eq!(line, line.trim_end(), "{name}: trailing space in {line:?}");
        }
    }
}

#[test]
fn reply_by_skips_weekends_and_bank_holidays() {
    // Friday 19 December 2025: 25 and 26 December and 1 January are bank holidays. Counted by hand:
    // 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20, 21 Jan.
    let mut req = scenarios().remove(0).1;
    req.date = "2025-12-19".parse().unwrap();
    let letter = render(&req);
    assert_eq!(letter.reply_by.to_string(), "2026-01-21");
    let text = words(&letter);
    assert!(text.contains("Please reply in writing by 21 January 2026."));
    // Time limits are never counted from the reply date (s117-rules.md §11.4): no ombudsman date a year after it,
    // no judicial review date three months after it.
    assert!(
        !text.contains("21 January 2027"),
        "ombudsman date from the reply date"
    );
    assert!(
        !text.contains("21 April 2026"),
        "judicial review date from the reply date"
    );
    assert!(!text.contains("date a reply is due"));
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files_under(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The letter takes every legal fact from the Decision: no file under `src/letter` reaches into the rules.
#[test]
fn the_letter_never_names_the_rules() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/letter");
    for file in rust_files_under(&dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("crate::rules") && !line.contains("rules::"),
                "{}:{} names the rules; take the fact from the Decision instead: {line}",
                file.display(),
                n + 1
            );
        }
    }
}

/// Every message id the letter's code names (a quoted `"letter.…"`, wherever rustfmt put it) is in the
/// catalogue, and every message in the letter's section of the catalogue is named by the letter's code.
#[test]
fn every_letter_message_named_exists_and_every_one_is_named() {
    use s117::messages::{en_gb, lookup, Lang};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/letter");
    let mut code = String::new();
    for file in rust_files_under(&dir) {
        code.push_str(&std::fs::read_to_string(&file).unwrap());
    }
    let mut named = Vec::new();
    for (i, _) in code.match_indices("\"letter.") {
        let rest = &code[i + 1..];
        let end = rest.find('"').unwrap();
        named.push(&rest[..end]);
    }
    for id in &named {
        assert!(
            lookup(Lang::EnGb, id).is_some(),
            "message {id} is named in src/letter but not in the catalogue"
        );
    }
    for (id, _) in en_gb::letter::TEXTS {
        assert!(
            named.contains(id),
            "message {id} is never used by the letter"
        );
    }
}
