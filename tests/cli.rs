//! The command line, run as a user would: exit codes, messages, JSON on standard output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn s117(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_s117"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_prints_the_decision_as_json() {
    let out = s117(&["check", "examples/entitled-after-s3.json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let decision: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(decision["entitlement"], "entitled");
    assert_eq!(decision["council"]["name"], "Worcestershire County Council");
    assert_eq!(decision["nhs_body"]["code"], "E54000019");
    assert_eq!(decision["law_date"], s117::rules::LAW_DATE);
    let flags: Vec<&str> = decision["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(flags.contains(&"refund_due"), "{flags:?}");
}

#[test]
fn check_reads_standard_input() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/unlawful-ending-wales.json"
    ))
    .unwrap();
    let out = s117(&["check", "-"], Some(&json));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let decision: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(decision["entitlement"], "entitled");
    assert_eq!(
        decision["nhs_body"]["name"],
        "Cardiff and Vale University Health Board"
    );
}

#[test]
fn a_bad_date_names_the_field_and_exits_2() {
    let out = s117(&["check", "examples/bad-date.json"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("detentions[1].left_hospital: 2023-13-40 is not a date (use YYYY-MM-DD"),
        "{err}"
    );
    assert!(!err.contains("panicked") && !err.contains("line "), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn impossible_facts_are_listed_field_by_field() {
    let json = r#"{"as_at": "2024-01-01", "detentions": [
        {"section": "3", "detained_in": "england", "admitted": "2023-05-01", "left_hospital": "2023-04-01",
         "leaving": "discharged", "lived_before": {"country": "england"}},
        {"section": "3", "detained_in": "england", "admitted": "2022-01-01", "leaving": "still_in_hospital",
         "left_hospital": "2022-02-01", "lived_before": {"country": "england"}}]}"#;
    let out = s117(&["check", "-"], Some(json));
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("detentions[0].left_hospital: 1 April 2023 is before this stay began"),
        "{err}"
    );
    assert!(
        err.contains(
            "detentions[1].admitted: 1 January 2022 is before the stay listed above it began"
        ),
        "{err}"
    );
    assert!(
        err.contains("detentions[1].left_hospital: you said you are still in hospital"),
        "{err}"
    );
}

#[test]
fn unknown_values_and_fields_are_named() {
    let out = s117(
        &["check", "-"],
        Some(r#"{"as_at": "2024-01-01", "detentions": [{"section": "9"}]}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("detentions[0].section: unknown variant `9`"),
        "{}",
        text(&out.stderr)
    );
    let out = s117(
        &["check", "-"],
        Some(r#"{"as_at": "2024-01-01", "detentons": []}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unknown field `detentons`"),
        "{}",
        text(&out.stderr)
    );
    let out = s117(&["check", "-"], Some("{not json"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("input: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    assert_eq!(s117(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(s117(&["check"], None).status.code(), Some(2));
    let out = s117(&["check", "no/such/file.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("could not read no/such/file.json"));
    let help = s117(&["--help"], None);
    assert!(help.status.success() && text(&help.stdout).contains("s117 check FILE.json"));
}

#[test]
fn schema_command_prints_the_published_schema() {
    let out = s117(&["schema"], None);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Case");
    let out = s117(&["schema", "decision"], None);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Decision");
    let out = s117(&["schema", "letter"], None);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "LetterRequest");
    let out = s117(&["schema", "triage"], None);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "TriageRow");
    assert!(schema["properties"]["refund_since"].is_object());
    let out = s117(&["schema", "everything"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn letter_to_each_writes_a_letter_to_the_council_and_one_to_the_nhs_body() {
    let file = "examples/letter-request.json";
    let council = "Worcestershire County Council";
    let icb = "NHS Herefordshire and Worcestershire Integrated Care Board";

    // Text: both letters, split by a form feed; the notes once each, on standard error.
    let out = s117(&["letter", file, "--to", "each"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let (first, second) = stdout
        .split_once('\u{000C}')
        .expect("a form feed between the letters");
    assert!(!second.contains('\u{000C}'), "two letters, not more");
    assert!(first.contains(&format!("Adult Social Care\n{council}\n")));
    assert!(second.contains(&format!("Section 117 after-care\n{icb}\n")));
    assert_eq!(stdout.matches("Dear Sir or Madam,").count(), 2);
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr.matches("note: There are two letters").count(),
        1,
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("note: The reply date is").count(),
        1,
        "{stderr}"
    );

    // JSON: an array of the two letters (one letter stays an object).
    let out = s117(&["letter", file, "--to", "each", "--format", "json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let letters: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let letters = letters.as_array().expect("an array");
    assert_eq!(letters.len(), 2);
    assert_eq!(letters[0]["addressees"][0]["name"], council);
    assert_eq!(letters[0]["addressees"][0]["kind"], "council");
    assert_eq!(letters[1]["addressees"][0]["name"], icb);
    assert_eq!(letters[1]["addressees"][0]["kind"], "nhs_body");
    let out = s117(&["letter", file, "--format", "json"], None);
    let one: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(one.is_object() && one["addressees"].as_array().unwrap().len() == 2);

    // .docx: one file, with a page break between the letters (the parts are stored, so the XML is readable).
    let path = std::env::temp_dir().join(format!("s117-cli-each-{}.docx", std::process::id()));
    let out = s117(
        &[
            "letter",
            file,
            "--to",
            "each",
            "--format",
            "docx",
            "--out",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(&bytes[..2], b"PK");
    let xml = String::from_utf8_lossy(&bytes);
    assert_eq!(xml.matches("<w:br w:type=\"page\"/>").count(), 1);
    let (before, after) = xml.split_once("<w:br w:type=\"page\"/>").unwrap();
    assert!(before.contains(&format!(">{council}</w:t>")));
    assert!(after.contains(&format!(">{icb}</w:t>")));

    // A wrong value names the right ones; the usage lists `each`.
    let out = s117(&["letter", file, "--to", "everyone"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--to takes council, nhs, both or each"));
    assert!(text(&s117(&["--help"], None).stdout).contains("--to council|nhs|both|each"));
}
