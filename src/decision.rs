//! The output contract: what the checker concludes, who is responsible, and why.
//!
//! A [`Decision`] is the same for every caller: the command line prints it as JSON, the widget receives it as a
//! JavaScript object, and the letter is written from it. Every [`Reason`] and [`Flag`] carries its citations.

use crate::date::Date;
use crate::sources::Citation;
use serde::Serialize;

/// The checker's conclusion for one [`Case`](crate::case::Case).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Decision {
    /// Whether the person is owed s.117 after-care.
    pub entitlement: Entitlement,
    /// One plain-English sentence saying so.
    pub summary: String,
    /// The index (in `detentions`) of the detention the current duty comes from, if any.
    pub qualifying_detention: Option<usize>,
    /// When the current duty arose: the day the person left hospital after that detention, if known.
    pub duty_arose: Option<Date>,
    /// The council (local social services authority) that must provide after-care.
    pub council: Option<Body>,
    /// The NHS body (ICB in England, local health board in Wales, or NHS England) that must arrange it.
    pub nhs_body: Option<Body>,
    /// The steps of the reasoning, in the order of the Act.
    pub reasons: Vec<Reason>,
    /// Things to act on or be careful about: refunds, deadlines, uncertain points, notes.
    pub flags: Vec<Flag>,
    /// Every period of after-care duty in the history, oldest first. The top-level `council` and `nhs_body` are
    /// the latest period's (or, while the person is still in hospital, those who will hold the next one).
    pub periods: Vec<DutyPeriod>,
    /// Charges that fell inside a duty period, and so may be refundable; `None` when no charge did.
    pub refund: Option<Refund>,
    /// Time limits, earliest first: judicial review, the ombudsman, the court limit for refunds.
    pub deadlines: Vec<Deadline>,
    /// What the rules made of each detention, in the order of the case's `detentions` (one entry each): whether
    /// it qualifies, and the councils named in its facts as the rules recognise them.
    pub detentions: Vec<DetentionFinding>,
    /// When the run of detentions behind the current duty began before integrated care boards were established:
    /// the day whose GP practice decides the board, 1 July 2022 (SI 2022/635). `None` when the run began on or
    /// after that day, when its start is not known, or when there is no current duty.
    pub gp_practice_date: Option<Date>,
    /// What to do now, in order, each with who, how and by when.
    pub next_steps: Vec<NextStep>,
    /// The version of the rules that produced this decision.
    pub rules_version: &'static str,
    /// The date of the law the rules reflect.
    pub law_date: &'static str,
}

/// Whether the person is owed s.117 after-care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Entitlement {
    /// Owed after-care now.
    Entitled,
    /// Will be owed after-care on leaving hospital.
    EntitledOnLeavingHospital,
    /// Not owed after-care on these facts.
    NotEntitled,
    /// Was owed after-care, and it was lawfully ended.
    Ended,
    /// The facts given leave it open; the reasons say what is missing.
    Undetermined,
    /// Detention under Scottish or Northern Irish law: s.117 does not apply.
    OutOfScope,
}

impl Entitlement {
    /// Every entitlement, in the order declared (`tests/meta.rs` checks none is missing).
    pub const ALL: [Entitlement; 6] = [
        Entitlement::Entitled,
        Entitlement::EntitledOnLeavingHospital,
        Entitlement::NotEntitled,
        Entitlement::Ended,
        Entitlement::Undetermined,
        Entitlement::OutOfScope,
    ];

    /// The contract's name for the value, as in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            Entitlement::Entitled => "entitled",
            Entitlement::EntitledOnLeavingHospital => "entitled_on_leaving_hospital",
            Entitlement::NotEntitled => "not_entitled",
            Entitlement::Ended => "ended",
            Entitlement::Undetermined => "undetermined",
            Entitlement::OutOfScope => "out_of_scope",
        }
    }
}

