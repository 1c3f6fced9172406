//! Code health: the conventions in ARCHITECTURE.md, checked so they stay true.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! module doc",
            file.display()
        );
    }
}

#[test]
fn only_the_binding_file_knows_about_javascript() {
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        if file.ends_with("wasm.rs") {
            continue;
        }
        assert!(
            !text.contains("wasm_bindgen"),
            "{} mentions wasm_bindgen",
            file.display()
        );
    }
}

/// Files that may touch the outside world, each with why: the command line, and nothing else.
/// Everything else under `src/` is the library, compiled to wasm and run in the browser, and stays pure
/// (`src/api.rs` included: it takes and returns strings and never reads a file).
const IMPURE_EXEMPT: [(&str, &str); 2] = [
    (
        "src/bin/s117/main.rs",
        "the `s117` binary: reads its arguments (std::env), the case from a file or stdin, writes --out files, sets the exit code (std::process)",
    ),
    (
        "src/bin/s117/screen.rs",
        "`s117 screen`: reads the enquiries from a file or stdin, writes the triage and error files, sets the exit code",
    ),
];

/// Paths that reach a clock, the file system, the network, the process, the environment or randomness.
/// Matched as whole identifiers, so `time_limits::` or `brand` are not caught but `fs::read` after
/// `use std::{fs}` is.
const IMPURE: [&str; 20] = [
    "std::time",
    "SystemTime",
    "Instant::now",
    "std::fs",
    "fs::",
    "File::",
    "std::net",
    "net::",
    "std::process",
    "process::",
    "std::env",
    "env::",
    "std::io::stdin",
    "std::io::stdout",
    "std::io::stderr",
    "rand",
    "getrandom",
    "chrono::Local",
    "Local::now",
    "Utc::now",
];

/// Is `c` a character of a Rust identifier?
fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Does `text` contain `pattern` as a whole: where the pattern starts (or ends) with an identifier character,
/// the character before (or after) it in `text` must not be one. `MHA_1983_S117` is not in `MHA_1983_S117_2`.
fn uses_identifier(text: &str, pattern: &str) -> bool {
    let open_start = pattern.starts_with(is_ident_char);
    let open_end = pattern.ends_with(is_ident_char);
    text.match_indices(pattern).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + pattern.len()..].chars().next();
        let joined_before = open_start && before.is_some_and(is_ident_char);
        let joined_after = open_end && after.is_some_and(is_ident_char);
        !(joined_before || joined_after)
    })
}

/// Is this line a comment (`//`, `///`, `//!`)? A comment naming a thing is not a use of it.
fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with("//")
}

/// `text` without its comment lines.
fn code_only(text: &str) -> String {
    text.lines()
        .filter(|l| !is_comment(l))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Every impure path in `text`'s code, with its line number.
fn impure_uses(text: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if is_comment(line) {
            continue;
        }
        for banned in IMPURE {
            if uses_identifier(line, banned) {
                found.push((n + 1, banned));
            }
        }
    }
    found
}

#[test]
fn uses_identifier_matches_whole_identifiers_only() {
    assert!(!uses_identifier(
        "cites: &[MHA_1983_S117_2]",
        "MHA_1983_S117"
    ));
    assert!(!uses_identifier("X_MHA_1983_S117", "MHA_1983_S117"));
    assert!(uses_identifier("cites: &[MHA_1983_S117]", "MHA_1983_S117"));
    assert!(uses_identifier("MHA_1983_S117", "MHA_1983_S117"));
    assert!(uses_identifier("sources::MHA_1983_S117,", "MHA_1983_S117"));
    assert!(!uses_identifier("mod time_limits;", "time"));
    assert!(uses_identifier("std::fs::File::open", "File::"));
    assert!(!uses_identifier("NamedFile::open", "File::"));
}

#[test]
fn the_purity_scanner_finds_what_it_bans() {
    let text =
        "//! Never calls std::fs in a comment.\nfn f() {\n    let _ = std::fs::read(\"x\");\n}\n";
    assert_eq!(impure_uses(text), vec![(3, "std::fs"), (3, "fs::")]);
    assert_eq!(
        impure_uses("use std::{env, fs};\nlet t = fs::read_to_string(p);"),
        vec![(2, "fs::")]
    );
    assert_eq!(impure_uses("let x = rand::random();"), vec![(1, "rand")]);
    assert_eq!(
        impure_uses("let t = chrono::Utc::now();"),
        vec![(1, "Utc::now")]
    );
    assert_eq!(
        impure_uses("mod time_limits; let brand = operand; env!(\"X\");"),
        vec![]
    );
}

