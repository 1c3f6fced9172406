//! The responsible council: Mental Health Act 1983, s.117(3), as amended by the Care Act 2014, s.75.
//!
//! > "the local social services authority" means the local social services authority—
//! > (a) if, immediately before being detained, the person concerned was ordinarily resident in England, for the
//! > area in England in which he was ordinarily resident;
//! > (b) if, immediately before being detained, the person concerned was ordinarily resident in Wales, for the
//! > area in Wales in which he was ordinarily resident; or
//! > (c) in any other case for the area in which the person concerned is resident or to which he is sent on
//! > discharge by the hospital in which he was detained.
//!
//! (Text as summarised in the project's rules specification, §1.1; check against legislation.gov.uk before quoting.)
//!
//! # Interpretation
//!
//! "Detained" means the latest qualifying detention (*Worcestershire* \[2023\] UKSC 31). Ordinary residence has its
//! ordinary meaning; there is no deeming rule inside s.117 today. The checker names the council for the area the
//! person gives and flags, rather than guesses, the hard cases:
//!
//! - lacked capacity and was placed out of area by another council: ordinary residence follows the
//!   decision-maker's intentions, which in *Worcestershire* made the new area responsible; where the person lacked
//!   capacity but who placed them is not given, the council for where they lived is named and the placement facts
//!   are asked for;
//! - residence imposed by a condition of a conditional discharge: probably not voluntarily adopted, so the
//!   original area may remain (*Wiltshire v Hertfordshire* \[2014\] EWCA Civ 712). Where the person was recalled
//!   from that conditional discharge and discharged again, the council from before the original detention is
//!   named, not certain, with the imposed-residence council as the alternative (the specification, §4: "the
//!   original authority probably remains responsible; flag"); after a fresh detention the imposed-residence
//!   council is named, with the original as the alternative;
//! - a later stay whose section is not known, which may have been a new qualifying detention: its council is
//!   the alternative;
//! - an informal in-patient whose home had gone: may have become resident in the hospital's area
//!   (*Sunderland v South Tyneside* \[2012\] EWCA Civ 1232);
//! - moved while on after-care, with no new detention: responsibility does not move.
//!
//! A district council (such as Bromsgrove) has no social services duties: the county council does.
//!
//! # Open questions
//!
//! The Mental Health Act 2025 s.46 would insert s.117(3A), deeming a person placed in s.117 accommodation to stay
//! ordinarily resident with the placing council. Not in force.

use super::{describe_detention, Outcome};
use crate::case::{Case, Country, Detention, Recall};
use crate::decision::{Body, BodyKind, Candidate, Finding, FlagId, FlagKind, RuleId};
use crate::messages;
use crate::reference::{self, CouncilVia, Nation, OtherNation};
use crate::sources::{
    Citation, CARE_ACT_2014_S39, CARE_ACT_2014_S75, MHA_1983_S117_3, MHA_1983_S117_4, MHA_2025_S46,
    SUNDERLAND_2012, UK_GDPR_ART_15, WILTSHIRE_2014, WORCESTERSHIRE_2023,
};

/// A council as named by the person, recognised in the reference data or kept as typed.
#[derive(Debug, Clone)]
pub struct NamedCouncil {
    /// The council in the reference data, if recognised.
    pub council: Option<&'static reference::Council>,
    /// The name to show: the council's official name, or the text as typed; for an abolished council whose area
    /// was divided, its successors ("Cumberland Council or Westmorland and Furness Council").
    pub name: String,
    /// How the typed name led to the council, in words, if it was not the council's own name.
    pub note: Option<String>,
    /// An abolished council whose area was divided between several councils, so that where the person lived in
    /// it decides which one is responsible.
    pub divided: Option<&'static reference::FormerCouncil>,
    /// A council in Scotland or Northern Ireland, which cannot hold the s.117 duty.
    pub elsewhere: Option<reference::OtherUkCouncil>,
}

