//! The widget's own words (the element around the questions: loading, errors, navigation, the tools, check your
//! answers, the result page, the letter page and the adviser view), for `www/s117-words.js`, which `s117 words`
//! generates from this section and the page's JavaScript reads with `t(id, values)`. Ids are `widget.<part>.<what>`.
//! Only the command line's build carries them (the JavaScript has its own generated copy; the wasm needs none).

/// The widget's words: (message id, text).
pub const TEXTS: &[(&str, &str)] = &[
    // Loading the rules and the widget's parts.
    (
        "widget.load.rules",
        "Loading the checker\u{2019}s rules. This usually takes a moment\u{2026}",
    ),
    (
        "widget.load.rules_failed",
        "Sorry, the checker\u{2019}s rules could not be loaded.",
    ),
    ("widget.load.try_again", "Try again"),
    (
        "widget.load.check_connection",
        "Check your internet connection, then try again. Your answers so far are kept.",
    ),
    ("widget.load.answer", "Loading this page\u{2026}"),
    (
        "widget.load.answer_failed",
        "Sorry, this page could not be loaded.",
    ),
    ("widget.load.adviser", "Loading the adviser view\u{2026}"),
    (
        "widget.load.adviser_failed",
        "Sorry, the adviser view could not be loaded.",
    ),
    ("widget.load.letter", "Loading the letter\u{2026}"),
    (
        "widget.load.letter_failed",
        "Sorry, the letter could not be loaded.",
    ),
    // The page around the questions.
    (
        "widget.about.line",
        "This is a screening tool, not legal advice. It reflects the law on {law_date} (rules version {version}). Checked as at {as_at}.",
    ),
    (
        "widget.about.before_rules",
        "This is a screening tool, not legal advice. Checked as at {as_at}.",
    ),
    (
        "widget.page.intro",
        "Answer a few questions to find out if you are owed free after-care under section 117 of the Mental Health Act 1983, and who must provide it.",
    ),
    (
        "widget.page.intro_more",
        "It takes about 10 minutes, or longer if you were in hospital more than once. If you don\u{2019}t know an answer, you can say so. You can fill it in for someone else: the questions will then ask about them.",
    ),
    ("widget.page.continue", "Continue"),
    ("widget.page.back", "Back"),
    ("widget.page.check", "Check your answers"),
    ("widget.page.result", "Your result"),
    ("widget.page.problem", "There is a problem"),
    ("widget.page.error_prefix", "Error: "),
    // Captions over a page about one stay or one charge.
    ("widget.caption.stay", "Your stay in hospital"),
    ("widget.caption.stay.other", "{name}\u{2019}s stay in hospital"),
    ("widget.caption.stay_n.other", "{name}\u{2019}s {n} stay in hospital"),
    ("widget.caption.stay_n_from.other", "{name}\u{2019}s {n} stay in hospital (from {date})"),
    ("widget.caption.the_person", "the person"),
    ("widget.caption.stay_n", "Your {n} stay in hospital"),
    (
        "widget.caption.stay_n_from",
        "Your {n} stay in hospital (from {date})",
    ),
    ("widget.caption.charge", "Charge {n}"),
    // Ordinals, for the stays ("Your second stay in hospital").
    ("widget.ordinal.1", "first"),
    ("widget.ordinal.2", "second"),
    ("widget.ordinal.3", "third"),
    ("widget.ordinal.4", "fourth"),
    ("widget.ordinal.5", "fifth"),
    ("widget.ordinal.6", "sixth"),
    ("widget.ordinal.7", "seventh"),
    ("widget.ordinal.8", "eighth"),
    ("widget.ordinal.9", "ninth"),
    ("widget.ordinal.10", "tenth"),
    ("widget.ordinal.other", "{n}th"),
    // Dates: month names (also read back when typed), and a date as it keeps its precision.
    ("widget.month.1", "January"),
    ("widget.month.2", "February"),
    ("widget.month.3", "March"),
    ("widget.month.4", "April"),
    ("widget.month.5", "May"),
    ("widget.month.6", "June"),
    ("widget.month.7", "July"),
    ("widget.month.8", "August"),
    ("widget.month.9", "September"),
    ("widget.month.10", "October"),
    ("widget.month.11", "November"),
    ("widget.month.12", "December"),
    ("widget.date.long", "{day} {month} {year}"),
    ("widget.date.month_year", "{month} {year}"),
    // The date input.
    ("widget.date.day", "Day"),
    ("widget.date.month", "Month"),
    ("widget.date.year", "Year"),
    ("widget.date.example", "27 3 2021"),
    (
        "widget.date.hint",
        "For example, {example}. If you only know the month or the year, leave the day (or the day and month) blank.",
    ),
    (
        "widget.date.hint_after",
        "{hint} For example, {example}. If you only know the month or the year, leave the day (or the day and month) blank.",
    ),
    ("widget.date.enter", "Enter {subject}"),
    ("widget.date.needs_year", "{subject} must include a year"),
    (
        "widget.date.year_digits",
        "Year must include 4 numbers, for example 2021",
    ),
    ("widget.date.year_from", "Year must be 1900 or later"),
    (
        "widget.date.needs_month",
        "{subject} must include a month. If you only know the year, leave the day blank too",
    ),
    (
        "widget.date.month_number",
        "Month must be a number from 1 to 12, or a month\u{2019}s name",
    ),
    ("widget.date.day_number", "Day must be a number, for example 27"),
    ("widget.date.real", "{subject} must be a real date"),
    // Choices.
    ("widget.choice.more", "Show more options"),
    ("widget.choice.or", "or"),
    // The combobox (councils, NHS bodies) and its lists.
    ("widget.combobox.suggestions", "Suggestions"),
    ("widget.combobox.list_suggestions", "suggestions"),
    ("widget.combobox.list_councils", "councils"),
    ("widget.combobox.list_nhs_bodies", "NHS bodies"),
    ("widget.combobox.loading", "Loading the list of {list}\u{2026}"),
    ("widget.combobox.loading_announced", "Loading the list of {list}."),
    (
        "widget.combobox.list_failed",
        "Sorry, the list of {list} could not be loaded. You can type the name in full, or {retry}.",
    ),
    ("widget.combobox.try_again", "try again"),
    (
        "widget.combobox.list_failed_announced",
        "The list of {list} could not be loaded.",
    ),
    ("widget.combobox.chosen", "{name} chosen"),
    (
        "widget.combobox.one_match",
        "1 suggestion. Use the up and down arrow keys to choose, or keep what you typed.",
    ),
    (
        "widget.combobox.matches",
        "{n} suggestions. Use the up and down arrow keys to choose, or keep what you typed.",
    ),
    (
        "widget.combobox.no_matches",
        "No suggestions. You can keep what you typed.",
    ),
    ("widget.combobox.wales", "(Wales)"),
    (
        "widget.combobox.district",
        "(district: social services are run by {council})",
    ),
    (
        "widget.combobox.district_note",
        "{district} is a district council. Social services there are run by {council}, so that is the council we will name.",
    ),
    // The quick exit.
    ("widget.exit.emergency", "Emergency: "),
    ("widget.exit.button", "Exit this page"),
    (
        "widget.exit.hint",
        "or press Shift 3 times. Your answers will be cleared.",
    ),
    // The tools under every page.
    ("widget.tools.heading", "Your answers"),
    (
        "widget.tools.note",
        "Your answers stay in this browser tab until you close it. Nothing is sent anywhere. On a shared computer, clear them when you have finished.",
    ),
    ("widget.tools.save", "Save answers to a file"),
    ("widget.tools.load", "Load answers from a file"),
    ("widget.tools.clear", "Clear my answers"),
    (
        "widget.tools.clear_confirm",
        "This removes every answer from this browser tab. Save them to a file first if you want to keep them.",
    ),
    ("widget.tools.clear_yes", "Yes, clear my answers"),
    ("widget.tools.cancel", "Cancel"),
    ("widget.tools.loaded", "Your answers have been loaded."),
    ("widget.tools.cleared", "Your answers have been cleared."),
    ("widget.tools.saved", "Your answers have been saved to a file."),
    ("widget.tools.load_failed", "We could not load that file. {reason}"),
    (
        "widget.tools.too_large",
        "The file is too large to be a set of answers.",
    ),
    (
        "widget.tools.not_answers",
        "The file is not a set of answers saved from this checker.",
    ),
    ("widget.tools.not_a_case", "Answers must be an object (a Case)."),
    // The adviser view.
    ("widget.adviser.heading", "Case details"),
    (
        "widget.adviser.hint",
        "Every change is checked at once. Dates may be exact (2023-05-14), a month (2023-05) or a year (2023). Stays oldest first. Fields appear as the answers make them matter.",
    ),
    (
        "widget.adviser.form_waits",
        "The form appears when the rules have loaded.",
    ),
    ("widget.adviser.now", "Now and since leaving hospital"),
    ("widget.adviser.stay", "Stay {n}"),
    ("widget.adviser.not_known", "Not known"),
    ("widget.adviser.date_placeholder", "YYYY-MM-DD"),
    ("widget.adviser.result", "Result"),
    ("widget.adviser.field_error", "{label}: {error}"),
    ("widget.adviser.updated", "Result updated: {result}."),
    (
        "widget.adviser.fix_problems",
        "Fix the problems above to see the result.",
    ),
    // The adviser view's screen of many enquiries.
    ("widget.screen.heading", "Screen many enquiries"),
    (
        "widget.screen.intro",
        "For advice services and law firms: check a whole file of enquiries at once (CSV, or JSON Lines of cases), with the same rules as this checker. The file is read in this browser and nothing is sent anywhere.",
    ),
    ("widget.screen.open", "Open the screen"),
    ("widget.screen.close", "Close the screen"),
    ("widget.screen.loading", "Loading the screen\u{2026}"),
    (
        "widget.screen.failed",
        "Sorry, the screen could not be loaded.",
    ),
    (
        "widget.screen.opened",
        "The screen is open. Choose a file of enquiries.",
    ),
    // ----- Mechanics (issue #10): page titles, the page for a stay outside England and Wales, save and return,
    // Change and Remove for a stay, the adviser's words for the person, branding.
    ("widget.title.page", "{heading} \u{2013} {host}"),
    ("widget.title.error", "Error: {title}"),
    (
        "widget.elsewhere.heading_scotland",
        "This checker does not cover a stay in hospital in Scotland",
    ),
    (
        "widget.elsewhere.heading_northern_ireland",
        "This checker does not cover a stay in hospital in Northern Ireland",
    ),
    (
        "widget.elsewhere.applies",
        "Section 117 of the Mental Health Act 1983 applies to people detained in hospital in England or Wales.",
    ),
    (
        "widget.elsewhere.law_scotland",
        "In Scotland a different law applies: the Mental Health (Care and Treatment) (Scotland) Act 2003. Its rules on care after a stay in hospital are not the same, and this checker does not cover them.",
    ),
    (
        "widget.elsewhere.law_northern_ireland",
        "In Northern Ireland a different law applies: the Mental Health (Northern Ireland) Order 1986. Its rules on care after a stay in hospital are not the same, and this checker does not cover them.",
    ),
    ("widget.elsewhere.advice_heading", "Where to get advice"),
    (
        "widget.elsewhere.advice_scotland",
        "Ask a solicitor in Scotland, or an advice service or an advocacy service there, about care after a stay in hospital in Scotland.",
    ),
    (
        "widget.elsewhere.advice_northern_ireland",
        "Ask a solicitor in Northern Ireland, or an advice service or an advocacy service there, about care after a stay in hospital in Northern Ireland.",
    ),
    (
        "widget.elsewhere.also_heading",
        "If you were also detained in England or Wales",
    ),
    (
        "widget.elsewhere.also",
        "Section 117 may apply to a stay in hospital in England or Wales. Answer a few questions about this stay first. Then, when you are asked if you were kept in hospital again, say yes and add the stay in England or Wales.",
    ),
    (
        "widget.elsewhere.add_stay",
        "I was also detained in England or Wales \u{2013} add that stay",
    ),
    ("widget.elsewhere.start_again", "Start again"),
    ("widget.elsewhere.sources", "Sources"),
    (
        "widget.elsewhere.source_s117",
        "Mental Health Act 1983, section 117",
    ),
    (
        "widget.elsewhere.source_scotland",
        "Mental Health (Care and Treatment) (Scotland) Act 2003",
    ),
    (
        "widget.elsewhere.source_northern_ireland",
        "Mental Health (Northern Ireland) Order 1986",
    ),
    (
        "widget.tools.file_what",
        "\u{201c}Save answers to a file\u{201d} puts a small file of your answers in your downloads (its name ends in .json). It stays on your device: nothing is sent to us or to anyone else.",
    ),
    (
        "widget.tools.file_how",
        "To carry on later, come back to this page, choose \u{201c}Load answers from a file\u{201d} and pick that file. Anyone who can open the file can read your answers.",
    ),
    ("widget.tools.print", "Print a summary of your answers"),
    (
        "widget.tools.print_what",
        "Or print a summary of your answers, to keep or to show an adviser.",
    ),
    ("widget.tools.print_heading", "Your answers, {date}"),
    ("widget.stay.change", "Change"),
    ("widget.stay.remove", "Remove"),
    ("widget.stay.what", " the {n} stay in hospital"),
    (
        "widget.stay.remove_confirm",
        "Remove the {n} stay in hospital and every answer about it?",
    ),
    ("widget.stay.remove_yes", "Yes, remove it"),
    ("widget.stay.removed", "The {n} stay in hospital has been removed."),
    ("widget.adviser.label.top_up", "Top-up chosen by the person"),
    ("widget.adviser.choice_unknown", "Not known to the person"),
    ("widget.adviser.tools.heading", "The answers"),
    (
        "widget.adviser.tools.note",
        "The answers stay in this browser tab until it is closed. Nothing is sent anywhere. On a shared computer, clear them when finished.",
    ),
    (
        "widget.adviser.tools.file_what",
        "\u{201c}Save answers to a file\u{201d} puts a small file of the answers in the downloads folder (its name ends in .json). It stays on this device: nothing is sent anywhere.",
    ),
    (
        "widget.adviser.tools.file_how",
        "To carry on later, come back to this page, choose \u{201c}Load answers from a file\u{201d} and pick that file. Anyone who can open the file can read the answers.",
    ),
    ("widget.adviser.tools.clear", "Clear the answers"),
    (
        "widget.adviser.tools.clear_confirm",
        "This removes every answer from this browser tab. Save them to a file first to keep them.",
    ),
    ("widget.adviser.tools.clear_yes", "Yes, clear the answers"),
    ("widget.adviser.tools.loaded", "The answers have been loaded."),
    ("widget.adviser.tools.cleared", "The answers have been cleared."),
    ("widget.adviser.tools.saved", "The answers have been saved to a file."),
    ("widget.adviser.blank.not_placed", "No council placed them there"),
    ("widget.adviser.blank.new_detention", "No, a new detention"),
    (
        "widget.adviser.ending.no_longer_needed",
        "Council and NHS both assessed the person and decided after-care is no longer needed",
    ),
    (
        "widget.adviser.ending.discharged_from_mental_health_services",
        "Discharged from the mental health team",
    ),
    (
        "widget.adviser.ending.dols",
        "Deprived of liberty under the Mental Capacity Act",
    ),
    (
        "widget.adviser.ending.readmitted_informally_or_s2",
        "Back in hospital informally or under section 2",
    ),
    (
        "widget.adviser.ending.cto_ended",
        "Community treatment order ended",
    ),
    ("widget.adviser.ending.refused_services", "The person refused services"),
    // Under a name the register did not know: its nearest names, as buttons.
    ("widget.suggestions.lead", "Did you mean:"),
];