#[test]
fn the_library_has_no_clock_file_system_network_or_randomness() {
    for (path, why) in IMPURE_EXEMPT {
        assert!(
            root().join(path).is_file(),
            "exempt {path} ({why}) is gone: drop it from the list"
        );
    }
    let mut failures = Vec::new();
    for file in rust_files(&root().join("src")) {
        let relative = file
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if IMPURE_EXEMPT.iter().any(|(path, _)| *path == relative) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for (line, banned) in impure_uses(&text) {
            failures.push(format!("{relative}:{line}: {banned}"));
        }
    }
    assert!(
        failures.is_empty(),
        "the library must stay pure (the date is an input; I/O belongs to the command line):\n{}",
        failures.join("\n")
    );
}

/// The signatures (up to the body or `;`) of every `is_*` or `has_*` function in `text`'s code, whatever its
/// visibility or qualifiers (`pub(crate) const fn`) and however many lines the signature takes.
fn is_and_has_signatures(text: &str) -> Vec<String> {
    let code = code_only(text);
    let mut found = Vec::new();
    for (i, _) in code.match_indices("fn ") {
        if code[..i].chars().next_back().is_some_and(is_ident_char) {
            continue;
        }
        let rest = &code[i + 3..];
        if rest.starts_with("is_") || rest.starts_with("has_") {
            let end = rest.find(['{', ';']).unwrap_or(rest.len());
            found.push(rest[..end].split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    found
}

#[test]
fn the_is_and_has_scanner_reads_whole_signatures() {
    let text = "pub(crate) const fn is_a(x: u8) -> u8 { x }\nfn has_b(\n    x: u8,\n) -> bool {\n    true\n}\nfn this_is_c() -> u8 { 1 }\n/// fn is_d() -> u8\n";
    assert_eq!(
        is_and_has_signatures(text),
        vec!["is_a(x: u8) -> u8", "has_b( x: u8, ) -> bool"]
    );
}

#[test]
fn is_and_has_functions_return_bool() {
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        for signature in is_and_has_signatures(&text) {
            assert!(
                signature.ends_with("-> bool"),
                "{}: fn {signature} must return bool",
                file.display()
            );
        }
    }
}

/// Does `text` contain `url` whole, not as the start of a longer URL (`…/section/117` is not in `…/section/117A`)?
/// A full stop after it ends it only if no letter or digit follows.
fn contains_url(text: &str, url: &str) -> bool {
    text.match_indices(url).any(|(i, _)| {
        let mut rest = text[i + url.len()..].chars();
        match rest.next() {
            None => true,
            Some('.') => !rest.next().is_some_and(char::is_alphanumeric),
            Some(c) => !(c.is_alphanumeric() || "/-_~?#=&%".contains(c)),
        }
    })
}

#[test]
fn contains_url_matches_whole_urls_only() {
    let url = "https://www.legislation.gov.uk/ukpga/1983/20/section/117";
    assert!(!contains_url(&format!("| {url}A |"), url));
    assert!(!contains_url(&format!("{url}/2022-07-01"), url));
    assert!(!contains_url(&format!("{url}.html"), url));
    assert!(contains_url(&format!("| {url} |"), url));
    assert!(contains_url(&format!("see {url}."), url));
    assert!(contains_url(url, url));
}

#[test]
fn sources_md_and_the_registry_agree() {
    let text = fs::read_to_string(root().join("SOURCES.md")).unwrap();
    let listed: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    for c in s117::sources::ALL {
        assert!(listed.contains(&c.id), "{} is not in SOURCES.md", c.id);
        assert!(
            contains_url(&text, c.url) || c.url.ends_with("/section/117"),
            "{}'s URL is not in SOURCES.md",
            c.id
        );
    }
    for id in &listed {
        assert!(
            s117::sources::by_id(id).is_some(),
            "SOURCES.md lists {id}, which the registry does not have"
        );
    }
}

#[test]
fn every_citation_is_used_by_a_rule_or_the_letter() {
    let sources = fs::read_to_string(root().join("src/sources.rs")).unwrap();
    let mut code = String::new();
    for file in rust_files(&root().join("src")) {
        if !file.ends_with("sources.rs") {
            code.push_str(&code_only(&fs::read_to_string(&file).unwrap()));
        }
    }
    for line in sources.lines() {
        let line = line.trim_start();
        let Some((name, _)) = line.split_once(" = \"") else {
            continue;
        };
        if name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && !name.is_empty()
        {
            assert!(
                uses_identifier(&code, name),
                "citation {name} is never used"
            );
        }
    }
}

#[test]
fn published_schemas_match_the_types() {
    for (_, file, schema) in s117::api::schemas() {
        let file = format!("schema/{file}");
        let path = root().join(&file);
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            fs::write(&path, &generated).unwrap();
        }
        let published = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            published == generated,
            "{file} is out of date: run `UPDATE_SCHEMAS=1 cargo test --test meta` and commit it"
        );
    }
}

