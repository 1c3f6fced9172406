// <s117-checker>, its answer: "Check your answers", the result page and the Decision shown (also beside the adviser
// form). Imported by s117-checker.js when first needed, and fetched in the background once the rules have loaded, so
// the first question never waits for it. The letter is another part (s117-letter.js), loaded with the result.
//
// Not a module to import yourself: `install()` adds these methods to the element's class, with the helpers they
// share with s117-checker.js. The house rules of s117-checker.js hold here too (user text only as textContent).

/** What this part uses of s117-checker.js, handed over by `install()`. */
let CIRCUMSTANCES, ENDING_REASONS, HOSPITAL_COUNTRIES, LEAVINGS, LIVED_COUNTRIES, LIVES_NOW_COUNTRIES, PART_TEXTS,
  RECALLS_CD, RECALLS_CTO, SECTIONS, append, coreSlot, firstDay, getPath, gpQuestion, h, hasLeft, isComplete, isEW,
  labelOf, longDate, newStay, vh;

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 * @param {Record<string, any>} kit the helpers of s117-checker.js
 */
export function install(Checker, kit) {
  ({
    CIRCUMSTANCES, ENDING_REASONS, HOSPITAL_COUNTRIES, LEAVINGS, LIVED_COUNTRIES, LIVES_NOW_COUNTRIES,
    PART_TEXTS, RECALLS_CD, RECALLS_CTO, SECTIONS, append, coreSlot, firstDay, getPath, gpQuestion, h, hasLeft,
    isComplete, isEW, labelOf, longDate, newStay, vh
  } = kit);
  kit.mixin(Checker, AnswerPart);
}

const FINDING_LABELS = {
  met: { symbol: '✓', text: 'Met' },
  not_met: { symbol: '✗', text: 'Not met' },
  unknown: { symbol: '?', text: 'Not known' },
};

const ENTITLEMENT_TAGS = {
  entitled: { text: 'Owed after-care', mod: 'yes' },
  entitled_on_leaving_hospital: { text: 'Owed after-care when you leave hospital', mod: 'yes' },
  not_entitled: { text: 'Not owed section 117 after-care', mod: 'no' },
  ended: { text: 'After-care was ended', mod: 'no' },
  undetermined: { text: 'We need more information', mod: 'maybe' },
  out_of_scope: { text: 'Section 117 does not apply', mod: 'no' },
};

const FLAG_GROUPS = [
  { kind: 'refund', title: 'Money you may be owed back' },
  { kind: 'deadline', title: 'More about the time limits' },
  { kind: 'warning', title: 'Things to challenge' },
  { kind: 'uncertain', title: 'Points to check' },
  { kind: 'info', title: 'Good to know' },
];

const BODY_KINDS = {
  english_council: 'Council (social care), England',
  welsh_council: 'Council (social care), Wales',
  council: 'Council (social care)',
  integrated_care_board: 'Integrated care board (NHS, England)',
  local_health_board: 'Local health board (NHS, Wales)',
  nhs_england: 'NHS England',
  clinical_commissioning_group: 'Clinical commissioning group (NHS, before July 2022)',
};

const RULE_LABELS = {
  jurisdiction: 'Law of England and Wales',
  qualifying_detention: 'Detained under a qualifying section',
  left_hospital: 'Left hospital',
  readmission: 'Later stays in hospital',
  duty_end: 'Whether after-care has ended',
  responsible_council: 'Which council',
  responsible_nhs_body: 'Which NHS body',
  charging: 'Charges for care',
};

const DEADLINE_KINDS = {
  judicial_review: 'Judicial review (a court challenge)',
  ombudsman: 'Complaint to the ombudsman',
  limitation: 'Court claim to get money back',
  reply: 'Reply to your letter',
};

const PERIOD_ENDS = {
  readmission: 'Detained again',
  joint_decision: 'Joint decision that it was no longer needed',
  death: 'Death',
};

/** A sentence from the core with its first letter made a capital ("the Local Government …" starts some). @param {string} s */
function sentence(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : '';
}