/// What kind of body holds a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// A council in England with social services responsibilities.
    EnglishCouncil,
    /// A principal council in Wales.
    WelshCouncil,
    /// A council whose country is not known.
    Council,
    /// An integrated care board (England, from 1 July 2022).
    IntegratedCareBoard,
    /// A local health board (Wales).
    LocalHealthBoard,
    /// NHS England, for specialised services.
    NhsEngland,
    /// A clinical commissioning group (England, before 1 July 2022).
    ClinicalCommissioningGroup,
}

/// A body that holds (or may hold) the duty.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Body {
    /// The body's name, or a description of it when it cannot be named.
    pub name: String,
    /// Its ONS code, where known.
    pub code: Option<String>,
    /// Its ODS code (NHS bodies), where known.
    pub ods: Option<String>,
    /// What kind of body it is.
    pub kind: BodyKind,
    /// Whether the checker is confident this is the right body.
    pub certain: bool,
    /// Why this body, in one or two plain-English sentences.
    pub why: String,
    /// The law this rests on.
    pub cites: Vec<Citation>,
    /// Other bodies that may hold the duty instead, when it is uncertain.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

/// Another body that may hold the duty.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Candidate {
    /// The body's name.
    pub name: String,
    /// Its ONS code, where known.
    pub code: Option<String>,
    /// Why it may be responsible.
    pub why: String,
}

/// Which rule a reason comes from, in the order of the Act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// Was the detention under the law of England and Wales?
    Jurisdiction,
    /// s.117(1): a qualifying detention.
    QualifyingDetention,
    /// s.117(1): ceased to be detained and left hospital.
    LeftHospital,
    /// Later stays in hospital, and whether they restart the duty.
    Readmission,
    /// s.117(2): the duty lasts until lawfully ended.
    DutyEnd,
    /// s.117(3): the responsible council.
    ResponsibleCouncil,
    /// s.117(3) and SI 2022/635: the responsible NHS body.
    ResponsibleNhsBody,
    /// Stennett: no charges for after-care.
    Charging,
}

impl RuleId {
    /// Every rule, in order.
    pub const ALL: [RuleId; 8] = [
        RuleId::Jurisdiction,
        RuleId::QualifyingDetention,
        RuleId::LeftHospital,
        RuleId::Readmission,
        RuleId::DutyEnd,
        RuleId::ResponsibleCouncil,
        RuleId::ResponsibleNhsBody,
        RuleId::Charging,
    ];

    /// The contract's name for the rule, as in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            RuleId::Jurisdiction => "jurisdiction",
            RuleId::QualifyingDetention => "qualifying_detention",
            RuleId::LeftHospital => "left_hospital",
            RuleId::Readmission => "readmission",
            RuleId::DutyEnd => "duty_end",
            RuleId::ResponsibleCouncil => "responsible_council",
            RuleId::ResponsibleNhsBody => "responsible_nhs_body",
            RuleId::Charging => "charging",
        }
    }
}

/// What a rule found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// The condition is met.
    Met,
    /// The condition is not met.
    NotMet,
    /// The facts given do not settle it.
    Unknown,
}

/// One step of the explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Reason {
    /// The rule.
    pub rule: RuleId,
    /// What it found.
    pub finding: Finding,
    /// One or two plain-English sentences.
    pub text: String,
    /// The law this rests on.
    pub cites: Vec<Citation>,
}

/// What kind of flag this is, for grouping on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Money may be owed back.
    Refund,
    /// A time limit, with its date.
    Deadline,
    /// Something the person should challenge.
    Warning,
    /// A point the law or the facts leave uncertain: get advice.
    Uncertain,
    /// Useful information.
    Info,
}

/// Something to act on or be careful about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Flag {
    /// A stable identifier (for example `refund_due`).
    pub id: FlagId,
    /// What kind of flag it is.
    pub kind: FlagKind,
    /// Plain-English text.
    pub text: String,
    /// The date that matters, if any (for a deadline, the last day).
    pub date: Option<Date>,
    /// The law this rests on.
    pub cites: Vec<Citation>,
}

