//! The JavaScript boundary. Nothing else in the crate knows about JavaScript.
//!
//! Each export deserialises a JavaScript object into the core's own types with serde-wasm-bindgen, calls the
//! core, and serialises the result back. Malformed input throws; facts that cannot all be true come back as
//! data (`{ ok: false, errors: [{ field, message }] }`) so the page can show each next to its question.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of a check, as the page receives it: `{ ok: true, decision }` or `{ ok: false, errors }`.
#[derive(Serialize)]
struct Checked {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<crate::Decision>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<crate::InputError>,
}

/// Converts a deserialisation error into a JavaScript error without a doubled "Error:" prefix.
fn input_error(e: serde_wasm_bindgen::Error) -> JsError {
    JsError::new(e.to_string().trim_start_matches("Error: "))
}

/// Checks a case: `check(case) -> { ok, decision } | { ok, errors }`.
#[wasm_bindgen]
pub fn check(case: JsValue) -> Result<JsValue, JsError> {
    let case: crate::Case = serde_wasm_bindgen::from_value(case).map_err(input_error)?;
    let errors = crate::validate(&case);
    let out = Checked {
        ok: errors.is_empty(),
        decision: errors.is_empty().then(|| crate::evaluate(&case)),
        errors,
    };
    Ok(out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// A council or NHS body for the page's searchable lists.
#[derive(Serialize)]
struct Listed {
    code: &'static str,
    name: &'static str,
    nation: &'static str,
}

fn nation(n: crate::reference::Nation) -> &'static str {
    match n {
        crate::reference::Nation::England => "england",
        crate::reference::Nation::Wales => "wales",
    }
}

/// Every council with social services duties in England and Wales, sorted by name:
/// `councils() -> [{ code, name, nation }]`.
#[wasm_bindgen]
pub fn councils() -> Result<JsValue, JsError> {
    let list: Vec<Listed> = crate::reference::councils()
        .iter()
        .map(|c| Listed {
            code: c.code,
            name: c.name,
            nation: nation(c.nation),
        })
        .collect();
    Ok(serde_wasm_bindgen::to_value(&list)?)
}

/// District councils and the county council that provides their social services:
/// `districts() -> [[districtName, councilCode]]`.
#[wasm_bindgen]
pub fn districts() -> Result<JsValue, JsError> {
    Ok(serde_wasm_bindgen::to_value(crate::reference::districts())?)
}

/// Every ICB and local health board (as from 1 April 2026), sorted by name:
/// `nhsBodies() -> [{ code, name, nation }]`.
#[wasm_bindgen(js_name = nhsBodies)]
pub fn nhs_bodies() -> Result<JsValue, JsError> {
    let list: Vec<Listed> = crate::reference::nhs_bodies()
        .iter()
        .map(|b| Listed {
            code: b.code,
            name: b.name,
            nation: nation(b.nation),
        })
        .collect();
    Ok(serde_wasm_bindgen::to_value(&list)?)
}

/// The version of the rules and the date of the law they reflect: `about() -> { rules_version, law_date }`.
#[wasm_bindgen]
pub fn about() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct About {
        rules_version: &'static str,
        law_date: &'static str,
    }
    Ok(serde_wasm_bindgen::to_value(&About {
        rules_version: crate::rules::RULES_VERSION,
        law_date: crate::rules::LAW_DATE,
    })?)
}