/// "a", "a or b", "a, b or c".
pub fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => {
            let init = init.join(", ");
            messages::fill("list.or", &[("init", &init), ("last", last)])
        }
    }
}

/// The nation of a council elsewhere in the UK, in words.
pub fn nation_name(nation: OtherNation) -> &'static str {
    match nation {
        OtherNation::Scotland => messages::text("nation.scotland"),
        OtherNation::NorthernIreland => messages::text("nation.northern_ireland"),
    }
}

/// Recognises a council from what the person typed.
pub fn recognise(typed: &str) -> NamedCouncil {
    // One check asks about the same few names many times (each period, each flag), and a firm's screen asks about
    // the same councils on row after row. The answer depends only on the text and the compiled-in reference data:
    // its words are `part.council.` messages, filled in every mode (`messages::next_steps_only`) and with no
    // third-person form.
    thread_local! {
        static RECOGNISED: crate::memo::Memory<NamedCouncil> =
            const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
    }
    crate::memo::remembered(&RECOGNISED, typed, recognise_uncached)
}

/// [`recognise`], worked out.
fn recognise_uncached(typed: &str) -> NamedCouncil {
    let kept = NamedCouncil {
        council: None,
        name: typed.trim().to_owned(),
        note: None,
        divided: None,
        elsewhere: None,
    };
    let Some(m) = reference::find_council(typed) else {
        if let Some(former) = reference::find_former_council(typed).filter(|f| f.is_divided()) {
            let names: Vec<&str> = former.successors().map(|c| c.name).collect();
            let (date, successors) = (
                crate::date::long(former.abolished),
                super::qualifying_detention::join_and(&names),
            );
            let v = [
                ("former", former.name),
                ("date", date.as_str()),
                ("successors", successors.as_str()),
            ];
            return NamedCouncil {
                name: join_or(&names),
                note: Some(messages::fill("part.council.abolished_divided", &v)),
                divided: Some(former),
                ..kept
            };
        }
        if let Some(other) = reference::find_council_elsewhere(typed) {
            return NamedCouncil {
                name: other.name.to_owned(),
                elsewhere: Some(other),
                ..kept
            };
        }
        return kept;
    };
    let council = ("council", m.council.name);
    let note = match (m.former, m.via) {
        (Some(former), _) => {
            let date = crate::date::long(former.abolished);
            let v = [("former", former.name), ("date", date.as_str()), council];
            Some(messages::fill("part.council.abolished", &v))
        }
        (None, CouncilVia::Code | CouncilVia::Name) => None,
        (None, CouncilVia::District { district }) => {
            let v = [("district", district), council];
            Some(messages::fill("part.council.district", &v))
        }
        (None, CouncilVia::FormerDistrict { district }) => {
            let v = [("district", district), council];
            Some(messages::fill("part.council.former_district", &v))
        }
    };
    NamedCouncil {
        council: Some(m.council),
        name: m.council.name.to_owned(),
        note,
        divided: None,
        elsewhere: None,
    }
}

/// The kind of body a recognised council is.
pub fn council_kind(council: Option<&reference::Council>, country: Country) -> BodyKind {
    match (council.map(|c| c.nation), country) {
        (Some(Nation::England), _) => BodyKind::EnglishCouncil,
        (Some(Nation::Wales), _) => BodyKind::WelshCouncil,
        (None, Country::England) => BodyKind::EnglishCouncil,
        (None, Country::Wales) => BodyKind::WelshCouncil,
        (
            None,
            Country::Scotland
            | Country::NorthernIreland
            | Country::OutsideUk
            | Country::NoSettledHome
            | Country::NotSure,
        ) => BodyKind::Council,
    }
}