/// Stable identifiers for flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FlagId {
    /// Charges were made for after-care while the person was entitled: a refund is likely due.
    RefundDue,
    /// A charge is a top-up for a chosen, more expensive placement: lawful with a written agreement.
    LawfulTopUp,
    /// Charges were made, but not while the duty was running.
    ChargesOutsideDuty,
    /// The person was told after-care ended for a reason that cannot end it.
    LikelyUnlawfulEnding,
    /// After-care was said to end while the person was on a CTO.
    EndedWhileOnCto,
    /// Ask for the joint written decision that ended after-care.
    AskForEndingDecision,
    /// Last day to start judicial review of a decision.
    JudicialReviewDeadline,
    /// Last day to complain to an ombudsman (12 months from when the person knew).
    OmbudsmanDeadline,
    /// The usual six-year limit for a court claim to recover charges.
    CourtClaimLimit,
    /// The Mental Health Act 2025 changes to s.117 are enacted but not in force.
    Mha2025NotInForce,
    /// Planning after-care should start before discharge.
    PlanBeforeDischarge,
    /// The person lacked capacity and was placed out of area.
    PlacedOutOfArea,
    /// The person lacked capacity to decide where to live, but who placed them there was not given.
    PlacementFactsNeeded,
    /// Residence was imposed by a conditional-discharge condition.
    ResidenceImposedByCondition,
    /// The person became resident in hospital during an informal stay.
    ResidentInHospital,
    /// The person has moved since: responsibility does not move with them.
    MovedSince,
    /// The council name typed was not recognised.
    UnrecognisedCouncil,
    /// The NHS body named was not recognised.
    UnrecognisedNhsBody,
    /// The council area is split between NHS bodies.
    SplitNhsArea,
    /// The ICB was inferred from the council's area because the GP's ICB was not given.
    NhsBodyFromCouncilArea,
    /// The ICB named has merged into a new ICB.
    NhsBodyMerged,
    /// Part 3 (court or prison) detention in an ICB bed: the NHS rule is not settled.
    Part3NhsBodyUncertain,
    /// England–Wales cross-border NHS responsibility may be disputed.
    CrossBorderNhs,
    /// A CTO was revoked: which area applies is not settled.
    CtoRevocationUncertain,
    /// A conditionally discharged patient was recalled: the original area probably remains.
    ConditionalDischargeRecall,
    /// Section 2 converted to section 3 during after-care: which date counts is not settled.
    S2ConvertedToS3,
    /// Returned to prison: how after-care reaches the person there is not settled.
    ReturnedToPrison,
    /// Some stays were under Scottish or Northern Irish law and were not counted.
    OtherJurisdictionStays,
    /// A date is approximate, so deadlines counted from it are approximate too.
    ApproximateDates,
    /// A section given as "unknown".
    UnknownSection,
    /// Not every service is free: only those in the after-care plan meeting s.117 needs.
    ServicesMustMeetS117Needs,
    /// Personal health budgets and direct payments.
    PersonalBudgets,
    /// The facts describe a date before the law the checker implements.
    BeforeCoverage,
    /// The check date is well after the law date: the law may have changed.
    LawMayHaveChanged,
    /// The person left hospital on section 17 leave.
    OnLeave,
    /// Responsibility may be disputed between councils; services must continue meanwhile.
    CouncilDispute,
    /// Dates in the history contradict each other in a way the input checks do not reject.
    InconsistentDates,
    /// An ending of after-care was dated while no duty was running, so it ended nothing.
    EndingOutsideDuty,
    /// An ending of after-care has an approximate date that could fall either side of a period boundary.
    EndingDateUncertain,
    /// Every refundable payment is more than six years old: a court claim may be time-barred.
    RefundMayBeTimeBarred,
    /// A stay lasted longer than the section given allows: it was probably under another section (often section 3).
    StayLongerThanSectionAllows,
    /// The person was not sure whether they were kept in hospital again: ask for the records of their stays.
    AskWhetherReadmitted,
    /// The person was not sure whether a stay was a recall: ask which it was.
    AskWhetherRecalled,
    /// The person was not sure whether they paid for care: ask for the financial assessment and charges.
    AskForFinancialRecords,
    /// The person was not sure whether a charge was a top-up they chose in writing: ask for the agreement.
    AskForTopUpAgreement,
    /// The person was in prison immediately before the detention: where they were ordinarily resident is not settled.
    InPrisonBefore,
    /// The ICB was taken from the council area of the GP surgery's town, not from the ICB itself: likely only.
    NhsBodyFromGpPlace,
    /// The person was not sure where they lived just before the stay: ask for the records that say.
    AskWhereLivedBefore,
}

