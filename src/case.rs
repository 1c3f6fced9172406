//! The input contract: what a person knows about their history under the Mental Health Act 1983.
//!
//! These serde types are the one contract shared by the command line (JSON), the widget (JavaScript objects
//! through serde-wasm-bindgen) and the law-firm screen. Names and values are `snake_case`.
//! Optional fields mean "not known"; the rules treat a missing fact as something to flag, never as an error.
//! The JSON Schema in `schema/case.schema.json` is generated from these types (`s117 schema case`).

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Everything the checker is told about one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The date of the check. Deadlines are counted from the dates given, and this date says which have passed.
    /// The core never reads a clock: the caller passes today's date.
    pub as_at: Date,
    /// Every stay in hospital under the Mental Health Act (and informal stays that matter), oldest first.
    #[serde(default)]
    pub detentions: Vec<Detention>,
    /// Where the person lives now, if known. Used when they had no settled home before detention
    /// (s.117(3)(c)), and to explain that moving does not move responsibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lives_now: Option<Place>,
    /// The ICB of the GP practice the person was registered with on 1 July 2022, when ICBs took over,
    /// if it matters and is known (ONS or ODS code, or name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gp_icb_on_1_july_2022: Option<String>,
    /// Where the GP practice the person was registered with on 1 July 2022 was (a town or council area, as
    /// typed), if the ICB itself is not known: the ICB is taken, as likely, from the council area's ICB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gp_place_on_1_july_2022: Option<String>,
    /// Whether the after-care includes a service that NHS England commissions as a specialised service
    /// (for example some secure or highly specialist services), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialised_aftercare: Option<bool>,
    /// If the person was told their after-care has ended: when, why and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aftercare_ended: Option<AftercareEnded>,
    /// Charges the person has been asked to pay, or has paid, for care since leaving hospital.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<Charge>,
    /// When the person (or whoever acts for them) first knew of the problem they would complain about, for
    /// example that the charges were wrong or that after-care had been stopped. The ombudsmen's 12 months run from
    /// this date; without it the checker describes the rule instead of inventing a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_knew: Option<Date>,
    /// The date the person died, if they have. A duty ends on death; charges made before it can still be
    /// recovered by the estate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub died: Option<Date>,
    /// Questions the person answered "not sure": each is read as the default stated on [`NotSure`], and the
    /// decision says what to ask for to settle it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_sure: Vec<NotSure>,
    /// How to refer to the person when the one reading the decision is someone else (a relative, an adviser): a
    /// name or a description as given ("Robert", "my father", "the person"). The decision's words then speak of
    /// them ("My father appears to be owed…") instead of to the reader ("You appear to be owed…"). Absent or
    /// blank: the person is the reader. It changes only the words, never what is decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// A question the person could not answer, and so how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotSure {
    /// Whether they were kept in hospital again after the last stay given: read as no further stay.
    AnotherStay,
    /// Whether the stay at this index (in `detentions`) was a recall: read as a new detention.
    Recall(usize),
    /// Whether they were told their after-care had ended: read as continuing.
    AftercareEnded,
    /// Whether they were charged (again) for care since leaving hospital: read as no (further) charge.
    Charged,
    /// Whether the charge at this index (in `charges`) was only a top-up for a dearer placement they chose, under a
    /// written agreement: read as not.
    TopUp(usize),
}

/// One stay in hospital.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Detention {
    /// The section of the Mental Health Act 1983 the person was held under.
    pub section: Section,
    /// Where the hospital was.
    pub detained_in: Jurisdiction,
    /// When the stay began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admitted: Option<Date>,
    /// When the section ended (discharge from the section, or the end of detention).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_ended: Option<Date>,
    /// When the person left hospital (for section 17 leave, the day the leave began).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_hospital: Option<Date>,
    /// How this stay ended, or that it has not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaving: Option<Leaving>,
    /// Whether this stay was a recall to hospital rather than a new detention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recall: Option<Recall>,
    /// For someone who left on a community treatment order: the date the order ended. Blank means still on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cto_ended: Option<Date>,
    /// Where the person lived immediately before this stay began.
    pub lived_before: LivedBefore,
    /// Where the hospital sent the person on discharge (a council area, code or name), if they had no settled
    /// home in England or Wales before this detention (s.117(3)(c)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_on_discharge_to: Option<String>,
    /// The ICB of the GP practice the person was registered with when this detention began (code or name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gp_icb: Option<String>,
    /// Where that GP practice was (a town or council area, as typed), if the ICB itself is not known: the ICB is
    /// taken, as likely, from the council area's ICB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gp_place: Option<String>,
    /// Whether the detention was in a secure (medium or high secure) service arranged by NHS England, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nhs_england_secure_service: Option<bool>,
    /// Free text shown in the letter's chronology (for example the hospital's name). Never interpreted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospital: Option<String>,
}