#[test]
fn generated_first_question_matches_the_core() {
    let path = root().join("www/s117-questions.js");
    let generated = s117::api::first_question_js();
    if std::env::var_os("UPDATE_QUESTIONS").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let published = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "www/s117-questions.js is out of date: run `UPDATE_QUESTIONS=1 cargo test --test meta` and commit it"
    );
}

#[test]
fn generated_words_match_the_catalogue() {
    for (file, generated) in [
        ("www/s117-words.js", s117::api::widget_words_js()),
        ("www/screen/words.js", s117::api::screen_words_js()),
    ] {
        let path = root().join(file);
        if std::env::var_os("UPDATE_QUESTIONS").is_some() {
            fs::write(&path, &generated).unwrap();
        }
        let published = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            published == generated,
            "{file} is out of date: run `UPDATE_QUESTIONS=1 cargo test --test meta` and commit it"
        );
    }
}

#[test]
fn readme_documents_every_contract_value() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    for s in s117::case::Section::ALL {
        assert!(
            readme.contains(&format!("`\"{}\"`", s.code())),
            "README does not list section {}",
            s.code()
        );
    }
    for r in s117::decision::RuleId::ALL {
        assert!(
            readme.contains(&format!("`{}`", r.code())),
            "README does not list rule {}",
            r.code()
        );
    }
    for e in s117::decision::Entitlement::ALL {
        assert!(
            readme.contains(&format!("`{}`", e.code())),
            "README does not list {}",
            e.code()
        );
    }
}

/// Every value of `T` in its JSON Schema (the `enum` and `const` strings), as generated from the type itself.
fn schema_values<T: schemars::JsonSchema>() -> Vec<String> {
    fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("const", serde_json::Value::String(s)) => out.push(s.clone()),
                        ("enum", serde_json::Value::Array(values)) => {
                            out.extend(values.iter().filter_map(|v| v.as_str().map(str::to_owned)))
                        }
                        _ => collect(v, out),
                    }
                }
            }
            serde_json::Value::Array(values) => values.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    collect(
        &serde_json::to_value(schemars::schema_for!(T)).unwrap(),
        &mut out,
    );
    out.sort();
    out
}

/// The JSON names of `values`, sorted.
fn json_names<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    let mut out: Vec<String> = values
        .iter()
        .map(|v| match serde_json::to_value(v).unwrap() {
            serde_json::Value::String(s) => s,
            other => panic!("{other} is not a unit variant"),
        })
        .collect();
    out.sort();
    out
}

#[test]
fn schema_values_reads_every_value_of_an_enum() {
    let mut expected = vec![
        "cto_recall_not_revoked",
        "cto_revoked",
        "conditional_discharge_recall",
    ];
    expected.sort();
    assert_eq!(schema_values::<s117::case::Recall>(), expected);
    // One missing from a list is caught.
    assert_ne!(
        json_names(&s117::case::Recall::ALL[1..]),
        schema_values::<s117::case::Recall>()
    );
}

