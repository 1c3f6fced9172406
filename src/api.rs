//! The JSON façade used by the command line and the tests: text in, typed values out, with errors that name the
//! field.
//!
//! The widget does not use this module: it passes JavaScript objects through serde-wasm-bindgen (`src/wasm.rs`)
//! using the same types.

use crate::case::Case;
use crate::decision::Decision;
use crate::error::{validate, InputError};

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
pub fn check_json(json: &str) -> Result<Decision, Vec<InputError>> {
    let case = parse_case(json).map_err(|e| vec![e])?;
    let errors = validate(&case);
    if errors.is_empty() {
        Ok(crate::evaluate(&case))
    } else {
        Err(errors)
    }
}

/// The JSON Schema of the input ([`Case`]).
pub fn case_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Case)).unwrap_or_default()
}

/// The JSON Schema of the output ([`Decision`]).
pub fn decision_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Decision)).unwrap_or_default()
}

/// The JSON Schema of the letter's input ([`LetterRequest`](crate::letter::LetterRequest)).
pub fn letter_request_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::letter::LetterRequest)).unwrap_or_default()
}

/// The JSON Schema of one line of `s117 screen --format jsonl` ([`Row`](crate::screen::Row)).
pub fn triage_row_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::screen::Row)).unwrap_or_default()
}

/// Every published schema: (name for `s117 schema NAME`, file under `schema/`, the schema).
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
