// <s117-checker>, its answer: "Check your answers", the result page and the Decision shown (also beside the adviser
// form). Imported by s117-checker.js when first needed, and fetched in the background once the rules have loaded, so
// the first question never waits for it. The letter is another part (s117-letter.js), loaded with the result.
//
// Not a module to import yourself: `install()` adds these methods to the element's class; the helpers it shares
// with s117-checker.js come from s117-controls.js. The house rules of s117-checker.js hold here too (user text only as textContent).

import { PART_TEXTS, append, coreSlot, firstDay, h, longDate, mixin, vh } from './s117-controls.js';

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 */
export function install(Checker) {
  mixin(Checker, AnswerPart);
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

/**
 * An answer as check your answers shows it: a choice's words, a date written out, pounds with their sign, and
 * "Not known" for a blank.
 * @param {any} q a question of the interview's form, with its `answer`
 */
function shown(q) {
  if (q.answer === '') return q.blank || 'Not known';
  const option = (q.options || []).find((o) => o.value === q.answer);
  if (option) return option.label;
  if (q.kind === 'date') return longDate(q.answer);
  if (q.kind === 'money') return `£${q.answer}`;
  return q.answer;
}

/** The results that offer a letter asking the council and the NHS body to confirm them. */
const LETTER_FOR = new Set(['entitled', 'entitled_on_leaving_hospital', 'ended', 'undetermined']);

/** The methods this part adds to S117Checker. */
class AnswerPart {
  _renderCheck() {
    const iv = this._interview();
    if (!iv) {
      append(this.$page, [h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: 'Check your answers' })]);
      this._needCore(() => this._renderStep(false));
      return;
    }
    // The facts the interview asked, grouped by stay, by charge, and the rest.
    const groups = [];
    const groupOf = (path) => {
      const stay = /^detentions\[(\d+)\]\./.exec(path);
      if (stay) return { key: `stay-${stay[1]}`, title: this._caption(path), suffix: ` for stay ${Number(stay[1]) + 1}` };
      const charge = /^charges\[(\d+)\]\./.exec(path);
      if (charge) return { key: `charge-${charge[1]}`, title: `Charge ${Number(charge[1]) + 1}`, suffix: ` for charge ${Number(charge[1]) + 1}` };
      return { key: 'since', title: 'Since you left hospital', suffix: '' };
    };
    const unanswered = iv.form.filter((q) => q.answer === undefined || q.answer === null).length;
    for (const q of iv.form) {
      if (q.answer === undefined || q.answer === null) continue;
      const g = groupOf(q.path);
      let group = groups.find((x) => x.key === g.key);
      if (!group) groups.push((group = { ...g, rows: [] }));
      group.rows.push({ key: q.label, value: shown(q), page: q.page });
    }
    const summary = this._errorSummary();
    const $form = h('form', { class: 's117-form', novalidate: true });
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._needCore(() => this._getResult(summary));
    });
    append($form, [
      unanswered
        ? h('div', { class: 's117-inset-text' }, h('p', { class: 's117-body', text: `${unanswered === 1 ? 'One question has' : `${unanswered} questions have`} not been answered yet. You can still get a result, but it may be less certain.` }))
        : null,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: 'Get my result' })),
    ]);
    append(this.$page, [
      this._backLink('check') || '',
      summary.el,
      h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: 'Check your answers' }),
      h('p', { class: 's117-body', text: 'Check what you have told us, and change anything that is not right.' }),
      groups.map((g) => [
        h('h3', { class: 's117-heading-m', text: g.title }),
        h(
          'dl',
          { class: 's117-summary-list' },
          g.rows.map((r) =>
            h(
              'div',
              { class: 's117-summary-list__row' },
              h('dt', { class: 's117-summary-list__key', text: r.key }),
              h('dd', { class: 's117-summary-list__value', text: r.value }),
              h(
                'dd',
                { class: 's117-summary-list__actions' },
                h('button', {
                  class: 's117-link-button',
                  type: 'button',
                  onclick: () => {
                    this._returnTo = 'check';
                    this._go(r.page);
                  },
                }, 'Change', vh(` ${r.key.toLowerCase()}${g.suffix}`)),
              ),
            ),
          ),
        ),
      ]),
      $form,
    ]);
    if (this._checkErrors && this._checkErrors.length) summary.show(this._checkErrors.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
  }

  /** "Get my result": evaluates the answers and shows the result, or the core's errors on "check your answers". */
  _getResult(summary) {
    const result = this._evaluate();
    if (!result.ok) {
      this._checkErrors = result.errors;
      summary.show(result.errors.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
      return;
    }
    this._checkErrors = null;
    this._returnTo = null;
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
        this._step = 'check';
        this._checkErrors = result.errors;
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
    const charges = (this.answers && this.answers.charges) || [];
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
