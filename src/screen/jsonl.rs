//! JSON Lines input: one [`Case`] per line, with the checker's field-naming errors.
//!
//! A line is either a `Case` object, a `Case` object with a `reference` field beside its own fields, or a wrapper
//! `{"reference": "…", "case": {…}}`. A line without `as_at` takes the default date of the check, if one was given.

use crate::case::Case;
use crate::date::Date;
use crate::error::{validate, InputError};
use crate::messages;
use serde_json::Value;

/// What a line gave: its reference (if any) and the case, or the reference and every problem.
pub(crate) type LineResult = Result<(Option<String>, Case), (Option<String>, Vec<InputError>)>;

/// Reads one line.
pub(crate) fn read_line(text: &[u8], default_as_at: Option<Date>) -> LineResult {
    let fail = |field: &str, message: String| {
        vec![InputError {
            field: field.to_owned(),
            message,
        }]
    };
    let mut value: Value = match serde_json::from_slice(text) {
        Ok(v) => v,
        Err(e) => {
            let message = e.to_string();
            let located = format!(" at line {} column {}", e.line(), e.column());
            let message = match message.strip_suffix(&located) {
                Some(m) => {
                    let column = e.column().to_string();
                    let values = [("message", m), ("column", column.as_str())];
                    messages::fill("screen.jsonl.at_character", &values)
                }
                None => message,
            };
            let message = messages::fill("screen.jsonl.not_json", &[("message", &message)]);
            return Err((None, fail("input", message)));
        }
    };
    let Some(object) = value.as_object_mut() else {
        return Err((
            None,
            fail(
                "input",
                messages::text("screen.jsonl.not_object").to_owned(),
            ),
        ));
    };
    let reference = match object.remove("reference") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s).filter(|s| !s.trim().is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return Err((
                None,
                fail(
                    "reference",
                    messages::text("screen.jsonl.reference_not_text").to_owned(),
                ),
            ))
        }
    };
    let (mut value, prefix) = match object.remove("case") {
        Some(case) if object.is_empty() => (case, "case."),
        Some(_) => {
            return Err((
                reference,
                fail(
                    "case",
                    messages::text("screen.jsonl.case_and_more").to_owned(),
                ),
            ))
        }
        None => (value, ""),
    };
    if let (Some(object), Some(as_at)) = (value.as_object_mut(), default_as_at) {
        object
            .entry("as_at")
            .or_insert_with(|| Value::String(as_at.to_string()));
    }
    let case: Case = match serde_path_to_error::deserialize(value) {
        Ok(case) => case,
        Err(e) => {
            let path = e.path().to_string();
            let path = if matches!(path.as_str(), "" | "." | "?") {
                String::new()
            } else {
                path
            };
            let mut message = e.into_inner().to_string();
            let missing = message
                .strip_prefix("missing field `")
                .and_then(|m| m.strip_suffix('`'))
                .map(str::to_owned);
            let field = match (&missing, path.is_empty()) {
                (Some(name), true) => format!("{prefix}{name}"),
                (Some(name), false) => format!("{prefix}{path}.{name}"),
                (None, true) => format!("{prefix}input"),
                (None, false) => format!("{prefix}{path}"),
            };
            if missing.as_deref() == Some("as_at") {
                message = messages::text("screen.jsonl.as_at_missing").to_owned();
            }
            return Err((reference, fail(field.trim_end_matches('.'), message)));
        }
    };
    let errors: Vec<InputError> = validate(&case)
        .into_iter()
        .map(|e| InputError {
            field: format!("{prefix}{}", e.field),
            message: e.message,
        })
        .collect();
    if errors.is_empty() {
        Ok((reference, case))
    } else {
        Err((reference, errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_the_field() {
        let (_, errors) = read_line(
            br#"{"reference": "X", "as_at": "2026-01-01", "detentions": [{"section": "3", "detained_in": "england", "left_hospital": "2023-13-40", "lived_before": {"country": "england"}}]}"#,
            None,
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "detentions[0].left_hospital");
        assert!(errors[0].message.starts_with("2023-13-40 is not a date"));
    }

    #[test]
    fn wrapper_and_default_date() {
        let (reference, case) = read_line(
            br#"{"reference": "W-1", "case": {"detentions": []}}"#,
            "2026-02-03".parse().ok(),
        )
        .unwrap();
        assert_eq!(reference.as_deref(), Some("W-1"));
        assert_eq!(case.as_at.to_string(), "2026-02-03");
        let (_, errors) = read_line(br#"{"case": {"detentions": []}}"#, None).unwrap_err();
        assert_eq!(errors[0].field, "case.as_at");
        assert!(errors[0]
            .message
            .starts_with("missing, and no default date"));
    }
}
