//! The words of the screen's page in the browser (`www/screen/`), for `www/screen/words.js`, which `s117 words`
//! generates from this section; the page reads them with `t(id, values)`. Ids are `screen_page.<part>.<what>`.
//! Only the command line's build carries them (the page has its own generated copy).
//!
//! The words that come from the core (a row's problems and warnings, the triage's summary and next step, the CSV
//! files) are in the `screen` section. `{name}` parts are filled by the page; where a count decides the form of a
//! word, `.one` and `.other` are the plural forms (`Intl.PluralRules`). A text here never starts or ends with the
//! space that separates it from the next: the page adds that.

/// The screen page's words: (message id, text).
pub const TEXTS: &[(&str, &str)] = &[
    // The title and what the screen does.
    ("screen_page.title", "Screen many enquiries"),
    (
        "screen_page.intro.hint",
        "Choose a CSV file with one enquiry per row, laid out as in the template. Each row is checked with the same rules as this checker.",
    ),
    (
        "screen_page.intro.private",
        "The file is read in this browser and nothing is sent anywhere.",
    ),
    // The form.
    ("screen_page.form.as_at", "Date of the check"),
    (
        "screen_page.form.as_at_hint",
        "Used for rows that do not give an as_at date.",
    ),
    ("screen_page.form.file", "Enquiries file"),
    (
        "screen_page.form.file_hint",
        "CSV (.csv), or JSON Lines of cases (.jsonl).",
    ),
    ("screen_page.form.template", "Download a blank template (CSV)"),
    // Progress and the status line (announced).
    ("screen_page.progress.label", "Screening progress"),
    ("screen_page.progress.value", "{percent}%"),
    ("screen_page.status.starting", "Screening {name}\u{2026}"),
    (
        "screen_page.status.progress.one",
        "Screening\u{2026} {percent}% ({rows} row so far)",
    ),
    (
        "screen_page.status.progress.other",
        "Screening\u{2026} {percent}% ({rows} rows so far)",
    ),
    (
        "screen_page.status.done.one",
        "Screened {screened} of {rows} row.",
    ),
    (
        "screen_page.status.done.other",
        "Screened {screened} of {rows} rows.",
    ),
    (
        "screen_page.status.done_with_problems.one",
        "Screened {screened} of {rows} row; {bad} could not be screened (listed below).",
    ),
    (
        "screen_page.status.done_with_problems.other",
        "Screened {screened} of {rows} rows; {bad} could not be screened (listed below).",
    ),
    (
        "screen_page.status.done_with_blanks.one",
        "Screened {screened} of {rows} row; {blank} with cells that could not be read, left blank (listed below).",
    ),
    (
        "screen_page.status.done_with_blanks.other",
        "Screened {screened} of {rows} rows; {blank} with cells that could not be read, left blank (listed below).",
    ),
    (
        "screen_page.status.failed",
        "The file could not be screened: {message}",
    ),
    (
        "screen_page.status.not_started",
        "The screen could not start: {message}",
    ),
    ("screen_page.status.worker_failed", "the worker failed to load"),
    // The results: headings, the toolbar, the pager and the table's caption.
    ("screen_page.results.counts_heading", "Counts by outcome"),
    ("screen_page.results.triage_heading", "Triage"),
    ("screen_page.results.show", "Show"),
    ("screen_page.results.download", "Download the triage (CSV)"),
    (
        "screen_page.results.download_problems",
        "Download the problems (CSV)",
    ),
    ("screen_page.results.previous", "Previous page"),
    ("screen_page.results.next", "Next page"),
    ("screen_page.results.range", "Rows {from} to {to} of {total}"),
    ("screen_page.results.none", "No rows to show"),
    (
        "screen_page.results.caption",
        "Triage, sorted by {column} ({direction})",
    ),
    ("screen_page.results.ascending", "ascending"),
    ("screen_page.results.descending", "descending"),
    // The table's column headings.
    ("screen_page.column.row", "Row"),
    ("screen_page.column.reference", "Reference"),
    ("screen_page.column.entitlement", "Outcome"),
    ("screen_page.column.council", "Council"),
    ("screen_page.column.nhs_body", "NHS body"),
    ("screen_page.column.refund_since", "Refund since"),
    (
        "screen_page.column.limitation",
        "Limitation (court, six years)",
    ),
    ("screen_page.column.next_deadline", "Next deadline"),
    ("screen_page.column.next_step", "Next step"),
    ("screen_page.column.uncertain", "Points to check"),
    ("screen_page.column.summary", "Summary"),
    // A sortable column as the caption names it ("sorted by {column}").
    ("screen_page.sorted_by.row", "row"),
    ("screen_page.sorted_by.reference", "reference"),
    ("screen_page.sorted_by.entitlement", "outcome"),
    ("screen_page.sorted_by.council", "council"),
    ("screen_page.sorted_by.nhs_body", "NHS body"),
    ("screen_page.sorted_by.refund_since", "refund since"),
    (
        "screen_page.sorted_by.limitation",
        "limitation (court, six years)",
    ),
    ("screen_page.sorted_by.next_deadline", "next deadline"),
    ("screen_page.sorted_by.uncertain", "points to check"),
    // Outcomes, in the table and the counts.
    ("screen_page.outcome.entitled", "Entitled"),
    (
        "screen_page.outcome.entitled_on_leaving_hospital",
        "Entitled on leaving hospital",
    ),
    ("screen_page.outcome.undetermined", "Undetermined"),
    ("screen_page.outcome.ended", "Ended lawfully"),
    ("screen_page.outcome.not_entitled", "Not entitled"),
    ("screen_page.outcome.out_of_scope", "Out of scope"),
    // The filters ("Show").
    ("screen_page.filter.all", "All screened rows"),
    ("screen_page.filter.refund", "Refund likely"),
    (
        "screen_page.filter.entitled",
        "Entitled (now or on leaving hospital)",
    ),
    ("screen_page.filter.deadline30", "A deadline within 30 days"),
    ("screen_page.filter.uncertain", "Points to check"),
    ("screen_page.filter.undetermined", "Undetermined"),
    // The counts' labels (the outcomes are above).
    ("screen_page.count.rows", "Rows read"),
    ("screen_page.count.screened", "Screened"),
    ("screen_page.count.with_errors", "Could not be screened"),
    ("screen_page.count.with_unreadable", "Screened with cells left blank"),
    ("screen_page.count.refund", "Refund likely"),
    ("screen_page.count.with_deadline", "With a deadline ahead"),
    // The rows that could not be screened, and the warnings.
    (
        "screen_page.problems.heading.one",
        "Problems in {count} row",
    ),
    (
        "screen_page.problems.heading.other",
        "Problems in {count} rows",
    ),
    (
        "screen_page.problems.advice",
        "Correct these in the file and screen it again. A cell marked \u{201c}left blank\u{201d} was read as blank and its row screened without it, so check that row's result; a row with a problem not marked so could not be screened.",
    ),
    (
        "screen_page.problems.left_blank",
        "(left blank: the row was screened without it)",
    ),
    (
        "screen_page.problems.row_column",
        "Row {row}, column {column}:",
    ),
    ("screen_page.problems.row", "Row {row}:"),
    (
        "screen_page.problems.line_field",
        "Line {row}, field {column}:",
    ),
    ("screen_page.problems.line", "Line {row}:"),
    ("screen_page.problems.reference", "({reference})"),
    (
        "screen_page.problems.first",
        "Showing the first {shown} of {count} problems. Download the problems to see them all.",
    ),
    ("screen_page.warnings.heading", "Warnings"),
    ("screen_page.warnings.row", "Row {row}: {message}"),
    // The table's cells.
    ("screen_page.cell.to_confirm", "{name} (to confirm)"),
    ("screen_page.refund.yes", "Yes"),
    ("screen_page.refund.ongoing", "still charged"),
    ("screen_page.refund.estimate", "about \u{a3}{amount}"),
    (
        "screen_page.refund.time_barred",
        "every payment over six years old",
    ),
    ("screen_page.deadline.exact", "{date} ({kind})"),
    (
        "screen_page.deadline.approximate",
        "{date} ({kind}, or earlier: dates approximate)",
    ),
    (
        "screen_page.deadline_kind.judicial_review",
        "judicial review",
    ),
    ("screen_page.deadline_kind.ombudsman", "ombudsman"),
    ("screen_page.deadline_kind.limitation", "limitation"),
    ("screen_page.deadline_kind.reply", "reply"),
    // The mapping: how the file was read, a choice of field for each heading, and as a profile the firm can edit,
    // save and load.
    ("screen_page.mapping.heading", "How your file was read"),
    ("screen_page.mapping.hint", "Each heading of your file is listed as written, with what the screen read it as. If a heading was read wrongly, choose what it gives, then screen again. Save the mapping to use it next time, here or with s117 screen FILE --profile MAPPING."),
    ("screen_page.mapping.separator", "Cells are separated by"),
    ("screen_page.mapping.separator.comma", "Commas"),
    ("screen_page.mapping.separator.semicolon", "Semicolons"),
    ("screen_page.mapping.separator.tab", "Tabs"),
    ("screen_page.mapping.columns.caption", "Your file's headings and what each gives"),
    ("screen_page.mapping.columns.heading", "Heading in your file"),
    ("screen_page.mapping.columns.field", "Read as"),
    ("screen_page.mapping.field_label", "Read \u{201c}{heading}\u{201d} as"),
    ("screen_page.mapping.carried", "Carried to the triage unchanged"),
    ("screen_page.mapping.ignored", "Left out"),
    ("screen_page.mapping.group.case", "The enquiry"),
    ("screen_page.mapping.group.stay", "Stay {number}"),
    ("screen_page.mapping.group.charge", "Charge {number}"),
    ("screen_page.mapping.option", "{label} ({id})"),
    ("screen_page.mapping.councils.heading", "Council names"),
    ("screen_page.mapping.councils.hint", "The council names in your file that the screen read loosely, and the council it read each as. Correct any that are wrong. A blank one could not be read: write the council's name as the register writes it, such as Lancashire County Council."),
    ("screen_page.mapping.councils.name", "Name in your file"),
    ("screen_page.mapping.councils.council", "Read as the council"),
    ("screen_page.mapping.council_label", "Council that \u{201c}{name}\u{201d} means"),
    ("screen_page.mapping.apply", "Screen again with this mapping"),
    ("screen_page.mapping.save", "Save the mapping"),
    ("screen_page.mapping.load", "Load a saved mapping"),
    ("screen_page.mapping.load_hint", "A mapping saved here, or written for s117 screen --profile. The file is screened again with it."),
    ("screen_page.mapping.error_prefix", "Error:"),
    ("screen_page.mapping.text.summary", "Edit the mapping as text"),
    ("screen_page.mapping.label", "The mapping as text"),
    ("screen_page.mapping.text.hint", "The same mapping as the choices above, as it is saved. Each line under [columns] is a heading of your file, exactly as written, then = and what the screen reads it as: a field (such as d1_section), carried (copied to the triage unchanged) or ignored (left out). Change a line, then screen again with this text."),
    ("screen_page.mapping.text.apply", "Screen again with this text"),
];