/// Builds the body for a council the person named.
fn body_for(
    typed: &str,
    country: Country,
    why: String,
    cites: &[Citation],
    out: &mut Outcome,
) -> Body {
    let named = recognise(typed);
    let mut why = why;
    if let Some(note) = &named.note {
        why.push(' ');
        why.push_str(note);
    }
    let certain = named.council.is_some();
    let mut candidates = Vec::new();
    if let Some(former) = named.divided {
        why.push(' ');
        why.push_str(&messages::say("body.responsible_council.divided"));
        let date = crate::date::long(former.abolished);
        for council in former.successors() {
            let why = match former.part_taken_by(council) {
                Some(part) => {
                    let v = [("former", former.name), ("part", part), ("date", &date)];
                    messages::fill("candidate.responsible_council.successor.part", &v)
                }
                None => {
                    let v = [("former", former.name), ("date", date.as_str())];
                    messages::fill("candidate.responsible_council.successor", &v)
                }
            };
            candidates.push(Candidate {
                name: council.name.to_owned(),
                code: Some(council.code.to_owned()),
                why,
            });
        }
    } else if let Some(other) = named.elsewhere {
        let v = [
            ("council", other.name),
            ("nation", nation_name(other.nation)),
        ];
        why.push(' ');
        why.push_str(&messages::fill("body.responsible_council.elsewhere", &v));
    } else if !certain {
        out.flag(
            FlagId::UnrecognisedCouncil,
            FlagKind::Uncertain,
            messages::fill("flag.unrecognised_council", &[("council", &named.name)]),
            None,
            &[MHA_1983_S117_3],
        );
    }
    Body {
        name: named.name,
        code: named.council.map(|c| c.code.to_owned()),
        ods: None,
        kind: if named.elsewhere.is_some() {
            BodyKind::Council
        } else {
            council_kind(named.council, country)
        },
        certain,
        why,
        cites: cites.to_vec(),
        candidates,
    }
}

/// Is the person, on what they said about where they lived before a detention, taken to have had no ordinary
/// residence in England or Wales (s.117(3)(c)), so that where the hospital sent them on discharge decides the
/// council? Yes for a home in Scotland, Northern Ireland or abroad, or none; and for "England" or "Wales" with a
/// council that is in fact elsewhere in the UK.
pub fn is_without_residence_here(lived: &crate::case::LivedBefore) -> bool {
    match lived.country {
        Country::England | Country::Wales => lived
            .council
            .as_deref()
            .map(str::trim)
            .is_some_and(|t| !t.is_empty() && recognise(t).elsewhere.is_some()),
        Country::Scotland
        | Country::NorthernIreland
        | Country::OutsideUk
        | Country::NoSettledHome => true,
        // Not known where: nothing says the person had no home here.
        Country::NotSure => false,
    }
}

