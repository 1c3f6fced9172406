//! The one façade over the core for the command line (`src/bin/s117/`), the WebAssembly exports (`src/wasm.rs`)
//! and the tests: read, validate, decide; errors that name the field; the JSON Schemas.
//!
//! [`check`] and [`check_letter`] take the core's own types and need nothing else, so the widget (which receives
//! JavaScript objects through serde-wasm-bindgen) calls them too. The JSON text functions ([`parse_case`],
//! [`check_json`], [`parse_letter_request`]) and the schemas need serde_json, serde_path_to_error and schemars, so
//! they are built only with the `cli` feature, keeping the wasm packages lean. Nothing here reads files, parses
//! arguments or prints: that is the binary's job.

use crate::case::Case;
use crate::decision::Decision;
use crate::error::{validate, InputError};
use crate::letter::LetterRequest;

/// Validates and decides a case that has been read.
///
/// # Errors
///
/// Returns every fact in the case that cannot be true together with the others ([`validate`]).
pub fn check(case: &Case) -> Result<Decision, Vec<InputError>> {
    let errors = validate(case);
    if errors.is_empty() {
        Ok(crate::evaluate(case))
    } else {
        Err(errors)
    }
}

/// Checks the case of a letter request that has been read, and gives the request back if it can be written.
///
/// # Errors
///
/// Returns every problem [`crate::validate`] finds in the request's case, with `case.` in front of its field.
pub fn check_letter(request: LetterRequest) -> Result<LetterRequest, Vec<InputError>> {
    let errors = crate::letter::validate(&request);
    if errors.is_empty() {
        Ok(request)
    } else {
        Err(errors)
    }
}

/// Reads a [`Case`] from JSON text.
///
/// # Errors
///
/// Returns one [`InputError`] naming the field that could not be read, such as
/// `detentions[1].left_hospital: 2023-13-40 is not a date (use YYYY-MM-DD, …)`.
///
/// # Examples
///
/// ```
/// let err = s117::api::parse_case(r#"{"as_at": "2023-13-40"}"#).unwrap_err();
/// assert_eq!(err.field, "as_at");
/// assert!(err.message.starts_with("2023-13-40 is not a date (use YYYY-MM-DD"));
/// ```
#[cfg(feature = "cli")]
pub fn parse_case(json: &str) -> Result<Case, InputError> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let mut message = inner.to_string();
        // serde_json appends " at line L column C"; keep it only for syntax errors, where there is no field.
        let located = format!(" at line {} column {}", inner.line(), inner.column());
        let field = if matches!(path.as_str(), "" | "." | "?") {
            "input".to_owned()
        } else {
            if let Some(stripped) = message.strip_suffix(&located) {
                message = stripped.to_owned();
            }
            path
        };
        InputError { field, message }
    })
}

/// Reads, validates and decides a case.
///
/// # Errors
///
/// Returns every problem with the input: a field that could not be read, or facts that cannot all be true.
#[cfg(feature = "cli")]
pub fn check_json(json: &str) -> Result<Decision, Vec<InputError>> {
    check(&parse_case(json).map_err(|e| vec![e])?)
}

/// Reads a [`LetterRequest`] from JSON text and checks its case ([`crate::letter::parse_request`]).
///
/// # Errors
///
/// Returns the field that could not be read, or every problem in the case, with `case.` in front of its field.
#[cfg(feature = "cli")]
pub fn parse_letter_request(json: &str) -> Result<LetterRequest, Vec<InputError>> {
    crate::letter::parse_request(json)
}

/// A value as the command line prints it: pretty-printed JSON.
///
/// # Errors
///
/// Returns serde_json's error if the value cannot be written as JSON (never for this crate's own types).
#[cfg(feature = "cli")]
pub fn to_json(value: &impl serde::Serialize) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(value)
}

/// The JSON Schema of the input ([`Case`]).
#[cfg(feature = "cli")]
pub fn case_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Case)).unwrap_or_default()
}

