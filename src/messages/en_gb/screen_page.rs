//! The words of the screen's page in the browser (`www/screen/`), for `www/screen/words.js`, which `s117 words`
//! generates from this section; the page reads them with `t(id, values)`. Ids are `screen_page.<part>.<what>`.
//! Only the command line's build carries them (the page has its own generated copy).

/// The screen page's words: (message id, text).
pub const TEXTS: &[(&str, &str)] = &[];