/// Decides the responsible council for the duty from the detention at `latest`.
pub fn decide(case: &Case, latest: usize, out: &mut Outcome) {
    let d = &case.detentions[latest];
    let lived = &d.lived_before;
    // In prison immediately before the detention: no authority says where a prisoner is ordinarily resident for
    // s.117(3), so the council for where they lived before custody is never certain.
    if lived.in_prison == Some(true) {
        out.flag(
            FlagId::InPrisonBefore,
            FlagKind::Uncertain,
            messages::say("flag.in_prison_before"),
            d.admitted,
            &[MHA_1983_S117_3],
        );
    }
    let detention = describe_detention(d);
    let original = original_council_after_imposed_recall(case, latest, out);
    let named_original = original.is_some();
    let mut probable = None;
    let mut body = match (
        original,
        lived.country,
        lived.council.as_deref().map(str::trim),
    ) {
        (Some(body), _, _) => body,
        (None, Country::England | Country::Wales, Some(typed))
            if is_without_residence_here(lived) =>
        {
            let preface = recognise(typed).elsewhere.map(|other| {
                let country = if lived.country == Country::Wales {
                    messages::text("nation.wales")
                } else {
                    messages::text("nation.england")
                };
                let v = [
                    ("country", country),
                    ("detention", detention.as_str()),
                    ("council", other.name),
                    ("nation", nation_name(other.nation)),
                ];
                messages::fill("part.preface.named_elsewhere", &v)
            });
            match decide_no_residence(case, latest, &detention, preface, out) {
                Some(body) => body,
                None => return,
            }
        }
        (None, Country::England | Country::Wales | Country::NotSure, Some(typed))
            if !typed.is_empty() =>
        {
            let named = recognise(typed);
            let council = ("council", named.name.as_str());
            let place = match (&named.note, named.divided) {
                (_, Some(former)) => former.short_name.to_owned(),
                (Some(_), None) => {
                    let v = [("place", typed.trim()), council];
                    messages::fill("part.place.in_area_of", &v)
                }
                (None, None) => messages::fill("part.place.area_of", &[council]),
            };
            let v = [("place", place.as_str()), ("detention", detention.as_str())];
            let why = if named.divided.is_some() {
                messages::fill("body.responsible_council.lived_in.divided", &v)
            } else {
                messages::fill("body.responsible_council.lived_in", &v)
            };
            // Only the plain sentence, with nothing added to it, is reworded when the council is in doubt.
            if named.divided.is_none() && named.note.is_none() {
                let text = messages::fill("body.responsible_council.lived_in.probable", &v);
                probable = Some(text);
            }
            body_for(
                typed,
                lived.country,
                why,
                &[MHA_1983_S117_3, WORCESTERSHIRE_2023],
                out,
            )
        }
        (None, Country::England | Country::Wales, _) => {
            let v = [("detention", detention.as_str())];
            let text = messages::fill("reason.responsible_council.unknown", &v);
            out.reason(
                RuleId::ResponsibleCouncil,
                Finding::Unknown,
                text,
                &[MHA_1983_S117_3],
            );
            return;
        }
        (None, Country::NotSure, _) => {
            let v = [("detention", detention.as_str())];
            let text = messages::fill("reason.responsible_council.not_sure", &v);
            out.reason(
                RuleId::ResponsibleCouncil,
                Finding::Unknown,
                text,
                &[MHA_1983_S117_3],
            );
            out.flag(
                FlagId::AskWhereLivedBefore,
                FlagKind::Uncertain,
                messages::fill("flag.not_sure.lived_before", &v),
                d.admitted,
                &[MHA_1983_S117_3, UK_GDPR_ART_15],
            );
            return;
        }
        (
            None,
            Country::Scotland
            | Country::NorthernIreland
            | Country::OutsideUk
            | Country::NoSettledHome,
            _,
        ) => match decide_no_residence(case, latest, &detention, elsewhere_preface(lived), out) {
            Some(body) => body,
            None => return,
        },
    };
    flag_later_unknown_sections(case, latest, &mut body);
    flag_hard_cases(case, latest, named_original, &mut body, out);
    if lived.in_prison == Some(true) {
        body.certain = false;
        body.why.push(' ');
        body.why
            .push_str(&messages::say("body.responsible_council.in_prison"));
    }
    if let Some(probable) = probable.filter(|_| !body.certain) {
        body.why = probable;
    }
    out.reason(
        RuleId::ResponsibleCouncil,
        if body.certain {
            Finding::Met
        } else {
            Finding::Unknown
        },
        body.why.clone(),
        &body.cites,
    );
    flag_moved(case, &body, out);
    out.council = Some(body);
}