/// A section of the Mental Health Act 1983 (or an informal stay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Section {
    /// Section 2: admission for assessment, up to 28 days.
    #[serde(rename = "2")]
    S2,
    /// Section 3: admission for treatment.
    #[serde(rename = "3")]
    S3,
    /// Section 4: emergency admission for assessment.
    #[serde(rename = "4")]
    S4,
    /// Section 5(2): a doctor's holding power over an informal in-patient.
    #[serde(rename = "5(2)")]
    S5_2,
    /// Section 5(4): a nurse's holding power.
    #[serde(rename = "5(4)")]
    S5_4,
    /// Section 35: remand to hospital for a report.
    #[serde(rename = "35")]
    S35,
    /// Section 36: remand to hospital for treatment.
    #[serde(rename = "36")]
    S36,
    /// Section 37: hospital order made by a court.
    #[serde(rename = "37")]
    S37,
    /// Section 37 with a section 41 restriction order.
    #[serde(rename = "37/41")]
    S37_41,
    /// Section 38: interim hospital order.
    #[serde(rename = "38")]
    S38,
    /// Section 45A: hospital direction.
    #[serde(rename = "45A")]
    S45A,
    /// Section 47: transfer of a sentenced prisoner to hospital.
    #[serde(rename = "47")]
    S47,
    /// Section 47 with a section 49 restriction direction.
    #[serde(rename = "47/49")]
    S47_49,
    /// Section 48: transfer of an unsentenced prisoner or immigration detainee to hospital.
    #[serde(rename = "48")]
    S48,
    /// Section 48 with a section 49 restriction direction.
    #[serde(rename = "48/49")]
    S48_49,
    /// Section 135: a warrant to enter premises and remove to a place of safety.
    #[serde(rename = "135")]
    S135,
    /// Section 136: removal to a place of safety by the police.
    #[serde(rename = "136")]
    S136,
    /// Section 7 guardianship, or a guardianship order under section 37.
    #[serde(rename = "7")]
    S7,
    /// An informal (voluntary) stay, not under any section.
    #[serde(rename = "informal")]
    Informal,
    /// The person does not know which section it was.
    #[serde(rename = "unknown")]
    Unknown,
}

impl Section {
    /// Every section, in the order a person would look for it.
    pub const ALL: [Section; 20] = [
        Section::S2,
        Section::S3,
        Section::S4,
        Section::S5_2,
        Section::S5_4,
        Section::S35,
        Section::S36,
        Section::S37,
        Section::S37_41,
        Section::S38,
        Section::S45A,
        Section::S47,
        Section::S47_49,
        Section::S48,
        Section::S48_49,
        Section::S135,
        Section::S136,
        Section::S7,
        Section::Informal,
        Section::Unknown,
    ];

    /// The contract's name for the section, as in the JSON (`"37/41"`).
    pub fn code(self) -> &'static str {
        match self {
            Section::S2 => "2",
            Section::S3 => "3",
            Section::S4 => "4",
            Section::S5_2 => "5(2)",
            Section::S5_4 => "5(4)",
            Section::S35 => "35",
            Section::S36 => "36",
            Section::S37 => "37",
            Section::S37_41 => "37/41",
            Section::S38 => "38",
            Section::S45A => "45A",
            Section::S47 => "47",
            Section::S47_49 => "47/49",
            Section::S48 => "48",
            Section::S48_49 => "48/49",
            Section::S135 => "135",
            Section::S136 => "136",
            Section::S7 => "7",
            Section::Informal => "informal",
            Section::Unknown => "unknown",
        }
    }

    /// How the section reads in a sentence: "section 37 with a section 41 restriction order".
    pub fn describe(self) -> &'static str {
        match self {
            Section::S2 => "section 2 (admission for assessment)",
            Section::S3 => "section 3 (admission for treatment)",
            Section::S4 => "section 4 (emergency admission)",
            Section::S5_2 => "section 5(2) (doctor's holding power)",
            Section::S5_4 => "section 5(4) (nurse's holding power)",
            Section::S35 => "section 35 (remand to hospital for a report)",
            Section::S36 => "section 36 (remand to hospital for treatment)",
            Section::S37 => "section 37 (hospital order)",
            Section::S37_41 => "section 37 with a section 41 restriction order",
            Section::S38 => "section 38 (interim hospital order)",
            Section::S45A => "section 45A (hospital direction)",
            Section::S47 => "section 47 (transfer from prison)",
            Section::S47_49 => "section 47 with a section 49 restriction direction",
            Section::S48 => "section 48 (transfer from prison or immigration detention)",
            Section::S48_49 => "section 48 with a section 49 restriction direction",
            Section::S135 => "section 135 (warrant to a place of safety)",
            Section::S136 => "section 136 (police removal to a place of safety)",
            Section::S7 => "guardianship (section 7, or a guardianship order under section 37)",
            Section::Informal => "an informal (voluntary) stay",
            Section::Unknown => "a section the person does not know",
        }
    }
}

/// Where a hospital was, and so which law applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// England: Mental Health Act 1983.
    England,
    /// Wales: Mental Health Act 1983.
    Wales,
    /// Scotland: Mental Health (Care and Treatment) (Scotland) Act 2003.
    Scotland,
    /// Northern Ireland: Mental Health (Northern Ireland) Order 1986.
    NorthernIreland,
}

