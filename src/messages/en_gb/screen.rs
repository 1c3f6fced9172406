//! The screen's words, in plain en-GB: what is wrong with a row and what to type instead, the warnings, the triage's
//! one-line summary, the counts, the screen's options, and what each enquiries column means.
//!
//! Ids begin `screen.`, then the part: `problem` and `warning` (how a problem or warning is placed), `csv`,
//! `headings`, `cell`, `value` and `jsonl` (what is wrong with the input), `summary` and `deadline` (the triage),
//! `counts`, `option` (`--sort`, `--only`), `cli` (`s117 screen`'s own messages) and `column` (the enquiries
//! columns the interview does not ask about; the others take their words from the interview's section). `{name}`
//! parts are filled by the code. A text here never starts or ends with the space that separates it from the next
//! sentence: the code adds that.

/// The screen's words: (message id, text). Empty in a build without the screen (the widget's WebAssembly package),
/// which never shows them.
#[cfg(not(feature = "screen"))]
pub const TEXTS: &[(&str, &str)] = &[];

/// The screen's words: (message id, text).
#[cfg(feature = "screen")]
pub const TEXTS: &[(&str, &str)] = &[
    // Where a problem or warning is: a CSV row and column, or a JSON Lines line and field.
    ("screen.problem.row_column", "row {row}, column {column}: {message}"),
    ("screen.problem.left_blank", "{message} \u{2014} left blank: the row was screened without it"),
    ("screen.problem.row", "row {row}: {message}"),
    ("screen.problem.line_field", "line {row}, field {column}: {message}"),
    ("screen.problem.line", "line {row}: {message}"),
    ("screen.warning.row", "row {row}: {message}"),
    // The reference of a row that has none.
    ("screen.reference.row", "row {row}"),
    ("screen.reference.line", "line {row}"),
    // The file as a whole.
    ("screen.format.unknown", "the format is csv or jsonl, not {value}"),
    ("screen.csv.unclosed_quote", "a quotation mark (\") opens a cell here but is never closed, so the rest of the file was read as one cell. Remove the stray quotation mark, or put the whole cell in quotes and double any quotation marks inside it"),
    ("screen.csv.empty", "the file is empty: the first row must be the column headings (see examples/enquiries-template.csv)"),
    ("screen.csv.carried_column", "column {letter} ({heading}) is not one the screen reads: it is copied to the triage unchanged, after the screen's columns"),
    ("screen.csv.repeated_reference", "reference {reference} is also on row {first}"),
    // Warnings about single rows beyond the first ones listed, counted by what they say (src/screen/job.rs).
    ("screen.warnings.more_row", "1 more row: {message}"),
    ("screen.warnings.more_rows", "{count} more rows: {message}"),
    ("screen.warnings.others", "{count} more warnings, each saying something different from those above, are only counted here"),
    ("screen.warnings.not_listed", "{count} more warnings about single rows are not listed one by one, to keep this list short (the first {listed} are, with their rows). The lines above that begin with a number of more rows count them by what they say: the column, the value as written and how it was read. To find those rows, filter your file on that column for that value; every one of them is in the triage, screened with its cells read as the warning says."),
    ("screen.csv.stray_column", "column {letter} has no heading, so what is in it{others} was ignored"),
    ("screen.csv.stray_column.others", " (and {count} other rows)"),
    ("screen.csv.not_utf8", "the file is not UTF-8, so it was read as Windows-1252 (what Excel saves as \"CSV (Comma delimited)\"). Check accented names, or save as \"CSV UTF-8\""),
    ("screen.headings.twice", "the heading {heading} means the same as {first} in column {letter}; keep one of them"),
    ("screen.headings.missing", "the first row must be the column headings (reference, as_at, d1_section, d1_admitted, \u{2026}); this one has neither a reference nor a d1_section column. Start from examples/enquiries-template.csv"),
    // A blank cell that is needed.
    ("screen.cell.as_at_blank", "blank, and no default date of the check was given (--as-at YYYY-MM-DD)"),
    ("screen.cell.section_blank", "blank, but other d{n}_ cells are filled in: give the section (such as 3 or 37/41), or unknown"),
    ("screen.cell.top_up_alone", "says yes, but c{n}_what, c{n}_since and c{n}_until are blank: say what the charge is for and when it began"),
    ("screen.cell.per_blank", "blank, but c{n}_amount is given: say what the amount is for (week, month, year or total); the amount was left out"),
    ("screen.cell.ended_no_reason", "after-care stopped, but no reason is given: screened as ended for another reason, so whether the ending was lawful is uncertain (add a column for the reason to be precise)"),
    ("screen.cell.ended_reason_blank", "blank, but other ended_ cells are filled in: give the reason after-care was said to end (no_longer_needed, time_passed, \u{2026}, or other)"),
    // A cell that cannot be read.
    ("screen.value.not_one_of", "{cell} is not {what}: use {codes}"),
    ("screen.value.or_list", "{items} or {last}"),
    ("screen.value.section", "{cell} is not a section this checker knows: use {codes}"),
    ("screen.value.jurisdiction", "a country of the United Kingdom"),
    ("screen.value.country", "a country"),
    ("screen.value.leaving", "a way of leaving hospital"),
    ("screen.value.recall", "a kind of recall"),
    ("screen.value.ending_reason", "a reason for ending after-care"),
    ("screen.value.per", "what the amount is for"),
    ("screen.value.amount", "{cell} is not an amount of money: use pounds, such as 200, 185.50 or \u{a3}1,250"),
    ("screen.value.yes_no", "{cell} is not yes or no: use yes, no, or leave it blank if not known"),
    ("screen.value.yes_no_or_date", "{cell} is not yes, no or a date: use yes, no, the date after-care stopped, or leave it blank if not known"),
    // JSON Lines.
    ("screen.jsonl.not_json", "not valid JSON: {message}"),
    ("screen.jsonl.at_character", "{message} (at character {column})"),
    ("screen.jsonl.not_object", "each line must be one JSON object (a Case)"),
    ("screen.jsonl.reference_not_text", "must be text, such as \"ENQ-1\""),
    ("screen.jsonl.case_and_more", "a line with a case field must have only reference and case"),
    ("screen.jsonl.as_at_missing", "missing, and no default date of the check was given (--as-at YYYY-MM-DD)"),
    // The triage's one-line summary, sentence by sentence.
    ("screen.summary.entitled", "Entitled"),
    ("screen.summary.entitled_since", "Entitled since {date}"),
    ("screen.summary.entitled_on_leaving_hospital", "Entitled on leaving hospital"),
    ("screen.summary.not_entitled", "Not entitled on these facts"),
    ("screen.summary.ended", "After-care was ended lawfully"),
    ("screen.summary.undetermined", "Undetermined: more facts needed"),
    ("screen.summary.out_of_scope", "Out of scope: detained under Scottish or Northern Irish law"),
    ("screen.summary.to_confirm", "{name} (to confirm)"),
    ("screen.summary.bodies", "{outcome}: {council} and {nhs_body}."),
    ("screen.summary.body", "{outcome}: {body}."),
    ("screen.summary.no_body", "{outcome}."),
    ("screen.summary.time_barred", "Charged while owed after-care, but every payment is over six years old{estimate}."),
    ("screen.summary.refund", "Refund likely: {since}{still}{estimate}."),
    ("screen.summary.charged_since", "charged since {date}"),
    ("screen.summary.charged_while_entitled", "charged while entitled"),
    ("screen.summary.still_charged", ", still charged"),
    ("screen.summary.about", ", about {amount}"),
    ("screen.summary.likely_unlawful_ending", "Ending of after-care looks unlawful."),
    ("screen.summary.ended_while_on_cto", "After-care was ended while on a CTO."),
    ("screen.summary.ask_for_ending_decision", "Ask for the joint written decision that ended after-care."),
    ("screen.summary.next_deadline", "Next deadline: {deadline} by {date}{approximate}."),
    ("screen.summary.approximate", " or earlier (dates approximate)"),
    ("screen.summary.ombudsman_undated", "Ombudsman: 12 months from when they first knew (not given)."),
    ("screen.summary.one_point", "1 point to check."),
    ("screen.summary.points", "{count} points to check."),
    ("screen.pounds", "\u{a3}{amount}"),
    // A deadline in words.
    ("screen.deadline.judicial_review", "judicial review"),
    ("screen.ics.approximate", " (approximate: may be earlier)"),
    ("screen.ics.summary", "{reference}: {deadline}{approximate}"),
    ("screen.deadline.ombudsman", "ombudsman complaint"),
    ("screen.deadline.limitation", "court claim for the oldest payment still in time"),
    ("screen.deadline.reply", "reply"),
    // The counts.
    ("screen.counts", "{rows} rows: {screened} screened ({outcomes}), {with_unreadable} of them with cells left blank, {with_errors} not screened; {refund} refund candidates; {with_deadline} with a deadline ahead"),
    ("screen.counts.outcome", "{count} {outcome}"),
    ("screen.summary.unreadable.many", "{count} cells could not be read and were left blank ({cells}): check them."),
    ("screen.summary.unreadable.one", "1 cell could not be read and was left blank ({cells}): check it."),
    ("screen.unreadable.row", "the row"),
    ("screen.counts.none", "none"),
    // The enquiries columns the interview does not ask about (the others are described by its labels and hints).
    ("screen.column.reference.label", "The firm's reference"),
    ("screen.column.reference.hint", "Copied to the triage row. Blank: the row is called row N. A reference used twice is warned about."),
    ("screen.column.as_at.label", "The date of the check"),
    ("screen.column.as_at.hint", "Blank: the date given with --as-at (in the browser, the date in the form, today by default)."),
    // The fields a profile can name that are not columns of the template, as the screen page's choice of field names them.
    ("screen.field.aftercare_stopped", "After-care stopped (yes, no or the date it stopped)"),
    ("screen.field.cto", "Left hospital on a CTO (yes or no)"),
    ("screen.field.weekly_amount", "Amount (\u{a3}) a week"),
    ("screen.field.monthly_amount", "Amount (\u{a3}) a month"),
    ("screen.field.yearly_amount", "Amount (\u{a3}) a year"),
    ("screen.field.total_amount", "Amount (\u{a3}) in total"),
    // Options (the command line's --sort and --only, and the browser's views).
    ("screen.option.sort", "--sort takes deadline, reference, entitlement, refund-since, council, nhs-body, limitation, uncertain or row, not {value}"),
    ("screen.option.only", "--only takes refund, deadline, uncertain, warning or an entitlement ({codes}), not {value}"),
    // `s117 screen`: its help, and what it prints on standard error (only in the command line's build).
    #[cfg(feature = "cli")]
    ("screen.cli.usage", "\
s117 screen: triage many enquiries at once (a screening tool, not legal advice)

Usage:
  s117 screen [OPTIONS] FILE      FILE is .csv (or .jsonl / .ndjson for JSON Lines of Cases); - reads standard input
  s117 screen --template          print a blank CSV with every column heading (3 stays, 2 charges)
  s117 screen --columns           list every column the screen reads, and what it means

Options:
  -o, --output FILE           write the triage here instead of standard output
      --format csv|jsonl      the triage as CSV (default) or JSON Lines
      --input-format csv|jsonl
                              how to read FILE (default: from its extension; CSV for standard input)
      --as-at YYYY-MM-DD      the date of the check for rows that have no as_at (default: today, from the
                              computer's clock; the summary says so)
      --only WHAT[,WHAT...]   keep only rows with WHAT: refund, deadline, uncertain, warning, or an entitlement
                              (entitled, entitled_on_leaving_hospital, undetermined, ended, not_entitled,
                              out_of_scope). Commas mean any of them; repeat --only to require all.
      --deadline-within DAYS  keep only rows with a deadline from the as-at date to DAYS days after it
      --sort KEY              row (input order, default), deadline (soonest first), reference, entitlement,
                              refund-since (longest charged first), council, nhs-body, limitation, uncertain
      --descending            largest first (rows without the value stay last; ties keep input order)
      --errors FILE           also write every problem as CSV (row, cell, column, reference, screened, message)
      --calendar FILE.ics     also write each dated deadline that has not passed as an all-day event for a diary
                              (iCalendar; the enquiry's reference starts each event's title)
      --no-bom                leave out the byte-order mark that tells Excel the CSV is UTF-8
      --suggest-profile       print how the screen would read FILE (its separator, each heading's field, the
                              council names it would read loosely) as a profile to check, edit and keep; with
                              -o, write it to that file. Nothing is screened
      --profile FILE          read the export exactly as this profile says (see --suggest-profile)
  -q, --quiet                 no summary or warnings on standard error (problems are still listed)
  -h, --help

The CSV layout is documented in docs/screening.md. Problems are listed on standard error as
  row 7, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, ...)
and every other row is screened. Exit code 0 if any row was screened, 2 if none (or bad arguments),
1 if a file could not be read or written.
"),
    #[cfg(feature = "cli")]
    ("screen.cli.prefixed", "s117 screen: {message}"),
    #[cfg(feature = "cli")]
    ("screen.cli.not_text", "{value} is not valid text"),
    #[cfg(feature = "cli")]
    ("screen.cli.format", "{flag} takes csv or jsonl, not {value}"),
    #[cfg(feature = "cli")]
    ("screen.cli.as_at", "--as-at: {message}"),
    ("screen.cli.as_at_today", "Rows without their own as_at were screened as at today, {date} (from this computer's clock); give --as-at YYYY-MM-DD to screen as at another date."),
    #[cfg(feature = "cli")]
    ("screen.cli.deadline_within", "--deadline-within takes a whole number of days, not {value}"),
    #[cfg(feature = "cli")]
    ("screen.cli.unexpected", "unexpected argument {value} (one FILE only)"),
    #[cfg(feature = "cli")]
    ("screen.cli.give_file", "give the FILE to screen (or - for standard input)"),
    #[cfg(feature = "cli")]
    ("screen.cli.could_not_read", "could not read {file}: {error}"),
    #[cfg(feature = "cli")]
    ("screen.cli.could_not_write", "could not write {file}: {error}"),
    #[cfg(feature = "cli")]
    ("screen.cli.the_output", "the output"),
    #[cfg(feature = "cli")]
    ("screen.cli.more_problems", "\u{2026} and {count} more problems{where}"),
    #[cfg(feature = "cli")]
    ("screen.cli.more_problems.in_file", " (all are in the errors file)"),
    #[cfg(feature = "cli")]
    ("screen.cli.more_problems.write_them", " (write them all with --errors FILE)"),
    #[cfg(feature = "cli")]
    ("screen.cli.warning", "warning: {warning}"),
    #[cfg(feature = "cli")]
    ("screen.cli.summary", "{counts}; wrote {shown} rows to {to}"),
    #[cfg(feature = "cli")]
    ("screen.cli.standard_output", "standard output"),
    #[cfg(feature = "cli")]
    ("screen.cli.none_screened", "no row could be screened"),
    // Streaming, diary columns and letters in bulk (issue #11, part B).
    ("screen.read.failed", "the file could not be read to the end ({error}): the rows before this point were screened, the rest were not"),
    ("screen.letters.relationship", "solicitor"),
    ("screen.letters.our_reference", "Our reference: {reference}"),
    #[cfg(feature = "cli")]
    ("screen.cli.usage.more", "\
Letters, diary and speed:
      --letters DIR           also write a Word letter (.docx) for each row that needs one into DIR (made if
                              missing), named after the row's reference, in the tone the checker recommends
                              (a letter before claim for an ending still within the judicial review time limit)
      --firm FILE.json        the firm's letterhead for the letters: {\"name\", \"address\", \"phone\", \"email\",
                              \"reference_prefix\", \"relationship\", \"authority\", \"date\"}, each optional
      --firm-name TEXT, --firm-address TEXT, --firm-phone TEXT, --firm-email TEXT, --firm-reference PREFIX
                              the same, one at a time (they override the file)
      --threads N             how many threads decide rows (default: one per core; the result is the same)

Rows are read, screened and written a batch at a time, so memory does not grow with the file, except with
--sort other than row, which holds the rows kept until the end to order them.
"),
    #[cfg(feature = "cli")]
    ("screen.cli.letters_written", "letters written to {dir}: {count} (letters before claim among them: {before_claim})"),
    #[cfg(feature = "cli")]
    ("screen.cli.firm_file", "--firm {file}: {error}"),
    #[cfg(feature = "cli")]
    ("screen.cli.threads", "--threads takes a whole number, not {value}"),
    #[cfg(feature = "cli")]
    ("screen.cli.letters_need_dir", "--letters needs a folder, not a file: {dir}"),
    #[cfg(feature = "cli")]
    ("screen.cli.letters_held_back", "rows that need a letter but have a cell that could not be read, so have none yet: {count} (correct the cells listed above and screen them again)"),
    // Names read loosely (a council or an NHS body), and a note on how a cell was read.
    ("screen.note", "{column}: {message}"),
    ("screen.name.read_as", "read \u{201c}{cell}\u{201d} as {name}: check this is right"),
    // A name used as something other than written, in the row's read_as column (its column's heading goes first).
    ("screen.name.read_as.row", "\u{201c}{cell}\u{201d} read as {name}"),
    ("screen.name.elsewhere", "\u{201c}{cell}\u{201d} is {name}, a council in {nation}: section 117 applies only to councils in England and Wales, so the council that owes after-care is where the person was sent on leaving hospital (and if they were detained in {nation}, its own law applies instead)"),
    ("screen.name.scotland", "Scotland"),
    ("screen.name.northern_ireland", "Northern Ireland"),
    ("screen.name.council", "a council"),
    ("screen.name.nhs_body", "an NHS body (an integrated care board or a Welsh health board)"),
    ("screen.name.unknown", "\u{201c}{cell}\u{201d} is not {what} the checker knows: check the spelling, or leave it blank if not known"),
    ("screen.name.unknown.nearest", "\u{201c}{cell}\u{201d} is not {what} the checker knows: did you mean {names}? Correct the cell, or add the name to your profile"),
    ("screen.name.quoted", "\u{201c}{name}\u{201d}"),
    // A section cell that describes more than one stay, or how one ended.
    ("screen.stays.read_as", "read \u{201c}{cell}\u{201d} as {stays}."),
    ("screen.stays.then", ", then "),
    ("screen.stays.section", "section {code}"),
    ("screen.stays.unknown", "a stay whose section is not given"),
    ("screen.stays.informal", "an informal stay"),
    ("screen.stays.cto", "{stay}, left on a community treatment order"),
    ("screen.stays.conditional_discharge", "{stay}, conditionally discharged"),
    ("screen.stays.continuous", "A section that runs on into the next without leaving hospital (section 2 then section 3, for example) is one stay, and after-care is owed on leaving it."),
    ("screen.stays.earlier_undated", "The dates on this row are taken as the last stay's; the earlier stays' dates are not known, so give each stay its own columns (d1_, d2_ \u{2026}) to be precise."),
    ("screen.value.stays", "{cell} is not a section, or a list of stays, that the checker can read: write one section (such as 3 or 37/41), or the stays in order, such as 3 then 37, s2 then s3 or 3 (CTO)"),
    // A firm's mapping profile (`--suggest-profile`, `--profile`).
    ("screen.profile.header", "\
# How s117 screen reads this firm's export. Check it, keep it, and give it to the screen each time:
#   s117 screen export.csv --profile this-file.txt
# With a profile nothing is guessed: every line below is applied exactly.
#
# [file]  How the file is written. separator is comma, semicolon or tab. The other lines are rules the screen
#   always applies, written here so that you can see them: the text is UTF-8 or Windows-1252 (encoding); dates
#   are day first, so 03/06/2021 is 3 June 2021 (dates); a two-digit year from 83 to 99 is 1983 to 1999, and
#   from 00 to 82 is 2000 to 2082 (two_digit_years).
#
# [columns]  One line for each heading, written exactly as in the file, then = and what the column gives:
#   a field the screen reads (s117 screen --columns lists them: d1_ is the first stay, c1_ the first charge;
#   d1_cto is yes or no for \"left hospital on a CTO\", aftercare_stopped is yes, no or the date it stopped,
#   c1_weekly_amount and c1_monthly_amount are fees), carried (copied to the triage unchanged, after the
#   screen's columns) or ignored (left out). A heading not listed here is carried. A heading listed here that
#   the file does not have stops the screen, which names it.
#
# [councils]  A council's name as your file writes it = the name the screen should read it as. These are the
#   names the screen would read loosely: check each one, and correct or remove it. Lines starting with # are
#   names it could not read."),
    ("screen.profile.line", "line {line} of the profile: {message}"),
    ("screen.profile.part", "[{part}] is not a part of a profile: use [file], [columns] or [councils]"),
    ("screen.profile.no_part", "put each line under [file], [columns] or [councils]"),
    ("screen.profile.no_equals", "write each line as name = value: a heading = a field, or a council's name as written = its name"),
    ("screen.profile.field", "\u{201c}{field}\u{201d} is not a field the screen reads: use one that s117 screen --columns lists (such as reference, d1_section or c1_since, with the stay's or charge's number), carried or ignored"),
    ("screen.profile.heading_twice", "the heading \u{201c}{heading}\u{201d} is listed twice with different fields: keep one"),
    ("screen.profile.council", "\u{201c}{name}\u{201d} is not a council the checker knows: write the council's name as the register writes it, such as Lancashire County Council"),
    ("screen.profile.separator", "separator = {value} is not a separator: use comma, semicolon or tab"),
    ("screen.profile.fixed", "{name} = {value} is not a rule the screen can apply: use {allowed}"),
    ("screen.profile.rule", "{name} is not a rule of a profile's [file] part: use separator, encoding, dates or two_digit_years"),
    ("screen.profile.missing_heading", "the profile reads the heading \u{201c}{heading}\u{201d} as {field}, but the file has no such heading: correct the heading in the profile (written exactly as in the file), or remove its line"),
    ("screen.profile.unknown_council", "# {cell} = ?   (not a council the checker knows: write its name after the = and remove the #)"),
    ("screen.profile.unknown_council.nearest", "# {cell} = ?   (not a council the checker knows; nearest: {nearest}. Write the right one after the = and remove the #)"),
    #[cfg(feature = "cli")]
    ("screen.cli.profile", "could not use the profile {file}: {message}"),
];