/// For a person who lived in Scotland or Northern Ireland before the detention: why no council there can hold the
/// duty.
fn elsewhere_preface(lived: &crate::case::LivedBefore) -> Option<String> {
    let named = lived
        .council
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .and_then(|t| recognise(t).elsewhere);
    let nation = match (named, lived.country) {
        (Some(other), _) => Some(nation_name(other.nation)),
        (None, Country::Scotland) => Some(messages::text("nation.scotland")),
        (None, Country::NorthernIreland) => Some(messages::text("nation.northern_ireland")),
        (
            None,
            Country::England
            | Country::Wales
            | Country::OutsideUk
            | Country::NoSettledHome
            | Country::NotSure,
        ) => None,
    }?;
    Some(match named {
        Some(o) => {
            let v = [("council", o.name), ("nation", nation)];
            messages::fill("part.preface.council_elsewhere", &v)
        }
        None => messages::fill("part.preface.nation", &[("nation", nation)]),
    })
}

/// s.117(3)(c): no ordinary residence in England or Wales before the detention. `preface` explains why, where the
/// person named a council elsewhere in the UK.
fn decide_no_residence(
    case: &Case,
    latest: usize,
    detention: &str,
    preface: Option<String>,
    out: &mut Outcome,
) -> Option<Body> {
    let preface = preface.map_or_else(String::new, |p| p + " ");
    let sent_to = case.detentions[latest]
        .sent_on_discharge_to
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && recognise(t).elsewhere.is_none());
    if let Some(typed) = sent_to {
        let named = recognise(typed);
        let country = match named.council.map(|c| c.nation) {
            Some(Nation::Wales) => Country::Wales,
            Some(Nation::England) | None => Country::England,
        };
        let v = [
            ("preface", preface.as_str()),
            ("detention", detention),
            ("council", named.name.as_str()),
        ];
        let why = messages::fill("body.responsible_council.sent_on_discharge", &v);
        let mut body = body_for(typed, country, why, &[MHA_1983_S117_3], out);
        if let Some(now) = case
            .lives_now
            .as_ref()
            .and_then(|p| p.council.as_deref())
            .map(recognise)
            .filter(|n| n.council.is_some() && n.name != body.name)
        {
            body.certain = false;
            add_candidate(
                &mut body,
                now.name,
                now.council.map(|c| c.code.to_owned()),
                &messages::say("candidate.responsible_council.lives_now"),
            );
        }
        return Some(body);
    }
    let place = case
        .lives_now
        .as_ref()
        .filter(|p| matches!(p.country, Country::England | Country::Wales))
        .and_then(|p| {
            p.council
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty() && recognise(t).elsewhere.is_none())
                .map(|t| (p.country, t))
        });
    let Some((country, typed)) = place else {
        out.reason(
            RuleId::ResponsibleCouncil,
            Finding::Unknown,
            {
                let v = [("preface", preface.as_str()), ("detention", detention)];
                messages::fill("reason.responsible_council.no_residence", &v)
            },
            &[MHA_1983_S117_3],
        );
        return None;
    };
    let council = recognise(typed).name;
    let v = [
        ("preface", preface.as_str()),
        ("detention", detention),
        ("council", council.as_str()),
    ];
    let why = messages::fill("body.responsible_council.lives_now", &v);
    Some(body_for(typed, country, why, &[MHA_1983_S117_3], out))
}