/// The `ALL` lists that tests walk are complete: a new variant fails here until it is added to `ALL`.
#[test]
fn every_all_list_has_every_variant() {
    use s117::case::{Leaving, Recall, Section};
    use s117::decision::{DeadlineKind, Entitlement, PeriodEnd, RuleId, StepId};
    assert_eq!(
        json_names(&Section::ALL),
        schema_values::<Section>(),
        "Section::ALL"
    );
    assert_eq!(
        json_names(&Leaving::ALL),
        schema_values::<Leaving>(),
        "Leaving::ALL"
    );
    assert_eq!(
        json_names(&Recall::ALL),
        schema_values::<Recall>(),
        "Recall::ALL"
    );
    assert_eq!(
        json_names(&Entitlement::ALL),
        schema_values::<Entitlement>(),
        "Entitlement::ALL"
    );
    assert_eq!(
        json_names(&RuleId::ALL),
        schema_values::<RuleId>(),
        "RuleId::ALL"
    );
    assert_eq!(
        json_names(&PeriodEnd::ALL),
        schema_values::<PeriodEnd>(),
        "PeriodEnd::ALL"
    );
    assert_eq!(
        json_names(&DeadlineKind::ALL),
        schema_values::<DeadlineKind>(),
        "DeadlineKind::ALL"
    );
    assert_eq!(
        json_names(&StepId::ALL),
        schema_values::<StepId>(),
        "StepId::ALL"
    );
}

/// The message ids named in code: the first argument of `messages::text("…")`, `messages::say("…")` or
/// `messages::fill("…", …)`.
fn message_ids_named(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["messages::text(", "messages::say(", "messages::fill("] {
        for (i, _) in code.match_indices(call) {
            // rustfmt may break a long call after its parenthesis.
            let rest = code[i + call.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            if let Some(end) = rest.find('"') {
                ids.push(rest[..end].to_owned());
            }
        }
    }
    ids
}

#[test]
fn message_ids_named_reads_literal_ids() {
    let code =
        "let a = messages::text(\"flag.x.title\"); messages::fill(\"next.y\", &[]); text(\"z\")";
    assert_eq!(message_ids_named(code), ["flag.x.title", "next.y"]);
}

/// Every message id the code names exists in the en-GB catalogue, and every message outside the interview's
/// section (whose ids are made from the facts, checked in `src/interview/mod.rs`) is named by some code: in the
/// Rust source or the widget's JavaScript, as a quoted string.
#[test]
fn every_message_id_used_exists_and_every_message_is_used() {
    use s117::messages::{en_gb, lookup, Lang};
    let mut code = String::new();
    for file in rust_files(&root().join("src")) {
        if !file.starts_with(root().join("src/messages")) {
            code.push_str(&code_only(&fs::read_to_string(&file).unwrap()));
        }
    }
    for id in message_ids_named(&code) {
        assert!(
            lookup(Lang::EnGb, &id).is_some(),
            "message {id} is named in the code but not in the catalogue"
        );
    }
    // The page's own code: the generated modules hold every id (words) or the interview's (the first page).
    let js: String = widget_js().into_iter().map(|(_, text)| text).collect();
    for section in en_gb::CATALOGUE {
        if std::ptr::eq(*section, en_gb::interview::TEXTS) {
            continue;
        }
        for (id, _) in *section {
            // A third-person form is used wherever the message it belongs to is (`messages::fill`, `_t()`).
            let base = id.strip_suffix(".other").unwrap_or(id);
            let quoted = [
                format!("\"{id}\""),
                format!("'{id}'"),
                format!("\"{base}\""),
                format!("'{base}'"),
            ];
            assert!(
                quoted
                    .iter()
                    .any(|q| code.contains(q.as_str()) || js.contains(q.as_str())),
                "message {id} is never used"
            );
        }
    }
}

/// The widget's and the screen page's own JavaScript: not the generated modules (the first page, the words), nor the
/// wasm glue.
fn widget_js() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for dir in ["www", "www/screen"] {
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let generated = path.ends_with("s117-questions.js")
                || path.ends_with("s117-words.js")
                || path.ends_with("words.js");
            if path.extension().is_some_and(|e| e == "js") && !generated {
                let text = fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}

/// A section of the Act named in code: a section's code quoted (`'37/41'`, `"3"`) or "section N" in words, other
/// than section 117 itself (the product's name).
fn section_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for section in s117::case::Section::ALL {
        let code = section.code();
        if code.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            for q in ['\'', '"', '`'] {
                if text.contains(&format!("{q}{code}{q}")) {
                    found.push(format!("{q}{code}{q}"));
                }
            }
        }
    }
    let lower = text.to_lowercase();
    for (i, _) in lower.match_indices("section ") {
        let number: String = lower[i + 8..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        if number.starts_with(|c: char| c.is_ascii_digit()) && number != "117" {
            found.push(format!("section {number}"));
        }
    }
    found
}

#[test]
fn section_numbers_finds_codes_and_words() {
    assert_eq!(
        section_numbers("if (s === '37/41') x; // Section 3"),
        ["'37/41'", "section 3"]
    );
    assert!(section_numbers("section 117 of the Act; padStart(2, '0')").is_empty());
}

/// No JavaScript of the widget knows a section of the Act or a rule: which questions to ask and what they mean come
/// from the core's interview (`src/interview/`).
#[test]
fn the_widget_knows_no_section_number() {
    for (path, text) in widget_js() {
        let found = section_numbers(&text);
        assert!(found.is_empty(), "{} names {found:?}", path.display());
    }
}

/// The decision's and the result page's messages that speak to the reader, whoever that is (the person, a relative or
/// an adviser), and so need no third-person `.other` form although they say "you" or "your": what you told us, your
/// answers, your letter, help for you.
const ADDRESSED_TO_THE_READER: &[&str] = &[
    "summary.ended.not_running",
    "reason.jurisdiction.all_elsewhere",
    "reason.left_hospital.died",
    "refund.estimate.basis",
    "flag.charges_outside_duty",
    "reason.charging.none_during_duty",
    "flag.approximate_dates",
    "next_step.ask_to_confirm.how",
    "flag.unrecognised_council",
    "body.on_likely_footing",
    "result.check.heading",
    "result.check.lede",
    "result.check.unanswered_one",
    "result.check.unanswered_many",
    "result.announce.cleared",
    "result.result.heading",
    "result.result.change_answers",
    "result.now.more_one",
    "result.now.more_many",
    "result.deadline_kind.reply",
    "result.body.council_missing",
    "result.body.nhs_missing",
    "result.letter_field.writer_name",
    "result.letter_field.writer_relationship",
    "result.letter_field.writer_address",
    "result.letter_field.writer_phone",
    "result.letter_field.writer_email",
    "result.letter.authority_legend",
    "result.letter.authority_hint",
    "result.letter.heading_one",
    "result.letter.heading_both",
    "result.letter.reply_by_one",
    "result.letter.reply_by_both",
    "result.letter.notes_heading",
    "result.letter.copied_one",
    "result.letter.copied_both",
    "result.letter.copy_failed_one",
    "result.letter.copy_failed_both",
    "result.help.samaritans",
    "result.help.legal_aid",
    "result.help.legal_aid_link",
    "result.letter.tone_hint",
    "result.letter_tone.formal_complaint_hint",
    "result.letter.annex_hint",
];

/// Does a text speak to someone: "you", "your", "yours", "yourself"?
fn says_you(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "you" | "your" | "yours" | "yourself"
        )
    })
}

