//! The screen's words, in plain en-GB: the problems a row can have, the triage's summary line and labels, the
//! counts, and the screen's own options. Ids begin `screen.`; `{name}` parts are filled by the code.

/// The screen's words: (message id, text).
pub const TEXTS: &[(&str, &str)] = &[
    // Options (the command line's --sort and --only, and the browser's views).
    ("screen.option.sort", "--sort takes deadline, reference, entitlement, refund-since, council, nhs-body, limitation, uncertain or row, not {value}"),
];
