//! Facts that cannot all be true together (`crate::validate`): what is wrong and what to do, shown next to the
//! question in the widget, on the row and column in the screen, and on the command line. Dates in words, at the
//! precision given ("1 April 2024", "April 2024").

/// The section's messages, sorted by id.
pub const TEXTS: &[(&str, &str)] = &[
    ("input.after_check", "{date} is after the date of the check ({as_at}). Check the date."),
    ("input.before_act", "{as_at} is before the Mental Health Act 1983 came into force (30 September 1983); this checker does not cover earlier law."),
    ("input.before_previous_stay", "{admitted} is before the stay listed above it began ({previous}). List stays oldest first."),
    ("input.before_stay", "{date} is before this stay began ({admitted}). Check the dates, or leave this one blank if you are not sure."),
    ("input.charge.amount", "the amount must be a number of pounds, 0 or more (for example 200 or 185.50)."),
    ("input.charge.per", "say what the amount is for: each week, month or year, or the total."),
    ("input.charge.until_before_since", "{until} is before the charges began ({since}). Check the dates."),
    ("input.died_before_stay", "{died} is before stay {n} began ({admitted}). Check the date."),
    ("input.died_then_later_stay", "you said the person died during this stay, but a later stay is listed. Check how this stay ended."),
    ("input.still_in_hospital_with_date", "you said you are still in hospital, but gave a date you left. Remove the date, or change how the stay ended."),
];