/// Issue #10: when someone else fills the checker in, or an adviser uses it, the decision and the result speak of the
/// person. Every message of the decision (`decision.rs`) and of the result page (`result.rs`) that says "you" or
/// "your" has a `.other` form, in the third person, unless it speaks to the reader (listed above); every `.other`
/// form belongs to a message; and none says "you are owed" or "your after-care".
#[test]
fn every_message_that_speaks_to_the_person_has_a_third_person_form() {
    use s117::messages::{en_gb, lookup, Lang};
    let mut missing = Vec::new();
    for section in [en_gb::decision::TEXTS, en_gb::result::TEXTS] {
        for (id, text) in section {
            if let Some(base) = id.strip_suffix(".other") {
                assert!(
                    lookup(Lang::EnGb, base).is_some(),
                    "{id} is the third-person form of {base}, which does not exist"
                );
                let lower = text.to_lowercase();
                for slip in ["you are owed", "your after-care", "charging you"] {
                    assert!(!lower.contains(slip), "{id} still says \"{slip}\": {text}");
                }
                continue;
            }
            let other = format!("{id}.other");
            if says_you(text)
                && lookup(Lang::EnGb, &other).is_none()
                && !ADDRESSED_TO_THE_READER.contains(id)
            {
                missing.push(*id);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "these messages speak to the person but have no third-person .other form (add one, or list the id in \
         ADDRESSED_TO_THE_READER if it speaks to whoever is reading): {missing:?}"
    );
    for id in ADDRESSED_TO_THE_READER {
        assert!(
            lookup(Lang::EnGb, id).is_some(),
            "{id} is listed as addressed to the reader but does not exist"
        );
    }
}