/// What the rules made of one detention in the history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct DetentionFinding {
    /// Whether it is a qualifying detention: under the Mental Health Act 1983 in England or Wales, under a
    /// section (or with an ending) that engages s.117 (s.117(1)).
    pub qualifying: bool,
    /// The council for where the person lived immediately before it, as the rules recognise the name given
    /// (`lived_before.council`): the council's official name, the councils that took over an abolished one
    /// whose area was divided, or the name as typed. `None` when no name was given.
    pub council_lived_in: Option<String>,
    /// How the name given leads to that council when it is not the council's own name (a district council, an
    /// abolished council), in one plain sentence.
    pub council_lived_in_via: Option<String>,
    /// The council that placed the person there (`lived_before.placed_by`), recognised in the same way.
    pub placed_by_council: Option<String>,
}

/// One period of after-care duty: from leaving hospital after a qualifying detention until the duty ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct DutyPeriod {
    /// The day the person left hospital after the qualifying detention (as precise as it was given).
    pub from: Date,
    /// The day the duty ended; `None` while it is still running.
    pub to: Option<Date>,
    /// What ended it; `None` while it is still running.
    pub ended_by: Option<PeriodEnd>,
    /// The index (in `detentions`) of the qualifying detention it came from.
    pub detention: usize,
    /// The council that held the duty in this period.
    pub council: Option<Body>,
    /// The NHS body that held the duty in this period.
    pub nhs_body: Option<Body>,
}

/// What ended a period of after-care duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodEnd {
    /// A new detention under a qualifying section (*Worcestershire* \[2023\] UKSC 31).
    Readmission,
    /// A joint decision of the council and the NHS body that after-care is no longer needed (s.117(2)).
    JointDecision,
    /// The person died.
    Death,
}

impl PeriodEnd {
    /// Every value, in the order of the contract.
    pub const ALL: [PeriodEnd; 3] = [
        PeriodEnd::Readmission,
        PeriodEnd::JointDecision,
        PeriodEnd::Death,
    ];
}

/// Charges that fell while a duty was running.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Refund {
    /// The date ranges in which charges fell inside a duty period, oldest first.
    pub ranges: Vec<RefundRange>,
    /// Payments made before this day may be time-barred in court (six years from each payment), unless the time
    /// only began when the mistake was discovered (Limitation Act 1980, s.32(1)(c)).
    pub time_barred_before: Date,
    /// Whether every refundable payment is more than six years old.
    pub all_time_barred: bool,
    /// An estimate of the principal (pounds, without interest), when amounts were given.
    pub estimate: Option<RefundEstimate>,
}

/// The part of one charge that fell inside one duty period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct RefundRange {
    /// The first day charged inside the period (as precise as the dates given allow).
    pub from: Date,
    /// The last day charged inside the period; the date of the check when the charge is still running.
    pub to: Date,
    /// Whether the charge is still running at the date of the check.
    pub ongoing: bool,
    /// The index (in `charges`) of the charge.
    pub charge: usize,
    /// The index (in `periods`) of the duty period.
    pub period: usize,
}

