//! The widget's words for its answer and letter parts (`www/s117-answer.js`: check your answers, the result page and
//! the Decision shown; `www/s117-letter.js`: the letter's details form, its actions and the letter shown), for
//! `www/s117-words.js`, which `s117 words` generates from this section and `widget.rs`, and the page's JavaScript
//! reads with `t(id, values)`. Ids are `result.<part>.<what>`. The words of the Decision itself (its summary, reasons,
//! flags and next steps) and of the letter are the core's, in `decision.rs` and `letter.rs`. Only the command line's
//! build carries these (the JavaScript has its own generated copy; the wasm needs none).

/// The answer and letter parts' words: (message id, text).
pub const TEXTS: &[(&str, &str)] = &[
    // Check your answers.
    ("result.check.heading", "Check your answers"),
    (
        "result.check.lede",
        "Check what you have told us, and change anything that is not right.",
    ),
    ("result.check.charge_title", "Charge {number}"),
    ("result.check.since_title", "Since you left hospital"),
    (
        "result.check.unanswered_one",
        "One question has not been answered yet. You can still get a result, but it may be less certain.",
    ),
    (
        "result.check.unanswered_many",
        "{count} questions have not been answered yet. You can still get a result, but it may be less certain.",
    ),
    ("result.check.get_result", "Get my result"),
    ("result.check.change", "Change"),
    ("result.check.change_what_stay", "{question} for stay {number}"),
    (
        "result.check.change_what_charge",
        "{question} for charge {number}",
    ),
    ("result.check.not_known", "Not known"),
    ("result.check.money", "£{amount}"),
    // Announcements.
    ("result.announce.result", "Result: {summary}"),
    (
        "result.announce.cleared",
        "Your answers have been cleared. Starting again.",
    ),
    // The result page.
    ("result.result.heading", "Your result"),
    ("result.result.heading_compact", "Result"),
    ("result.result.change_answers", "Change your answers"),
    ("result.result.start_again", "Start again"),
    ("result.result.warning", "Warning:"),
    (
        "result.result.disclaimer",
        "This is a screening tool, not legal advice. It reflects the law on {date}. Get advice before relying on it, especially near a deadline.",
    ),
    // The entitlement, as its tag shows it.
    ("result.tag.entitled", "Owed after-care"),
    (
        "result.tag.entitled_on_leaving_hospital",
        "Owed after-care when you leave hospital",
    ),
    ("result.tag.not_entitled", "Not owed section 117 after-care"),
    ("result.tag.ended", "After-care was ended"),
    ("result.tag.undetermined", "We need more information"),
    ("result.tag.out_of_scope", "Section 117 does not apply"),
    // Citations.
    ("result.cites.one", "Source:"),
    ("result.cites.many", "Sources:"),
    // What to do now.
    ("result.now.heading", "What to do now"),
    ("result.now.by", "By {date}"),
    ("result.now.who", "Who:"),
    ("result.now.how", "How:"),
    ("result.now.more_one", "One more thing you can do"),
    ("result.now.more_many", "{count} more things you can do"),
    // Time limits.
    ("result.deadlines.heading", "Time limits"),
    ("result.deadlines.dated", "{kind}: {date}"),
    (
        "result.deadlines.approximate",
        "(approximate: may be earlier)",
    ),
    ("result.deadlines.passed", "Passed"),
    (
        "result.deadline_kind.judicial_review",
        "Judicial review (a court challenge)",
    ),
    ("result.deadline_kind.ombudsman", "Complaint to the ombudsman"),
    (
        "result.deadline_kind.limitation",
        "Court claim to get money back",
    ),
    ("result.deadline_kind.reply", "Reply to your letter"),
    // Charges while after-care was owed.
    (
        "result.refund.ranges_one",
        "You were charged for care in this time, while after-care was owed:",
    ),
    (
        "result.refund.ranges_many",
        "You were charged for care in these times, while after-care was owed:",
    ),
    ("result.refund.from_until_now", "from {from} until now"),
    ("result.refund.from_to", "from {from} to {to}"),
    ("result.refund.range_of", "{what}: {range}"),
    (
        "result.refund.range_in_period",
        "{range} (after-care period {period})",
    ),
    (
        "result.refund.estimate",
        "About {amount}, not counting interest.",
    ),
    (
        "result.refund.within_six_years",
        "About {amount} of it was paid in the last six years.",
    ),
    (
        "result.refund.all_within_six_years",
        "All of it was paid in the last six years.",
    ),
    (
        "result.refund.all_time_barred",
        "Every one of these payments is more than six years old (made before {date}). A court claim to get them back may be out of time: get advice first.",
    ),
    (
        "result.refund.some_time_barred",
        "Payments made before {date} are more than six years old, and a court claim for them may be out of time.",
    ),
    // Who must provide and pay.
    (
        "result.bodies.joint_duty",
        "The council arranges social care and the NHS body arranges health care. They must work together, and neither can charge you for after-care.",
    ),
    ("result.body.council_title", "Social care: the council"),
    ("result.body.nhs_title", "Health care: the NHS body"),
    (
        "result.body.council_missing",
        "We cannot name the council from your answers. “Why we think this” says what we would need to know.",
    ),
    (
        "result.body.nhs_missing",
        "We cannot name the NHS body from your answers. “Why we think this” says what we would need to know.",
    ),
    ("result.body.not_certain", "Not certain"),
    (
        "result.body.uncertain",
        "We are not sure this is the right body. Check it, and see “Why we think this”.",
    ),
    ("result.body.candidates", "It could instead be:"),
    (
        "result.body_kind.english_council",
        "Council (social care), England",
    ),
    (
        "result.body_kind.welsh_council",
        "Council (social care), Wales",
    ),
    ("result.body_kind.council", "Council (social care)"),
    (
        "result.body_kind.integrated_care_board",
        "Integrated care board (NHS, England)",
    ),
    (
        "result.body_kind.local_health_board",
        "Local health board (NHS, Wales)",
    ),
    ("result.body_kind.nhs_england", "NHS England"),
    (
        "result.body_kind.clinical_commissioning_group",
        "Clinical commissioning group (NHS, before July 2022)",
    ),
    // The after-care periods.
    ("result.periods.heading", "Your after-care periods"),
    ("result.periods.from", "From"),
    ("result.periods.to", "To"),
    ("result.periods.ended_by", "What ended it"),
    ("result.periods.council", "Council"),
    ("result.periods.nhs_body", "NHS body"),
    ("result.periods.now", "now"),
    ("result.periods.not_known", "Not known"),
    ("result.periods.still_running", "Still running"),
    ("result.period_end.readmission", "Detained again"),
    (
        "result.period_end.joint_decision",
        "Joint decision that it was no longer needed",
    ),
    ("result.period_end.death", "Death"),
    // Why we think this.
    ("result.reasons.heading", "Why we think this"),
    // The flags, in groups.
    ("result.flags.warning", "Things to challenge"),
    ("result.flags.uncertain", "Points to check"),
    ("result.flags.info", "Good to know"),
    ("result.flag_date.refund", "From: {date}"),
    ("result.flag_date.refund_around", "From: around {date}"),
    ("result.flag_date.other", "Date: {date}"),
    ("result.flag_date.other_around", "Date: around {date}"),
    // The letter's section and its details form.
    ("result.letter.heading", "Ask them to confirm in writing"),
    (
        "result.letter.intro",
        "We can write a letter asking the council and the NHS body to confirm in writing whether you are owed section 117 after-care, who is responsible, and what happens next. You can print it, copy it into an email, or download it.",
    ),
    ("result.letter.to_legend", "Who should the letter go to?"),
    ("result.letter_to.both", "The council and the NHS body"),
    ("result.letter_to.council", "The council only"),
    ("result.letter_to.nhs", "The NHS body only"),
    ("result.letter_to.each", "A separate letter to each"),
    (
        "result.letter.person_legend",
        "Details of the person the letter is about",
    ),
    (
        "result.letter.person_hint",
        "All optional. They help the council and NHS find the right records. They stay in this browser tab and are never sent anywhere by this checker.",
    ),
    ("result.letter_field.person_name", "Full name"),
    ("result.letter_field.date_of_birth", "Date of birth"),
    ("result.letter_field.date_of_birth_subject", "Date of birth"),
    ("result.letter_field.person_address", "Address"),
    ("result.letter_field.person_nhs_number", "NHS number (optional)"),
    (
        "result.letter_field.person_nhs_number_hint",
        "It is 10 digits long, for example 485 777 3456. It helps them find your records.",
    ),
    ("result.letter_field.person_phone", "Phone number"),
    ("result.letter_field.person_email", "Email address"),
    ("result.letter.for_other", "I am writing for someone else"),
    ("result.letter_field.writer_name", "Your full name"),
    (
        "result.letter_field.writer_relationship",
        "Your relationship to them",
    ),
    (
        "result.letter_field.writer_relationship_hint",
        "For example, daughter, partner, advocate or solicitor.",
    ),
    ("result.letter_field.writer_address", "Your address"),
    ("result.letter_field.writer_phone", "Your phone number"),
    ("result.letter_field.writer_email", "Your email address"),
    (
        "result.letter.authority_legend",
        "What gives you authority to act for them? (optional)",
    ),
    (
        "result.letter.authority_hint",
        "The council and NHS may need this before they share information with you.",
    ),
    (
        "result.authority.consent",
        "They have given me their signed consent",
    ),
    (
        "result.authority.consent_hint",
        "Enclose a copy with the letter.",
    ),
    (
        "result.authority.lasting_power_of_attorney",
        "I am their attorney under a lasting power of attorney for health and welfare",
    ),
    (
        "result.authority.deputy",
        "I am their deputy, appointed by the Court of Protection",
    ),
    ("result.authority.other", "Something else"),
    (
        "result.authority.other_hint",
        "Enclose evidence of it with the letter.",
    ),
    (
        "result.authority.unknown",
        "None of these, or I\u{2019}d rather not say",
    ),
    (
        "result.letter.options_legend",
        "What else should the letter ask for?",
    ),
    ("result.letter.options_hint", "Select all that apply."),
    (
        "result.letter_option.personal_health_budget",
        "Ask about a personal health budget for the NHS part of my after-care",
    ),
    (
        "result.letter_option.direct_payments",
        "Ask about direct payments from the council",
    ),
    (
        "result.letter_option.advocate",
        "Ask for help from an independent advocate",
    ),
    (
        "result.letter_option.copy_of_records",
        "Ask for a copy of my after-care plan and the records about it",
    ),
    ("result.letter.create", "Create the letter"),
    ("result.letter.update", "Update the letter"),
    // The letter, written.
    (
        "result.letter.failed",
        "We could not write the letter from these answers:",
    ),
    ("result.letter.heading_one", "Your letter"),
    ("result.letter.heading_both", "Your letters"),
    (
        "result.letter.two_letters",
        "There is one letter to the council and one to the NHS body. Each says that the other has been sent. Print, copy or download them together.",
    ),
    (
        "result.letter.reply_by_one",
        "The letter asks for a reply by {date}. Keep a copy, and note the date you send it.",
    ),
    (
        "result.letter.reply_by_both",
        "Both letters ask for a reply by {date}. Keep a copy, and note the date you send them.",
    ),
    ("result.letter.notes_heading", "Before you send it"),
    (
        "result.letter.of_council",
        "Letter {number} of {total}: to the council",
    ),
    (
        "result.letter.of_nhs_body",
        "Letter {number} of {total}: to the NHS body",
    ),
    (
        "result.letter.of_other",
        "Letter {number} of {total}: to one of the bodies",
    ),
    ("result.letter.label", "Letter"),
    // The letter's actions and what they say when done.
    ("result.letter.print", "Print"),
    ("result.letter.print_what_one", "the letter"),
    ("result.letter.print_what_both", "both letters"),
    ("result.letter.copy", "Copy"),
    ("result.letter.copy_both", "Copy both letters"),
    (
        "result.letter.copied_one",
        "The letter has been copied. You can paste it into an email or a document.",
    ),
    (
        "result.letter.copied_both",
        "Both letters have been copied. You can paste them into an email or a document.",
    ),
    (
        "result.letter.copy_failed_one",
        "Copying did not work in this browser. Select the text of the letter and copy it yourself.",
    ),
    (
        "result.letter.copy_failed_both",
        "Copying did not work in this browser. Select the text of both letters and copy it yourself.",
    ),
    ("result.letter.download_txt", "Download .txt"),
    (
        "result.letter.download_txt_what_one",
        "(the letter as a text file)",
    ),
    (
        "result.letter.download_txt_what_both",
        "(both letters as one text file)",
    ),
    (
        "result.letter.downloaded_txt_one",
        "The letter has been downloaded as a text file.",
    ),
    (
        "result.letter.downloaded_txt_both",
        "Both letters have been downloaded as a text file.",
    ),
    ("result.letter.download_docx", "Download .docx"),
    (
        "result.letter.download_docx_what_one",
        "(the letter as a Word document)",
    ),
    (
        "result.letter.download_docx_what_both",
        "(both letters as one Word document)",
    ),
    (
        "result.letter.downloaded_docx_one",
        "The letter has been downloaded as a Word document.",
    ),
    (
        "result.letter.downloaded_docx_both",
        "Both letters have been downloaded as one Word document, each starting on a new page.",
    ),
    (
        "result.letter.docx_failed",
        "We could not make the Word document: {error}",
    ),
    // Help from a person, on every result: crisis lines, advocacy, legal aid, and the host's own helpline.
    ("result.help.heading", "Help from a person"),
    ("result.help.host_phone", "{phone}"),
    ("result.help.host_phone_hours", "{phone} ({hours})"),
    ("result.help.host_link", "Their website"),
    ("result.help.samaritans", "If you are struggling or feel unsafe, call Samaritans free on 116 123, day or night."),
    ("result.help.nhs_111", "For urgent mental health help, call NHS 111 and choose the mental health option. In Wales, call NHS 111 Wales and press 2."),
    ("result.help.emergency", "If a life is in danger, call 999."),
    ("result.help.advocacy", "An advocate can help you for free. If you are detained, on a community treatment order or conditionally discharged, ask the hospital or your care team for an independent mental health advocate. Anyone else can ask a local advocacy service."),
    ("result.help.legal_aid", "A solicitor who knows community care or mental health law can advise you. Legal aid may pay for it."),
    ("result.help.legal_aid_link", "Check if you can get legal aid"),
    // letter page (letter-to-send): the tone of the letter, the annex of legal grounds, and how to send it.
    ("result.letter.tone_legend", "How should the letter read?"),
    ("result.letter.tone_hint", "Start with a first request. You can send a formal complaint later if they do not reply or do not put things right."),
    ("result.letter_tone.first_request", "A first request"),
    ("result.letter_tone.first_request_hint", "Asks them politely to confirm your after-care in writing and to put things right."),
    ("result.letter_tone.formal_complaint", "A formal complaint"),
    ("result.letter_tone.formal_complaint_hint", "Use this if they have not replied or did not put things right. After a complaint, you can go to the ombudsman."),
    ("result.letter_tone.letter_before_claim", "A letter before claim"),
    ("result.letter_tone.letter_before_claim_hint", "The step before asking a court to review a decision. It asks for a reply in 14 days. A solicitor usually sends it."),
    ("result.letter_tone.recommended", "{tone} (recommended)"),
    ("result.letter_tone.letter_before_claim_recommended_hint", "Recommended because after-care seems to have been ended unlawfully, and there may still be time to ask a court to review that. It asks for a reply in 14 days. A solicitor usually sends it, and legal aid may pay for one."),
    ("result.letter.annex_legend", "The legal grounds"),
    ("result.letter.annex_label", "Add the legal grounds on a separate page"),
    ("result.letter.annex_hint", "The letter fits on one page. The extra page sets out the history and the law behind each point, for a council or NHS body that disputes what you ask."),
    ("result.letter.link_new_tab", "{text} (opens in new tab)"),
    // The result, GOV.UK style (issue #10): the panel's title for the person's situation, who provides after-care,
    // the money, the time limits as short lines, and "Why we think this" as plain questions and answers.
    ("result.panel.charging_now", "{council} should not be charging you for {what}"),
    ("result.panel.charged", "{council} should not have charged you for {what}"),
    ("result.panel.charging_now_anyone", "You should not be charged for {what}"),
    ("result.panel.charged_anyone", "You should not have been charged for {what}"),
    ("result.panel.this_care", "this care"),
    ("result.panel.stopped", "Your after-care should not have been stopped"),
    ("result.panel.not_ended", "Your after-care has not ended"),
    ("result.panel.ended_on", "Your after-care was ended on {date}"),
    ("result.panel.unknown.jurisdiction", "We need to know where you were in hospital"),
    ("result.panel.unknown.qualifying_detention", "We need to know which section you were held under"),
    ("result.panel.unknown.left_hospital", "We need to know if and when you left hospital"),
    ("result.panel.unknown.readmission", "We need to know which section a later stay was under"),
    ("result.panel.unknown.duty_end", "We need to know how your after-care was ended"),
    ("result.panel.not_owed.qualifying_detention", "Your time in hospital does not lead to after-care"),
    ("result.result.print", "Print this result"),
    ("result.who.heading", "Who must provide your after-care"),
    ("result.who.why.lived", "You lived in its area before your stay in hospital."),
    ("result.who.why.placed", "It placed you where you lived before your stay in hospital."),
    ("result.who.why.gp", "It is the board for your GP practice."),
    ("result.who.why.area", "It covers the area of {council}."),
    ("result.body.candidates_list", "It could instead be {names}."),
    ("result.list.or", " or "),
    ("result.money.heading", "Money you may be owed back"),
    ("result.money.how_worked_out", "How we worked this out"),
    ("result.money.claim_before", "Ask for a refund by court claim before {date} for payments from {from}."),
    ("result.money.claim_before_undated", "Ask for a refund by court claim before {date}."),
    ("result.why.refund", "About getting money back"),
    ("result.why.deadlines", "About the time limits"),
    ("result.why.steps", "Where the steps come from"),
    ("result.question.jurisdiction", "Does the law of England and Wales apply?"),
    ("result.question.qualifying_detention", "Were you detained under a section that gives after-care?"),
    ("result.question.left_hospital", "Have you left hospital?"),
    ("result.question.readmission", "Did a later stay in hospital end your earlier after-care?"),
    ("result.question.duty_end", "Has your after-care ended?"),
    ("result.question.responsible_council", "Which council must provide it?"),
    ("result.question.responsible_nhs_body", "Which NHS body must provide it?"),
    ("result.question.charging", "Can they charge you for this care?"),
    ("result.question.charged", "Were you charged while you were owed after-care?"),
    ("result.answer.yes", "Yes"),
    ("result.answer.no", "No"),
    ("result.answer.unknown", "We do not know"),
    ("result.answer.not_certain", "Not certain"),
    ("result.answer.dash", "\u{2014}"),
];