/// The JSON Schema of the output ([`Decision`]).
#[cfg(feature = "cli")]
pub fn decision_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Decision)).unwrap_or_default()
}

/// The JSON Schema of the letter's input ([`LetterRequest`]).
#[cfg(feature = "cli")]
pub fn letter_request_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::letter::LetterRequest)).unwrap_or_default()
}

/// The JSON Schema of one line of `s117 screen --format jsonl` ([`Row`](crate::screen::Row)).
#[cfg(feature = "cli")]
pub fn triage_row_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::screen::Row)).unwrap_or_default()
}

/// Every published schema: (name for `s117 schema NAME`, file under `schema/`, the schema).
#[cfg(feature = "cli")]
pub fn schemas() -> [(&'static str, &'static str, serde_json::Value); 4] {
    [
        ("case", "case.schema.json", case_schema()),
        ("decision", "decision.schema.json", decision_schema()),
        (
            "letter",
            "letter-request.schema.json",
            letter_request_schema(),
        ),
        ("triage", "triage-row.schema.json", triage_row_schema()),
    ]
}

/// The widget's generated module of the interview's first question, `www/s117-questions.js`: the question the
/// journey asks of an empty set of answers, with its data and en-GB wording, so the page can show it before the
/// WebAssembly has loaded. Printed by `s117 questions`; `tests/meta.rs` fails if the committed file differs.
#[cfg(feature = "cli")]
pub fn first_question_js() -> String {
    let start = crate::interview::interview(&crate::interview::Answers::default());
    let first: Vec<_> = start
        .form
        .into_iter()
        .filter(|q| Some(&q.page) == start.next.as_ref())
        .collect();
    let json = serde_json::to_string_pretty(&first).unwrap_or_default();
    format!(
        "// Generated by `s117 questions` from src/interview/: do not edit. tests/meta.rs fails if this differs from what the\n\
         // core generates; regenerate with `UPDATE_QUESTIONS=1 cargo test --test meta`.\n\
         \n\
         /**\n * The interview's first page (the journey's answer to no answers): each question's path in the case, kind, values\n * and en-GB wording, for showing before the WebAssembly has loaded. The rest come from `interview` in ./pkg/s117.js.\n */\n\
         export const firstPage = Object.freeze({json});\n"
    )
}

/// A generated module of words for the page's JavaScript: `export const WORDS = { id: text, … }` from catalogue
/// sections, so the page's words live in the catalogue with every other word. `s117 words` prints the widget's
/// (`www/s117-words.js`) and the screen page's (`www/screen/words.js`); `tests/meta.rs` fails if a committed file
/// differs.
#[cfg(feature = "cli")]
pub fn words_js(sections: &[&[(&str, &str)]], from: &str) -> String {
    let mut words = serde_json::Map::new();
    for section in sections {
        for (id, text) in *section {
            words.insert(
                (*id).to_owned(),
                serde_json::Value::String((*text).to_owned()),
            );
        }
    }
    let json = serde_json::to_string_pretty(&words).unwrap_or_default();
    format!(
        "// Generated by `s117 words` from {from}: do not edit. tests/meta.rs fails if this differs from the catalogue;\n\
         // regenerate with `UPDATE_QUESTIONS=1 cargo test --test meta`.\n\
         \n\
         /** The page's words (en-GB), by message id; read them with `t(id, values)`. */\n\
         export const WORDS = Object.freeze({json});\n"
    )
}

/// The widget's words module, `www/s117-words.js`.
#[cfg(feature = "cli")]
pub fn widget_words_js() -> String {
    words_js(
        &[
            crate::messages::en_gb::widget::TEXTS,
            crate::messages::en_gb::result::TEXTS,
        ],
        "src/messages/en_gb/widget.rs and result.rs",
    )
}

/// The screen page's words module, `www/screen/words.js`.
#[cfg(feature = "cli")]
pub fn screen_words_js() -> String {
    words_js(
        &[crate::messages::en_gb::screen_page::TEXTS],
        "src/messages/en_gb/screen_page.rs",
    )
}