/// An estimate of the money charged while a duty was running.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct RefundEstimate {
    /// All of it, in pounds, rounded to the nearest pound.
    pub total: f64,
    /// The part paid in the last six years, in pounds: the part a court claim can certainly still reach.
    pub within_six_years: f64,
    /// How it was worked out, in one plain sentence.
    pub basis: String,
}

/// What a time limit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A claim for judicial review: promptly, and within 3 months of the decision (CPR r.54.5).
    JudicialReview,
    /// A complaint to an ombudsman: normally within 12 months of first knowing.
    Ombudsman,
    /// A court claim to recover money: six years from each payment (Limitation Act 1980).
    Limitation,
    /// A reply to a letter. `evaluate` never sets it (a decision has no letter date): the letter states its own
    /// reply-by date (`Letter::reply_by`, 20 working days), which is a fair period it asks for, not a legal limit.
    Reply,
}

impl DeadlineKind {
    /// Every value, in the order of the contract.
    pub const ALL: [DeadlineKind; 4] = [
        DeadlineKind::JudicialReview,
        DeadlineKind::Ombudsman,
        DeadlineKind::Limitation,
        DeadlineKind::Reply,
    ];

    /// The contract's name for the value, as in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::JudicialReview => "judicial_review",
            DeadlineKind::Ombudsman => "ombudsman",
            DeadlineKind::Limitation => "limitation",
            DeadlineKind::Reply => "reply",
        }
    }
}

/// A time limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// What it is for.
    pub kind: DeadlineKind,
    /// The last day, counted from the earliest day the trigger could have been; `None` when the rule can only be
    /// described (for example the ombudsman's 12 months without the date the person first knew).
    pub date: Option<Date>,
    /// The event the time runs from, as it was given (a decision, a payment, when the person first knew).
    pub counted_from: Option<Date>,
    /// Whether the trigger was given only as a month or a year, so the real limit may be earlier still.
    pub approximate: bool,
    /// Whether the date has passed at the date of the check.
    pub passed: bool,
    /// The basis, in one plain sentence.
    pub basis: String,
    /// The law this rests on.
    pub cites: Vec<Citation>,
}

/// What a next step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    /// Ask for after-care to be planned before leaving hospital.
    AskForPlanBeforeDischarge,
    /// Write to both bodies asking them to confirm the duty in writing.
    AskToConfirm,
    /// Ask the council to stop charging and refund what was paid.
    AskForRefund,
    /// Ask both bodies to reinstate after-care, or to send the joint written decision that ended it.
    ChallengeEnding,
    /// Get legal advice quickly, because a court time limit is running.
    GetLegalAdviceNow,
    /// Complain to the bodies, then to the ombudsman.
    Complain,
    /// Find out the facts the answer depends on (a section, a date, a council).
    FindOut,
    /// Ask for a new assessment of needs.
    AskForReassessment,
    /// Get advice from an advocate or a solicitor.
    GetAdvice,
}

impl StepId {
    /// Every value, in the order of the contract.
    pub const ALL: [StepId; 9] = [
        StepId::AskForPlanBeforeDischarge,
        StepId::AskToConfirm,
        StepId::AskForRefund,
        StepId::ChallengeEnding,
        StepId::GetLegalAdviceNow,
        StepId::Complain,
        StepId::FindOut,
        StepId::AskForReassessment,
        StepId::GetAdvice,
    ];
}

/// One thing to do now.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct NextStep {
    /// What the step is.
    pub id: StepId,
    /// The step in one short imperative sentence ("Ask Leeds City Council to stop charging you and refund …").
    pub text: String,
    /// Who to contact, or who does it.
    pub who: String,
    /// How: by letter, complaint, claim, …
    pub how: String,
    /// By when, if a time limit applies.
    pub by: Option<Date>,
    /// The law this rests on.
    pub cites: Vec<Citation>,
}