/// *Wiltshire*: a conditionally discharged patient recalled to hospital, who lived where they did before the
/// recall because a condition of the discharge required it, probably stays the responsibility of the council
/// from before the original detention, because a residence imposed like that is not voluntarily adopted.
/// Returns that council, not certain, with the imposed-residence council as a candidate; `None` if this is not
/// such a case or the original council is not known.
fn original_council_after_imposed_recall(
    case: &Case,
    latest: usize,
    out: &mut Outcome,
) -> Option<Body> {
    let d = &case.detentions[latest];
    let lived = &d.lived_before;
    if d.recall != Some(Recall::ConditionalDischargeRecall)
        || lived.required_by_discharge_condition != Some(true)
    {
        return None;
    }
    let original = case.detentions[..latest]
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, e)| {
            super::qualifying_detention::is_qualifying(e)
                && super::jurisdiction::is_mha_1983(case.detentions[*i].detained_in)
                && e.lived_before.required_by_discharge_condition != Some(true)
        })
        .find_map(|(_, e)| {
            e.lived_before
                .council
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| (e, t))
        })?;
    let (earlier, typed) = original;
    let imposed = lived
        .council
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(recognise);
    let named = recognise(typed);
    let detention = describe_detention(earlier);
    let why = match &imposed {
        Some(c) => {
            let v = [
                ("imposed", c.name.as_str()),
                ("detention", detention.as_str()),
                ("council", named.name.as_str()),
            ];
            messages::fill("body.responsible_council.imposed_recall", &v)
        }
        None => {
            let v = [("detention", detention.as_str()), ("council", &named.name)];
            messages::fill("body.responsible_council.imposed_recall.unnamed", &v)
        }
    };
    let mut body = body_for(
        typed,
        earlier.lived_before.country,
        why,
        &[WILTSHIRE_2014, MHA_1983_S117_3, WORCESTERSHIRE_2023],
        out,
    );
    body.certain = false;
    if let Some(imposed) = imposed {
        add_candidate(
            &mut body,
            imposed.name,
            imposed.council.map(|c| c.code.to_owned()),
            &messages::say("candidate.responsible_council.imposed_recall"),
        );
    }
    Some(body)
}

/// The council named for an earlier detention, as a candidate when the latest one is in doubt.
fn earlier_council(case: &Case, latest: usize) -> Option<(String, Option<String>)> {
    case.detentions[..latest]
        .iter()
        .rev()
        .filter(|d| super::qualifying_detention::is_qualifying(d))
        .find_map(|d: &Detention| d.lived_before.council.as_deref())
        .map(|typed| {
            let named = recognise(typed);
            (named.name, named.council.map(|c| c.code.to_owned()))
        })
}

/// Adds a candidate unless it is the body itself or already listed.
fn add_candidate(body: &mut Body, name: String, code: Option<String>, why: &str) {
    let same = |n: &str, c: &Option<String>| {
        n.eq_ignore_ascii_case(&body.name) || (c.is_some() && *c == body.code)
    };
    if same(&name, &code) || body.candidates.iter().any(|c| c.name == name) {
        return;
    }
    body.candidates.push(Candidate {
        name,
        code,
        why: why.to_owned(),
    });
}

