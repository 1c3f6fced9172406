//! The JavaScript boundary. Nothing else in the crate knows about JavaScript.
//!
//! Each export deserialises a JavaScript object into the core's own types with serde-wasm-bindgen, calls the
//! core through the same façade as the command line (`crate::api`: `check`, `check_letter`), and serialises the
//! result back. Malformed input throws; facts that cannot all be true come back as
//! data (`{ ok: false, errors: [{ field, message }] }`) so the page can show each next to its question.
//!
//! Two packages are built from this one file: the widget's (`--features widget`: check, letter, reference lists, the interview's questions;
//! `www/pkg/`) and the screen's (`--features wasm,screen`: `ScreenJob`, the mapping profile's reading and writing; `www/pkg-screen/`), so that neither carries
//! the other's code.

use wasm_bindgen::prelude::*;

/// Converts a deserialisation error into a JavaScript error without a doubled "Error:" prefix.
pub(crate) fn input_error(e: serde_wasm_bindgen::Error) -> JsError {
    JsError::new(e.to_string().trim_start_matches("Error: "))
}

/// The widget's exports.
#[cfg(feature = "widget")]
mod widget {
    use super::input_error;
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

    /// Checks a case: `check(case) -> { ok, decision } | { ok, errors }`.
    #[wasm_bindgen]
    pub fn check(case: JsValue) -> Result<JsValue, JsError> {
        let case: crate::Case = serde_wasm_bindgen::from_value(case).map_err(input_error)?;
        let out = match crate::api::check(&case) {
            Ok(decision) => Checked {
                ok: true,
                decision: Some(decision),
                errors: Vec::new(),
            },
            Err(errors) => Checked {
                ok: false,
                decision: None,
                errors,
            },
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

    /// The letters as the page receives them: `{ ok: true, letters, letter, text }` or `{ ok: false, errors }`.
    #[derive(Serialize)]
    struct Written {
        ok: bool,
        /// Every letter asked for: one, or two for `"to": "each"` (the council's, then the NHS body's).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        letters: Vec<crate::letter::Letter>,
        /// Every letter as plain text, split by a rule line and a form feed.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        errors: Vec<crate::InputError>,
    }

    /// Reads a letter request, or says which fields of its case cannot all be true.
    fn letter_request(
        request: JsValue,
    ) -> Result<Result<crate::letter::LetterRequest, Vec<crate::InputError>>, JsError> {
        let request: crate::letter::LetterRequest =
            serde_wasm_bindgen::from_value(request).map_err(input_error)?;
        Ok(crate::api::check_letter(request))
    }

    /// Writes the confirmation-request letters: `letter(request) -> { ok, letters, letter, text } | { ok, errors }`,
    /// where `letters` are the structured letters (headings, paragraphs, lists): one, or two for `"to": "each"`;
    /// `letter` is the first of them; and `text` all of them as plain text.
    #[wasm_bindgen]
    pub fn letter(request: JsValue) -> Result<JsValue, JsError> {
        let out = match letter_request(request)? {
            Ok(request) => {
                let letters = crate::letter::render_all(&request);
                Written {
                    ok: true,
                    text: Some(crate::letter::to_text_all(&letters)),
                    letters,
                    errors: Vec::new(),
                }
            }
            Err(errors) => Written {
                ok: false,
                letters: Vec::new(),
                text: None,
                errors,
            },
        };
        Ok(out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
    }

    /// Every question the interview can ask, with its data and en-GB wording:
    /// `questions() -> [{ path, id, kind, values?, question, label, hint?, error, options? }]`.
    #[wasm_bindgen]
    pub fn questions() -> Result<JsValue, JsError> {
        Ok(crate::interview::questions()
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
    }

    /// Where the interview stands: `interview({ as_at, given: { path: text } }) -> { form, next, case }`: every fact
    /// the answers make relevant (each with its wording, `answer` and `page`), the page to ask next (`null` when
    /// done) and the case the relevant answers describe.
    #[wasm_bindgen]
    pub fn interview(answers: JsValue) -> Result<JsValue, JsError> {
        let answers: crate::interview::Answers =
            serde_wasm_bindgen::from_value(answers).map_err(input_error)?;
        Ok(crate::interview::interview(&answers)
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
    }

    /// The answers that describe a whole case (a saved file): `answersOf(case) -> { as_at, given }`.
    #[wasm_bindgen(js_name = answersOf)]
    pub fn answers_of(case: JsValue) -> Result<JsValue, JsError> {
        let case: crate::Case = serde_wasm_bindgen::from_value(case).map_err(input_error)?;
        Ok(crate::interview::Answers::from_case(&case)
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
    }

    /// The letter as a Word document: `letterDocx(request) -> Uint8Array`; for `"to": "each"`, one document with both
    /// letters, each starting on a new page. Throws if the case's facts cannot all be true (call `letter` first to
    /// show those errors next to their questions).
    #[wasm_bindgen(js_name = letterDocx)]
    pub fn letter_docx(request: JsValue) -> Result<Vec<u8>, JsError> {
        match letter_request(request)? {
            Ok(request) => Ok(crate::letter::to_docx_all(&crate::letter::render_all(
                &request,
            ))),
            Err(errors) => Err(JsError::new(
                &errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
        }
    }
}

/// The screen's exports.
#[cfg(feature = "screen")]
mod screen {
    use super::input_error;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// A screening of many enquiries, run a step at a time by the screen's Web Worker (only in the second package,
    /// built with `--features wasm,screen`).
    #[wasm_bindgen]
    pub struct ScreenJob {
        job: crate::screen::Job<'static>,
    }

    /// What a step tells the worker: how far it has got, the problems it found and the counts so far. The rows stay
    /// in the job; the worker asks for a page of them in the order the table wants ([`ScreenJob::page`]).
    #[derive(Serialize)]
    struct Progress<'a> {
        done: bool,
        bytes_done: usize,
        bytes_total: usize,
        errors: &'a [crate::screen::RowError],
        warnings: &'a [crate::screen::Warning],
        counts: &'a crate::screen::Counts,
    }

    /// A page of the triage in a view's order.
    #[derive(Serialize)]
    struct Page<'a> {
        rows: Vec<&'a crate::screen::Row>,
        total: usize,
        offset: usize,
    }

    /// Reads a view (`{ only, deadline_within, sort, descending }`, all optional) from JavaScript.
    fn read_view(view: JsValue) -> Result<crate::screen::View, JsError> {
        if view.is_undefined() || view.is_null() {
            Ok(crate::screen::View::default())
        } else {
            serde_wasm_bindgen::from_value(view).map_err(input_error)
        }
    }

    #[wasm_bindgen]
    impl ScreenJob {
        /// Starts screening `bytes` (`format` is `csv` or `jsonl`) with `options` (`{ as_at, only, deadline_within,
        /// sort, descending }`, all optional) and, if given, the firm's mapping profile as its text (applied exactly,
        /// as `s117 screen --profile`; one that cannot be read, or that lists a heading the file does not have,
        /// throws its message, naming the line).
        #[wasm_bindgen(constructor)]
        pub fn new(
            bytes: Vec<u8>,
            format: &str,
            options: JsValue,
            profile: Option<String>,
        ) -> Result<ScreenJob, JsError> {
            let format: crate::screen::Format =
                format.parse().map_err(|e: String| JsError::new(&e))?;
            let mut options: crate::screen::Options = if options.is_undefined() || options.is_null()
            {
                crate::screen::Options::default()
            } else {
                serde_wasm_bindgen::from_value(options).map_err(input_error)?
            };
            if let Some(text) = profile.filter(|t| !t.trim().is_empty()) {
                let profile: crate::screen::Profile =
                    text.parse().map_err(|e: String| JsError::new(&e))?;
                options.profile = Some(std::sync::Arc::new(profile));
            }
            let mut job = crate::screen::Job::new(bytes, format, options);
            // A profile that lists a heading the file does not have is refused before any row is screened.
            job.check_profile().map_err(|e| JsError::new(&e))?;
            Ok(ScreenJob { job })
        }

        /// Reads up to `max_rows` more rows: `{ done, bytes_done, bytes_total, errors, warnings, counts }` (the rows
        /// stay here: see `page`).
        pub fn step(&mut self, max_rows: usize) -> Result<JsValue, JsError> {
            let step = self.job.step(max_rows);
            let progress = Progress {
                done: step.done,
                bytes_done: step.bytes_done,
                bytes_total: step.bytes_total,
                errors: step.errors,
                warnings: step.warnings,
                counts: step.counts,
            };
            Ok(progress.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
        }

        /// A page of the rows screened so far that `view` keeps, in its order: `page(view, offset, limit) -> { rows,
        /// total, offset }`. The order is kept for the next page.
        pub fn page(
            &mut self,
            view: JsValue,
            offset: usize,
            limit: usize,
        ) -> Result<JsValue, JsError> {
            let view = read_view(view)?;
            let (rows, total) = self.job.page(&view, offset, limit);
            let page = Page {
                rows,
                total,
                offset,
            };
            Ok(page.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
        }

        /// The triage CSV of the rows screened so far that `view` keeps, in its order (no view: every row, in input
        /// order).
        #[wasm_bindgen(js_name = toCsv)]
        pub fn triage_csv(&mut self, view: JsValue) -> Result<String, JsError> {
            let view = read_view(view)?;
            Ok(self.job.triage_csv(&view))
        }

        /// Every problem found so far as CSV: row, cell, column, reference, message.
        #[wasm_bindgen(js_name = errorsCsv)]
        pub fn errors_csv(&self) -> String {
            crate::screen::errors_to_csv(&self.job.screened().errors)
        }
    }

    /// How the screen would read a CSV file, as the text of a mapping profile (as `s117 screen --suggest-profile`):
    /// `suggestProfile(bytes) -> string`; throws the heading row's problem.
    #[wasm_bindgen(js_name = suggestProfile)]
    pub fn suggest_profile(bytes: &[u8]) -> Result<String, JsError> {
        crate::screen::suggest_profile(bytes).map_err(|e| JsError::new(&e))
    }

    /// What [`read_profile`] and [`write_profile`] answer: the mapping or the text, or the line that cannot be read.
    #[derive(Serialize)]
    struct ProfileAnswer {
        ok: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        mapping: Option<crate::screen::Mapping>,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<crate::screen::ProfileError>,
    }

    /// The answer for a mapping or text (`ok`), or for the line that cannot be read, as plain JavaScript objects.
    fn answer(
        result: Result<
            (Option<crate::screen::Mapping>, Option<String>),
            crate::screen::ProfileError,
        >,
    ) -> Result<JsValue, JsError> {
        let a = match result {
            Ok((mapping, text)) => ProfileAnswer {
                ok: true,
                mapping,
                text,
                error: None,
            },
            Err(error) => ProfileAnswer {
                ok: false,
                mapping: None,
                text: None,
                error: Some(error),
            },
        };
        Ok(a.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
    }

    /// A mapping profile's text as the page's controls show it (as `read_mapping`): `readProfile(text) -> { ok:
    /// true, mapping: { separator, encoding, columns: [{ heading, field }], councils: [{ name, council }], stays,
    /// charges } }`, or `{ ok: false, error: { line, message } }`.
    #[wasm_bindgen(js_name = readProfile)]
    pub fn read_profile(text: &str) -> Result<JsValue, JsError> {
        answer(crate::screen::read_mapping(text).map(|mapping| (Some(mapping), None)))
    }

    /// The page's controls written as a mapping profile's text (as `write_mapping`): `writeProfile(mapping) -> {
    /// ok: true, text }`, or `{ ok: false, error: { line, message, column?, council? } }` naming the heading or
    /// council whose line cannot be read.
    #[wasm_bindgen(js_name = writeProfile)]
    pub fn write_profile(mapping: JsValue) -> Result<JsValue, JsError> {
        let mapping: crate::screen::Mapping =
            serde_wasm_bindgen::from_value(mapping).map_err(input_error)?;
        answer(crate::screen::write_mapping(&mapping).map(|text| (None, Some(text))))
    }

    /// Every field a heading can be read as, for `stays` stays and `charges` charges (as `profile_fields`):
    /// `profileFields(stays, charges) -> [{ id, label, part, number? }]`.
    #[wasm_bindgen(js_name = profileFields)]
    pub fn profile_fields(stays: u32, charges: u32) -> Result<JsValue, JsError> {
        let fields = crate::screen::profile_fields(stays, charges);
        Ok(fields.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
    }

    /// An empty enquiries CSV with every column heading, for three stays and two charges (as `s117 screen --template`):
    /// `screenTemplate() -> string`.
    #[wasm_bindgen(js_name = screenTemplate)]
    pub fn screen_template() -> String {
        crate::screen::template_csv(3, 2)
    }
}