/// How a stay in hospital ended, or that it has not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Leaving {
    /// Discharged from the section and left hospital.
    Discharged,
    /// Left hospital on a community treatment order.
    Cto,
    /// A restricted patient conditionally discharged by the tribunal or the Secretary of State.
    ConditionalDischarge,
    /// On section 17 leave, living in the community (overnight or longer).
    S17Leave,
    /// Only escorted, short trips out of hospital on section 17 leave; still living in hospital.
    EscortedLeaveOnly,
    /// Stayed in hospital informally after the section ended (and may since have left: see `left_hospital`).
    StayedInformally,
    /// A transferred prisoner returned to prison.
    ReturnedToPrison,
    /// Still in hospital under the section.
    StillInHospital,
    /// The person died in hospital.
    Died,
    /// The person was transferred to a hospital outside England and Wales (Scotland, Northern Ireland, the
    /// Channel Islands, the Isle of Man or abroad) and did not leave hospital here.
    TransferredOutOfEnglandAndWales,
}

impl Leaving {
    /// Every way of leaving, in the order declared (tests walk them all; `tests/meta.rs` checks none is missing).
    pub const ALL: [Leaving; 10] = [
        Leaving::Discharged,
        Leaving::Cto,
        Leaving::ConditionalDischarge,
        Leaving::S17Leave,
        Leaving::EscortedLeaveOnly,
        Leaving::StayedInformally,
        Leaving::ReturnedToPrison,
        Leaving::StillInHospital,
        Leaving::Died,
        Leaving::TransferredOutOfEnglandAndWales,
    ];
}

/// A stay that was a recall rather than a fresh detention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Recall {
    /// Recalled from a community treatment order (up to 72 hours) and the order was not revoked.
    CtoRecallNotRevoked,
    /// Recalled from a community treatment order and the order was revoked (detained under section 3 again).
    CtoRevoked,
    /// A conditionally discharged restricted patient recalled to hospital.
    ConditionalDischargeRecall,
}

impl Recall {
    /// Every kind of recall, in the order declared (tests walk them all; `tests/meta.rs` checks none is missing).
    pub const ALL: [Recall; 3] = [
        Recall::CtoRecallNotRevoked,
        Recall::CtoRevoked,
        Recall::ConditionalDischargeRecall,
    ];
}

/// Where the person lived immediately before a stay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LivedBefore {
    /// The country, or that the person had no settled home.
    pub country: Country,
    /// The council area (ONS code or name, as typed). A district such as "Bromsgrove" is understood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
    /// The person lived there because a council (named here) placed them there, for example in a care home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed_by: Option<String>,
    /// The person lacked capacity to decide where to live, so someone decided for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lacked_capacity: Option<bool>,
    /// The person lived there because a condition of a conditional discharge required it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_by_discharge_condition: Option<bool>,
    /// Before this detention the person was an informal in-patient and their previous home had gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informal_in_hospital_after_losing_home: Option<bool>,
    /// The person was in prison (or other custody) immediately before this detention, as for a transfer under
    /// section 47 or 48; `council` is then where they lived before custody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_prison: Option<bool>,
}

/// A place the person lives or lived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The country, or that the person has no settled home.
    pub country: Country,
    /// The council area (ONS code or name, as typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
}

/// A country of residence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Country {
    /// England.
    England,
    /// Wales.
    Wales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
    /// Outside the United Kingdom.
    OutsideUk,
    /// No settled home anywhere.
    NoSettledHome,
    /// The person (or whoever answers for them) was not sure where. Read as not known: the council cannot be named
    /// from it, and the decision says how to find out.
    NotSure,
}

/// What the person was told about their after-care ending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AftercareEnded {
    /// When they were told it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The reason given.
    pub reason: EndingReason,
    /// Whether both the council and the NHS body made the decision together and put it in writing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_written_decision: Option<bool>,
}

/// The reason given for ending after-care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EndingReason {
    /// Both bodies assessed the person and decided they no longer need after-care services.
    NoLongerNeeded,
    /// The person was discharged from the community mental health team or specialist services.
    DischargedFromMentalHealthServices,
    /// A period of time had passed.
    TimePassed,
    /// The person is deprived of their liberty under the Mental Capacity Act (DoLS or a court order).
    Dols,
    /// The person was readmitted informally or under section 2.
    ReadmittedInformallyOrS2,
    /// The community treatment order ended.
    CtoEnded,
    /// The person refused services.
    RefusedServices,
    /// Another reason, or none was given.
    Other,
}

/// A charge for care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Charge {
    /// What was charged for, in the person's words (for example "care home fees"). Never interpreted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
    /// When charging began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    /// When charging stopped. Blank means it continues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The charge is only a top-up for a more expensive placement the person chose, under a written agreement.
    #[serde(default)]
    pub chosen_dearer_placement_with_written_agreement: bool,
    /// How much was charged, in pounds, per `per` (for example 200 a week). Used only to estimate a refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// What `amount` is for: each week, month or year, or the total of the charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
}

/// The period an amount of money is charged for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Each week.
    Week,
    /// Each calendar month.
    Month,
    /// Each year.
    Year,
    /// The whole charge, from `since` to `until`.
    Total,
}
