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
];