/** "£1,234" from a number of pounds. @param {number} n */
function pounds(n) {
  return `£${Math.round(Number(n) || 0).toLocaleString('en-GB')}`;
}

/** The results that offer a letter asking the council and the NHS body to confirm them. */
const LETTER_FOR = new Set(['entitled', 'entitled_on_leaving_hospital', 'ended', 'undetermined']);

/** The methods this part adds to S117Checker. */
class AnswerPart {
  _renderCheck() {
    const c = this._c;
    const m = this._m;
    const steps = this._steps();
    const has = (s) => steps.includes(s);
    const groups = [];
    const notAnswered = 'Not answered';
    c.detentions.forEach((d, i) => {
      const rows = [];
      const row = (key, value, step) => {
        if (has(step)) rows.push({ key, value, step });
      };
      const lb = d.lived_before || {};
      row('Country of the hospital', d.detained_in ? labelOf(HOSPITAL_COUNTRIES, d.detained_in) : notAnswered, `stay/${i}/hospital`);
      row('Section', d.section ? labelOf(SECTIONS, d.section) : notAnswered, `stay/${i}/section`);
      row('Recall', d.recall ? labelOf([...RECALLS_CTO, ...RECALLS_CD], d.recall) : m.answered[`stay/${i}/recall`] ? 'No, it was a new detention' : notAnswered, `stay/${i}/recall`);
      row('Lived just before', lb.country ? labelOf(LIVED_COUNTRIES, lb.country) : notAnswered, `stay/${i}/lived`);
      row('Council area', lb.council || (m.answered[`stay/${i}/council`] ? 'Not sure' : notAnswered), `stay/${i}/council`);
      const circ = CIRCUMSTANCES.filter((o) => (o.key === 'placed_by' ? lb.placed_by : lb[o.key] === true)).map((o) => (o.key === 'placed_by' ? `${o.label}: ${lb.placed_by}` : o.label));
      row('Your living situation', circ.length ? circ : m.answered[`stay/${i}/circumstances`] ? 'None of these' : notAnswered, `stay/${i}/circumstances`);
      row('How it ended', d.leaving ? labelOf(LEAVINGS, d.leaving) : m.answered[`stay/${i}/leaving`] ? 'I don’t know' : notAnswered, `stay/${i}/leaving`);
      const dates = [`Began: ${d.admitted ? longDate(d.admitted) : 'not known'}`];
      if (d.section_ended) dates.push(`Section ended: ${longDate(d.section_ended)}`);
      if (d.left_hospital) dates.push(`${d.leaving === 's17_leave' ? 'Leave began' : 'Left hospital'}: ${longDate(d.left_hospital)}`);
      else if (hasLeft(d) || d.leaving === undefined || d.leaving === 'stayed_informally') dates.push(`${d.leaving === 's17_leave' ? 'Leave began' : 'Left hospital'}: not known`);
      if (d.leaving === 'cto') dates.push(d.cto_ended ? `CTO ended: ${longDate(d.cto_ended)}` : 'CTO: not ended');
      if (d.hospital) dates.push(`Hospital: ${d.hospital}`);
      row('Dates', dates, `stay/${i}/dates`);
      groups.push({ title: c.detentions.length === 1 ? 'Your stay in hospital' : `Stay ${i + 1}`, rows, suffix: c.detentions.length === 1 ? '' : ` for stay ${i + 1}`, stay: c.detentions.length > 1 ? i : null });
    });
    const rows = [];
    const row = (key, value, step) => {
      if (has(step)) rows.push({ key, value, step });
    };
    const ln = c.lives_now || {};
    row('Where you live now', ln.country ? labelOf(LIVES_NOW_COUNTRIES, ln.country) : notAnswered, 'lives-now');
    row('Council area now', ln.council || (m.answered['lives-now-council'] ? 'Not sure' : notAnswered), 'lives-now-council');
    const ae = c.aftercare_ended || {};
    row('Told after-care ended', m.told === 'yes' ? 'Yes' : m.told === 'no' ? 'No' : notAnswered, 'ended');
    row('Reason given', ae.reason ? labelOf(ENDING_REASONS, ae.reason) : notAnswered, 'ended-reason');
    row('When you were told', ae.date ? longDate(ae.date) : m.answered['ended-date'] ? 'Not known' : notAnswered, 'ended-date');
    row('Joint written decision', ae.joint_written_decision === true ? 'Yes' : ae.joint_written_decision === false ? 'No' : m.answered['ended-joint'] ? 'I don’t know' : notAnswered, 'ended-joint');
    const gp = gpQuestion(c);
    if (gp && gp.secure) {
      const v = gp.start.d.nhs_england_secure_service;
      row('Secure hospital', v === true ? 'Yes' : v === false ? 'No' : m.answered.secure ? 'I don’t know' : notAnswered, 'secure');
    }
    if (gp && gp.path) row(gp.when === 'july-2022' ? 'GP’s ICB on 1 July 2022' : 'GP’s ICB', getPath(c, gp.path) || (m.answered.gp ? 'I don’t know' : notAnswered), 'gp');
    row('Paid for care', m.told_charges === 'yes' ? 'Yes' : m.told_charges === 'no' ? 'No' : notAnswered, 'charges');
    if (has('charge-details')) {
      (c.charges || []).forEach((ch, k) => {
        const bits = [ch.what || 'Care', ch.since ? `since ${longDate(ch.since)}` : 'start not known', ch.until ? `until ${longDate(ch.until)}` : 'still paying'];
        const lines = [bits.join(', ')];
        if (ch.chosen_dearer_placement_with_written_agreement) lines.push('A top-up for a dearer place I chose, agreed in writing');
        row(`Charge ${k + 1}`, lines, 'charge-details');
      });
    }
    if (rows.length) groups.push({ title: 'Since you left hospital', rows, suffix: '' });

    const summary = this._errorSummary();
    const $form = h('form', { class: 's117-form', novalidate: true });
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      // A stay started but not finished (for example, added and then left) must be finished or removed first.
      const unfinished = [];
      c.detentions.forEach((d, i) => {
        if (isComplete(d)) return;
        const [field, what] = !d.detained_in
          ? [`detentions[${i}].detained_in`, 'which country the hospital was in']
          : !d.section && isEW(d)
            ? [`detentions[${i}].section`, 'which section you were detained under']
            : [`detentions[${i}].lived_before.country`, 'where you lived just before'];
        unfinished.push({ field, message: `Tell us ${what} for stay ${i + 1}, or remove that stay` });
      });
      if (unfinished.length) {
        this._m.checkErrors = unfinished;
        summary.show(unfinished.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
        return;
      }
      this._needCore(() => this._getResult(summary));
    });
    const unanswered = steps.filter((s) => s !== 'check' && s !== 'stays' && !m.answered[s]);
    append($form, [
      unanswered.length
        ? h('div', { class: 's117-inset-text' }, h('p', { class: 's117-body', text: `${unanswered.length === 1 ? 'One question has' : `${unanswered.length} questions have`} not been answered yet. You can still get a result, but it may be less certain.` }))
        : null,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: 'Get my result' })),
    ]);
    append(this.$page, [
      this._backLink('check') || '',
      summary.el,
      h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: 'Check your answers' }),
      h('p', { class: 's117-body', text: 'Check what you have told us, and change anything that is not right.' }),
      groups.map((g) => [
        h('div', { class: 's117-summary-card__title-wrapper' },
          h('h3', { class: 's117-heading-m', text: g.title }),
          g.stay === null || g.stay === undefined
            ? null
            : h('button', {
                class: 's117-link-button',
                type: 'button',
                onclick: () => {
                  this._removeStay(g.stay);
                  this._m.checkErrors = null;
                  this._renderStep(true);
                  this._announce(`Stay ${g.stay + 1} removed.`);
                },
              }, 'Remove', vh(` stay ${g.stay + 1}`))),
        h(
          'dl',
          { class: 's117-summary-list' },
          g.rows.map((r) =>
            h(
              'div',
              { class: 's117-summary-list__row' },
              h('dt', { class: 's117-summary-list__key', text: r.key }),
              h('dd', { class: 's117-summary-list__value' }, Array.isArray(r.value) ? r.value.map((v) => h('p', { class: 's117-body', text: v })) : r.value),
              h(
                'dd',
                { class: 's117-summary-list__actions' },
                h('button', {
                  class: 's117-link-button',
                  type: 'button',
                  onclick: () => {
                    this._m.returnTo = 'check';
                    this._go(r.step);
                  },
                }, 'Change', vh(` ${r.key.toLowerCase()}${g.suffix}`)),
              ),
            ),
          ),
        ),
      ]),
      h('div', { class: 's117-button-group' },
        h('button', {
          class: 's117-button s117-button--secondary',
          type: 'button',
          text: 'Add another stay in hospital',
          onclick: () => {
            this._c.detentions.push(newStay());
            this._m.returnTo = 'check';
            this._go(`stay/${this._c.detentions.length - 1}/hospital`);
          },
        })),
      $form,
    ]);
    if (m.checkErrors && m.checkErrors.length) summary.show(m.checkErrors.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
  }

  /** "Get my result": evaluates the answers and shows the result, or the core's errors on "check your answers". */
  _getResult(summary) {
    const result = this._evaluate();
    if (!result.ok) {
      this._m.checkErrors = result.errors;
      summary.show(result.errors.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
      return;
    }
    this._m.checkErrors = null;
    this._m.returnTo = null;
    this._go('result');
    this._announce(`Result: ${result.decision.summary}`);
  }

  _renderResultPage() {
    if (!this._decision && !this._core) {
      // The result was the page shown last (the page was reloaded), and the rules are still loading.
      append(this.$page, [
        this._backLink('result') || '',
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: 'Your result' }),
      ]);
      this._needCore(() => this._renderStep(false));
      return;
    }
    if (!this._decision) {
      const result = this._evaluate();
      if (!result.ok) {
        this._m.step = 'check';
        this._m.checkErrors = result.errors;
        this._renderCheck();
        return;
      }
    }
    const decision = this._decision;
    append(this.$page, [
      this._backLink('result') || '',
      this._decisionView(decision, false),
      this._letterSlot(decision),
      h('div', { class: 's117-button-group s117-result-actions' },
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: 'Change your answers', onclick: () => this._go('check') }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: 'Start again', onclick: () => { this.clear(); this._announce('Your answers have been cleared. Starting again.'); } }),
      ),
    ]);
  }

  /**
   * Where the letter goes under a result, if the result offers one: the letter's section at once if its part
   * (s117-letter.js) has loaded; otherwise "Loading the letter…", replaced by the section when the part arrives (or
   * an error with "Try again" if it cannot load).
   */
  _letterSlot(decision) {
    if (!LETTER_FOR.has(decision.entitlement)) return null;
    if (this._hasPart('letter')) return this._letterSection(decision);
    const slot = coreSlot(PART_TEXTS.letter);
    const $host = h('div', { class: 's117-letter-slot' }, slot.el);
    const load = () => {
      slot.loading();
      this._loadPart('letter').then(
        () => {
          if ($host.isConnected) $host.replaceWith(this._letterSection(decision));
        },
        () => {
          if ($host.isConnected) slot.error(load, false);
        },
      );
    };
    load();
    return $host;
  }

  /** An entitlement in words, as its tag shows it. @param {string} entitlement */
  _entitlementText(entitlement) {
    return (ENTITLEMENT_TAGS[entitlement] || {}).text || entitlement;
  }

  /** Citation links. @param {{ id: string, label: string, url: string }[]} cites */
  _cites(cites) {
    const seen = new Set();
    const list = (cites || []).filter((c) => c && !seen.has(c.id) && seen.add(c.id));
    if (!list.length) return null;
    const $p = h('p', { class: 's117-cites' }, h('span', { class: 's117-cites__label', text: list.length === 1 ? 'Source: ' : 'Sources: ' }));
    list.forEach((cite, n) => {
      if (n) $p.append('; ');
      const safe = /^https?:\/\//i.test(cite.url || '');
      $p.append(safe ? h('a', { class: 's117-link', href: cite.url, rel: 'noopener', text: cite.label }) : h('span', { text: cite.label }));
    });
    return $p;
  }

  /** One responsible body. @param {'council'|'nhs'} role */
  _bodyCard(role, body) {
    const title = role === 'council' ? 'Social care: the council' : 'Health care: the NHS body';
    if (!body) {
      return h('div', { class: 's117-body-card s117-body-card--missing' },
        h('h4', { class: 's117-body-card__role', text: title }),
        h('p', { class: 's117-body', text: role === 'council' ? 'We cannot name the council from your answers. The reasons below say what we would need to know.' : 'We cannot name the NHS body from your answers. The reasons below say what we would need to know.' }));
    }
    return h(
      'div',
      { class: `s117-body-card${body.certain ? '' : ' s117-body-card--uncertain'}` },
      h('h4', { class: 's117-body-card__role', text: title }),
      h('p', { class: 's117-body-card__name', text: body.name }),
      h('p', { class: 's117-body-card__kind', text: BODY_KINDS[body.kind] || '' }),
      body.certain ? null : h('p', { class: 's117-body-card__uncertain' }, h('strong', { class: 's117-tag s117-tag--maybe', text: 'Not certain' }), ' We are not sure this is the right body. Check it, and see the points below.'),
      h('p', { class: 's117-body', text: body.why }),
      this._cites(body.cites),
      body.candidates && body.candidates.length
        ? [
            h('p', { class: 's117-body s117-body-card__candidates-title', text: 'It could instead be:' }),
            h('ul', { class: 's117-list s117-list--bullet' }, body.candidates.map((cand) => h('li', null, h('strong', { text: cand.name }), `: ${cand.why}`))),
          ]
        : null,
    );
  }

  /**
   * "What to do now": the core's first three next steps, most urgent first, each with who, how, by when and (folded
   * away) its sources. Every word comes from the Decision.
   */
  _nextStepsView(decision, H3) {
    const all = decision.next_steps || [];
    const steps = all.slice(0, 3);
    const more = all.slice(3);
    if (!steps.length) return null;
    return h('section', { class: 's117-now', 'aria-labelledby': this._id('s117-now-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-now-heading'), text: 'What to do now' }),
      h('ol', { class: 's117-steps' },
        steps.map((step) => {
          const cites = this._cites(step.cites);
          return h('li', { class: `s117-step s117-step--${step.id}` },
            h('p', { class: 's117-step__text', text: step.text }),
            step.by ? h('p', { class: 's117-step__by' }, h('strong', { text: `By ${longDate(step.by)}` })) : null,
            step.who || step.how
              ? h('p', { class: 's117-step__meta' },
                  step.who ? [h('span', { class: 's117-step__label', text: 'Who: ' }), step.who] : null,
                  step.who && step.how ? h('br') : null,
                  step.how ? [h('span', { class: 's117-step__label', text: 'How: ' }), step.how] : null)
              : null,
            cites
              ? h('details', { class: 's117-details s117-step__sources' },
                  h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: 'Sources' })),
                  h('div', { class: 's117-details__text' }, cites))
              : null,
          );
        })),
      more.length
        ? h('details', { class: 's117-details s117-now__more' },
            h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: more.length === 1 ? 'One more thing you can do' : `${more.length} more things you can do` })),
            h('div', { class: 's117-details__text' },
              h('ul', { class: 's117-list s117-list--bullet' }, more.map((step) => h('li', { class: `s117-step--${step.id}` },
                h('p', { class: 's117-body', text: step.text }),
                this._cites(step.cites))))))
        : null,
    );
  }

  /** "Time limits": each deadline the core found, its date in words (as precise as it is known) and its basis. */
  _deadlinesView(decision, H3) {
    const deadlines = decision.deadlines || [];
    if (!deadlines.length) return null;
    return [
      h(H3, { class: 's117-heading-m', text: 'Time limits' }),
      h('ul', { class: 's117-deadlines' },
        deadlines.map((d) => h('li', { class: `s117-deadline s117-deadline--${d.kind}${d.passed ? ' s117-deadline--passed' : ''}` },
          h('p', { class: 's117-deadline__title' },
            h('strong', { text: `${DEADLINE_KINDS[d.kind] || d.kind}${d.date ? `: ${longDate(d.date)}` : ''}` }),
            d.date && d.approximate ? ' (approximate: may be earlier)' : '',
            d.date && d.passed ? [' ', h('strong', { class: 's117-tag s117-tag--no', text: 'Passed' })] : null),
          h('p', { class: 's117-body', text: sentence(d.basis) }),
          this._cites(d.cites)))),
    ];
  }

  /** Charges that fell while after-care was owed: the ranges, the estimate, and how old the payments are. */
  _refundView(decision, H3) {
    const refund = decision.refund;
    if (!refund || !(refund.ranges || []).length) return null;
    const charges = (this._c && this._c.charges) || [];
    const several = (decision.periods || []).length > 1;
    const est = refund.estimate;
    return h('div', { class: 's117-refund' },
      h(H3, { class: 's117-heading-m', text: 'Charges while you were owed after-care' }),
      h('p', { class: 's117-body', text: refund.ranges.length === 1 ? 'You were charged for care in this time, while after-care was owed:' : 'You were charged for care in these times, while after-care was owed:' }),
      h('ul', { class: 's117-list s117-list--bullet s117-refund__ranges' },
        refund.ranges.map((r) => {
          const what = charges[r.charge] && charges[r.charge].what;
          const when = r.ongoing ? `from ${longDate(r.from)} until now` : `from ${longDate(r.from)} to ${longDate(r.to)}`;
          // `what` is the person's own words: text only.
          return h('li', { class: 's117-refund__range' },
            what ? `${what}: ` : '',
            when,
            several ? ` (after-care period ${r.period + 1})` : '');
        })),
      est
        ? [
            h('p', { class: 's117-body s117-refund__estimate' },
              h('strong', { text: `About ${pounds(est.total)}, not counting interest.` }),
              est.within_six_years !== est.total ? ` About ${pounds(est.within_six_years)} of it was paid in the last six years.` : ' All of it was paid in the last six years.'),
            est.basis ? h('p', { class: 's117-hint', text: est.basis }) : null,
          ]
        : null,
      refund.all_time_barred
        ? h('div', { class: 's117-warning-text' },
            h('span', { class: 's117-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
            h('p', { class: 's117-warning-text__text' }, vh('Warning: '), `Every one of these payments is more than six years old (made before ${longDate(refund.time_barred_before)}). A court claim to get them back may be out of time: see the time limits above.`))
        // Only when the core found payments that old (its court_claim_limit flag).
        : decision.flags.some((f) => f.id === 'court_claim_limit')
          ? h('p', { class: 's117-body', text: `Payments made before ${longDate(refund.time_barred_before)} are more than six years old, and a court claim for them may be out of time.` })
          : null,
    );
  }

  /** "Your after-care periods", when there is more than one: a small table (stacked on narrow screens). */
  _periodsView(decision, H3) {
    const periods = decision.periods || [];
    if (periods.length < 2) return null;
    const heads = ['From', 'To', 'What ended it', 'Council', 'NHS body'];
    return h('div', { class: 's117-periods' },
      h(H3, { class: 's117-heading-m', id: this._id('s117-periods-heading'), text: 'Your after-care periods' }),
      h('table', { class: 's117-table', 'aria-labelledby': this._id('s117-periods-heading') },
        h('thead', { class: 's117-table__head' }, h('tr', { class: 's117-table__row' }, heads.map((t) => h('th', { class: 's117-table__header', scope: 'col', text: t })))),
        h('tbody', { class: 's117-table__body' },
          periods.map((p) => {
            const cells = [
              longDate(p.from),
              p.to ? longDate(p.to) : 'now',
              p.ended_by ? PERIOD_ENDS[p.ended_by] || p.ended_by : p.to ? 'Not known' : 'Still running',
              p.council ? p.council.name : 'Not known',
              p.nhs_body ? p.nhs_body.name : 'Not known',
            ];
            return h('tr', { class: 's117-table__row' }, cells.map((t, k) => h(k ? 'td' : 'th', { class: k ? 's117-table__cell' : 's117-table__cell s117-table__cell--first', scope: k ? null : 'row', 'data-label': heads[k], text: t })));
          }))),
    );
  }

  /** The Decision, shown: outcome, who, why, flags, next steps. */
  _decisionView(decision, compact) {
    const tag = ENTITLEMENT_TAGS[decision.entitlement] || { text: decision.entitlement, mod: 'maybe' };
    const H = compact ? 'h3' : 'h2';
    const H3 = compact ? 'h4' : 'h3';
    const $view = h('div', { class: `s117-result${compact ? ' s117-result--compact' : ''}` });
    $view.append(
      h(H, { class: `${compact ? 's117-heading-m' : 's117-heading-l'} js-s117-focus`, tabindex: '-1', text: compact ? 'Result' : 'Your result' }),
      h('div', { class: `s117-panel s117-panel--${tag.mod}` },
        h('p', { class: 's117-panel__tag' }, h('strong', { class: `s117-tag s117-tag--${tag.mod}`, text: tag.text })),
        h('p', { class: 's117-panel__summary js-s117-summary', text: decision.summary })),
    );
    append($view, [this._nextStepsView(decision, H3), this._deadlinesView(decision, H3), this._refundView(decision, H3)]);
    if (decision.council || decision.nhs_body || ['entitled', 'entitled_on_leaving_hospital', 'ended'].includes(decision.entitlement)) {
      $view.append(
        h(H3, { class: 's117-heading-m', text: 'Who must provide and pay for your after-care' }),
        h('p', { class: 's117-body', text: 'After-care is a joint duty: the council arranges social care and the NHS body arranges health care. Both must work together, and neither can charge you for it.' }),
        h('div', { class: 's117-bodies' }, this._bodyCard('council', decision.council), this._bodyCard('nhs', decision.nhs_body)),
      );
    }
    append($view, [this._periodsView(decision, H3)]);
    $view.append(
      h(H3, { class: 's117-heading-m', text: 'Why we think this' }),
      h(
        'ol',
        { class: 's117-reasons' },
        decision.reasons.map((r) => {
          const f = FINDING_LABELS[r.finding] || FINDING_LABELS.unknown;
          return h(
            'li',
            { class: `s117-reason s117-reason--${r.finding}` },
            h('p', { class: 's117-reason__title' },
              h('span', { class: 's117-reason__rule', text: `${RULE_LABELS[r.rule] || r.rule}: ` }),
              h('strong', { class: `s117-reason__finding s117-reason__finding--${r.finding}` }, h('span', { class: 's117-reason__symbol', 'aria-hidden': 'true', text: `${f.symbol} ` }), f.text)),
            h('p', { class: 's117-body', text: r.text }),
            this._cites(r.cites),
          );
        }),
      ),
    );
    for (const group of FLAG_GROUPS) {
      const flags = decision.flags.filter((f) => f.kind === group.kind);
      if (!flags.length) continue;
      $view.append(
        h(H3, { class: 's117-heading-m', text: group.title }),
        h(
          'ul',
          { class: `s117-flags s117-flags--${group.kind}` },
          flags.map((f) => {
            const passed = f.date && firstDay(f.date) < this.asAt && group.kind === 'deadline';
            return h(
              'li',
              { class: `s117-flag s117-flag--${f.kind}` },
              f.date
                ? h('p', { class: 's117-flag__date' }, h('strong', { text: `${group.kind === 'deadline' ? 'Last day: ' : group.kind === 'refund' ? 'From: ' : 'Date: '}${/^\d{4}-\d{2}-\d{2}$/.test(f.date) ? '' : 'around '}${longDate(f.date)}` }), passed ? ' (this date has passed)' : '')
                : null,
              h('p', { class: 's117-body', text: f.text }),
              this._cites(f.cites),
            );
          }),
        ),
      );
    }
    $view.append(
      h('div', { class: 's117-warning-text' },
        h('span', { class: 's117-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
        h('p', { class: 's117-warning-text__text' }, vh('Warning: '), `This is a screening tool, not legal advice. It reflects the law on ${longDate(decision.law_date)}. Get advice before relying on it, especially near a deadline.`)),
    );
    return $view;
  }
}