/// Flags, and does not guess, the cases where ordinary residence is disputed.
///
/// `named_original` says that the council named is the one from before the original detention, because the
/// residence before a recall was imposed by a discharge condition.
fn flag_hard_cases(
    case: &Case,
    latest: usize,
    named_original: bool,
    body: &mut Body,
    out: &mut Outcome,
) {
    let d = &case.detentions[latest];
    let lived = &d.lived_before;
    if let Some(placer) = lived
        .placed_by
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let placer = recognise(placer);
        let different = placer.name != body.name;
        if different {
            body.certain = false;
            let v = [("placer", placer.name.as_str()), ("council", &body.name)];
            let text = if lived.lacked_capacity == Some(true) {
                messages::fill("flag.placed_out_of_area.lacked_capacity", &v)
            } else {
                messages::fill("flag.placed_out_of_area", &v)
            };
            out.flag(
                FlagId::PlacedOutOfArea,
                FlagKind::Uncertain,
                text,
                None,
                &[WORCESTERSHIRE_2023, CARE_ACT_2014_S39, MHA_2025_S46],
            );
            add_candidate(
                body,
                placer.name,
                placer.council.map(|c| c.code.to_owned()),
                &messages::say("candidate.responsible_council.placer"),
            );
        }
    } else if lived.lacked_capacity == Some(true) {
        out.flag(
            FlagId::PlacementFactsNeeded,
            FlagKind::Uncertain,
            messages::fill("flag.placement_facts_needed", &[("council", &body.name)]),
            None,
            &[WORCESTERSHIRE_2023, MHA_1983_S117_3],
        );
    }
    if lived.required_by_discharge_condition == Some(true) {
        body.certain = false;
        out.flag(
            FlagId::ResidenceImposedByCondition,
            FlagKind::Uncertain,
            if named_original {
                messages::say("flag.residence_imposed_by_condition.original_named")
            } else {
                messages::say("flag.residence_imposed_by_condition")
            },
            None,
            &[WILTSHIRE_2014, MHA_1983_S117_3],
        );
        if let Some((name, code)) = earlier_council(case, latest) {
            let why = messages::say("candidate.responsible_council.imposed_residence");
            add_candidate(body, name, code, &why);
        }
    }
    if lived.informal_in_hospital_after_losing_home == Some(true) {
        body.certain = false;
        out.flag(
            FlagId::ResidentInHospital,
            FlagKind::Uncertain,
            messages::say("flag.resident_in_hospital"),
            None,
            &[SUNDERLAND_2012, MHA_1983_S117_3],
        );
    }
    if matches!(
        d.recall,
        Some(Recall::ConditionalDischargeRecall | Recall::CtoRevoked)
    ) {
        if let Some((name, code)) = earlier_council(case, latest) {
            body.certain = false;
            let why = messages::say("candidate.responsible_council.recall");
            add_candidate(body, name, code, &why);
        }
    }
    if out.has_flag(FlagId::S2ConvertedToS3) {
        if let Some(before) = latest
            .checked_sub(1)
            .and_then(|i| case.detentions[i].lived_before.council.as_deref())
        {
            let named = recognise(before);
            if named.name != body.name {
                body.certain = false;
                add_candidate(
                    body,
                    named.name,
                    named.council.map(|c| c.code.to_owned()),
                    &messages::say("candidate.responsible_council.s2_converted"),
                );
            }
        }
    }
    if !body.certain && body.code.is_some() {
        out.flag(
            FlagId::CouncilDispute,
            FlagKind::Info,
            messages::say("flag.council_dispute"),
            None,
            &[MHA_1983_S117_4, CARE_ACT_2014_S75],
        );
    }
}

/// A later stay whose section is not known may have been a new qualifying detention (*Worcestershire*), which
/// would make the council for where the person lived before it responsible: the council named is then not
/// certain, and that council is a candidate.
fn flag_later_unknown_sections(case: &Case, latest: usize, body: &mut Body) {
    for (_, d) in super::england_and_wales(case)
        .filter(|(i, d)| *i > latest && d.section == crate::case::Section::Unknown)
    {
        let typed = d
            .lived_before
            .council
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let Some(typed) = typed else {
            body.certain = false;
            continue;
        };
        let named = recognise(typed);
        let same = match (named.council, &body.code) {
            (Some(c), Some(code)) => c.code == code,
            (Some(_), None) | (None, Some(_)) | (None, None) => {
                named.name.eq_ignore_ascii_case(&body.name)
            }
        };
        if !same {
            body.certain = false;
            add_candidate(
                body,
                named.name,
                named.council.map(|c| c.code.to_owned()),
                &messages::say("candidate.responsible_council.later_unknown_section"),
            );
        }
    }
}

/// Explains that moving does not move responsibility.
fn flag_moved(case: &Case, body: &Body, out: &mut Outcome) {
    let Some(now) = case.lives_now.as_ref().and_then(|p| p.council.as_deref()) else {
        return;
    };
    let now = recognise(now);
    let moved = if let (Some(c), Some(code)) = (&now.council, &body.code) {
        c.code != code
    } else {
        !now.name.eq_ignore_ascii_case(&body.name)
    };
    if moved && !now.name.is_empty() {
        out.flag(
            FlagId::MovedSince,
            FlagKind::Info,
            {
                let v = [("now", now.name.as_str()), ("council", &body.name)];
                messages::fill("flag.moved_since", &v)
            },
            None,
            &[WORCESTERSHIRE_2023, MHA_1983_S117_3],
        );
    }
}
