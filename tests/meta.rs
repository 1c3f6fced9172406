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

#[test]
fn the_core_never_reads_a_clock() {
    for file in rust_files(&root().join("src")) {
        if file.ends_with("main.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for banned in [
            "std::time",
            "SystemTime",
            "Local::now",
            "Utc::now",
            "Instant::now",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", file.display());
        }
    }
}

#[test]
fn rule_matches_have_no_wildcard_arms() {
    for file in rust_files(&root().join("src/rules")) {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.trim_start().starts_with("_ =>"),
                "{}:{}: a wildcard arm hides new enum values from the rules",
                file.display(),
                n + 1
            );
        }
    }
}

#[test]
fn is_and_has_functions_return_bool() {
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("pub fn ")
                .or_else(|| line.strip_prefix("fn "))
            else {
                continue;
            };
            if rest.starts_with("is_") || rest.starts_with("has_") {
                assert!(line.contains("-> bool"), "{}: {line}", file.display());
            }
        }
    }
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
            text.contains(c.url) || c.url.ends_with("/section/117"),
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
            code.push_str(&fs::read_to_string(&file).unwrap());
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
            assert!(code.contains(name), "citation {name} is never used");
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
    for e in [
        s117::decision::Entitlement::Entitled,
        s117::decision::Entitlement::EntitledOnLeavingHospital,
        s117::decision::Entitlement::NotEntitled,
        s117::decision::Entitlement::Ended,
        s117::decision::Entitlement::Undetermined,
        s117::decision::Entitlement::OutOfScope,
    ] {
        assert!(
            readme.contains(&format!("`{}`", e.code())),
            "README does not list {}",
            e.code()
        );
    }
}
