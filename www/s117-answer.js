// <s117-checker>, its answer: "Check your answers", the result page and the Decision shown (also beside the adviser
// form). Imported by s117-checker.js when first needed, and fetched in the background once the rules have loaded, so
// the first question never waits for it. The letter is another part (s117-letter.js), loaded with the result.
// Every word comes from the catalogue through `t()` (src/messages/en_gb/result.rs, `result.…`); the Decision's own
// words (summary, reasons, flags, next steps) come from the core.
//
// Not a module to import yourself: `install()` adds these methods to the element's class; the helpers it shares
// with s117-checker.js come from s117-controls.js. The house rules of s117-checker.js hold here too (user text only as textContent).

import { PART_TEXTS, append, coreSlot, h, longDate, mixin, t, vh } from './s117-controls.js';
import { WORDS } from './s117-words.js';

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 */
export function install(Checker) {
  mixin(Checker, AnswerPart);
}

// The tables below hold message ids (literal, so the meta test sees each one used); `t()` reads their words when a
// page is drawn.

const ENTITLEMENT_TAGS = {
  entitled: { text: 'result.tag.entitled', mod: 'yes' },
  entitled_on_leaving_hospital: { text: 'result.tag.entitled_on_leaving_hospital', mod: 'yes' },
  not_entitled: { text: 'result.tag.not_entitled', mod: 'no' },
  ended: { text: 'result.tag.ended', mod: 'no' },
  undetermined: { text: 'result.tag.undetermined', mod: 'maybe' },
  out_of_scope: { text: 'result.tag.out_of_scope', mod: 'no' },
};

/**
 * The flags shown under "Why we think this", by kind: the heading of each group, and how the date of a flag in it
 * is written (exactly, and "around" a date). Deadline flags say what the time limits say, so they are not repeated.
 */
const FLAG_GROUPS = [
  { kind: 'refund', title: 'result.why.refund', date: 'result.flag_date.refund', around: 'result.flag_date.refund_around' },
  { kind: 'warning', title: 'result.flags.warning', date: 'result.flag_date.any', around: 'result.flag_date.any_around' },
  { kind: 'uncertain', title: 'result.flags.uncertain', date: 'result.flag_date.any', around: 'result.flag_date.any_around' },
  { kind: 'info', title: 'result.flags.info', date: 'result.flag_date.any', around: 'result.flag_date.any_around' },
];

/** The panel's title when the answer is not known, by the rule that left it open (the first reason found unknown). */
const UNKNOWN_TITLES = {
  jurisdiction: 'result.panel.unknown.jurisdiction',
  qualifying_detention: 'result.panel.unknown.qualifying_detention',
  left_hospital: 'result.panel.unknown.left_hospital',
  readmission: 'result.panel.unknown.readmission',
  duty_end: 'result.panel.unknown.duty_end',
};

/** The panel's title when after-care is not owed, by the rule that was not met. */
const NOT_OWED_TITLES = {
  qualifying_detention: 'result.panel.not_owed.qualifying_detention',
};

/**
 * Each reason as a plain question, and how its answer is given: `finding` (yes, no or not known from the rule's
 * finding), `body` (the body's name), `entitlement` (from the result itself) or none (the core's words alone).
 */
const QUESTIONS = {
  jurisdiction: { q: 'result.question.jurisdiction', answer: 'finding' },
  qualifying_detention: { q: 'result.question.qualifying_detention', answer: 'finding' },
  left_hospital: { q: 'result.question.left_hospital', answer: 'finding' },
  readmission: { q: 'result.question.readmission', answer: 'finding' },
  duty_end: { q: 'result.question.duty_end', answer: 'entitlement' },
  responsible_council: { q: 'result.question.responsible_council', answer: 'council' },
  responsible_nhs_body: { q: 'result.question.responsible_nhs_body', answer: 'nhs_body' },
  charging: { q: 'result.question.charging', answer: 'charging' },
};

const ANSWERS = { met: 'result.answer.yes', not_met: 'result.answer.no', unknown: 'result.answer.unknown' };

const BODY_KINDS = {
  english_council: 'result.body_kind.english_council',
  welsh_council: 'result.body_kind.welsh_council',
  council: 'result.body_kind.council',
  integrated_care_board: 'result.body_kind.integrated_care_board',
  local_health_board: 'result.body_kind.local_health_board',
  nhs_england: 'result.body_kind.nhs_england',
  clinical_commissioning_group: 'result.body_kind.clinical_commissioning_group',
};

const DEADLINE_KINDS = {
  judicial_review: 'result.deadline_kind.judicial_review',
  ombudsman: 'result.deadline_kind.ombudsman',
  limitation: 'result.deadline_kind.limitation',
  reply: 'result.deadline_kind.reply',
};

const PERIOD_ENDS = {
  readmission: 'result.period_end.readmission',
  joint_decision: 'result.period_end.joint_decision',
  death: 'result.period_end.death',
};

/** Does the catalogue have this message? @param {string} id */
function hasWords(id) {
  return Object.prototype.hasOwnProperty.call(WORDS, id);
}

/** The words of a code from one of the tables above (the code itself if the table has no such code). */
function wordsOf(table, code) {
  return Object.prototype.hasOwnProperty.call(table, code) ? t(table[code]) : code;
}

/** A sentence from the core with its first letter made a capital ("the Local Government …" starts some). @param {string} s */
function sentence(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : '';
}

/**
 * The first sentence of the core's words (a full stop followed by a space and a capital ends it; "s.117(3)" does
 * not), for a one-line "why" whose whole text is under "Why we think this". @param {string} s
 */
function firstSentence(s) {
  const m = /^.*?[.!?](?=\s+[A-Z“"(])/.exec(s || '');
  return m ? m[0] : s || '';
}

/** "£1,234" from a number of pounds. @param {number} n */
function pounds(n) {
  return t('result.check.money', { amount: Math.round(Number(n) || 0).toLocaleString('en-GB') });
}

/**
 * An answer as check your answers shows it: a choice's words, a date written out, pounds with their sign, and
 * "Not known" for a blank.
 * @param {any} q a question of the interview's form, with its `answer`
 */
function shown(q) {
  if (q.answer === '') return q.blank || t('result.check.not_known');
  const option = (q.options || []).find((o) => o.value === q.answer);
  if (option) return option.label;
  if (q.kind === 'date') return longDate(q.answer);
  if (q.kind === 'money') return t('result.check.money', { amount: q.answer });
  return q.answer;
}

/** The results that offer a letter asking the council and the NHS body to confirm them. */
const LETTER_FOR = new Set(['entitled', 'entitled_on_leaving_hospital', 'ended', 'undetermined']);

/** The methods this part adds to S117Checker. */
class AnswerPart {
  /**
   * How the result speaks of the person: the name the answers give ("my father", "Robert") when someone else is
   * filling this in, "the person" in the adviser view, or '' for the person themself ("you").
   */
  _voiceName() {
    const about = this._voiced(this.answers || {}).about;
    return typeof about === 'string' ? about.trim() : '';
  }

  /**
   * The page's words in the result's voice: `t(id)`, or its `.other` form (the person in the third person, `{name}`
   * and `{Name}` filled) when the result speaks of the person. Words addressed to the reader have no `.other` form.
   * @param {string} id @param {Record<string, any>} [values]
   */
  _t(id, values = {}) {
    const name = this._voiceName();
    if (!name || !hasWords(`${id}.other`)) return t(id, values);
    return t(`${id}.other`, { ...values, name, Name: name.charAt(0).toUpperCase() + name.slice(1) });
  }

  _renderCheck() {
    const iv = this._interview();
    if (!iv) {
      append(this.$page, [h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: this._t('result.check.heading') })]);
      this._needCore(() => this._renderStep(false));
      return;
    }
    // The facts the interview asked, grouped by stay, by charge, and the rest; `what` is what a "Change" link
    // changes, for a screen reader ("Change" and then, hidden, the question and which stay or charge).
    const groups = [];
    const groupOf = (path) => {
      const stay = /^detentions\[(\d+)\]\./.exec(path);
      if (stay) {
        const number = Number(stay[1]) + 1;
        return { key: `stay-${stay[1]}`, title: this._caption(path), what: (question) => this._t('result.check.change_what_stay', { question, number }) };
      }
      const charge = /^charges\[(\d+)\]\./.exec(path);
      if (charge) {
        const number = Number(charge[1]) + 1;
        return { key: `charge-${charge[1]}`, title: this._t('result.check.charge_title', { number }), what: (question) => this._t('result.check.change_what_charge', { question, number }) };
      }
      return { key: 'since', title: this._t('result.check.since_title'), what: (question) => question };
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
        ? h('div', { class: 's117-inset-text' }, h('p', { class: 's117-body', text: unanswered === 1 ? this._t('result.check.unanswered_one') : this._t('result.check.unanswered_many', { count: unanswered }) }))
        : null,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: this._t('result.check.get_result') })),
    ]);
    append(this.$page, [
      this._backLink('check') || '',
      summary.el,
      h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: this._t('result.check.heading') }),
      h('p', { class: 's117-body', text: this._t('result.check.lede') }),
      groups.map((g) => [
        h('h3', { class: 's117-heading-m', text: g.title }),
        this._stayActions ? this._stayActions(g.key) : null,
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
                }, this._t('result.check.change'), vh(` ${g.what(r.key.toLowerCase())}`)),
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
    this._announce(this._t('result.announce.result', { summary: `${this._panelTitle(result.decision)}. ${result.decision.summary}` }));
  }

  _renderResultPage() {
    if (!this._decision && !this._core) {
      // The result was the page shown last (the page was reloaded), and the rules are still loading.
      append(this.$page, [
        this._backLink('result') || '',
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: this._t('result.result.heading') }),
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
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: this._t('result.result.change_answers'), onclick: () => this._go('check') }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: this._t('result.result.start_again'), onclick: () => { this.clear(); this._announce(this._t('result.announce.cleared')); } }),
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
    return ENTITLEMENT_TAGS[entitlement] ? this._t(ENTITLEMENT_TAGS[entitlement].text) : entitlement;
  }

  /** Citation links. @param {{ id: string, label: string, url: string }[]} cites */
  _cites(cites) {
    const seen = new Set();
    const list = (cites || []).filter((c) => c && !seen.has(c.id) && seen.add(c.id));
    if (!list.length) return null;
    const $p = h('p', { class: 's117-cites' }, h('span', { class: 's117-cites__label', text: `${list.length === 1 ? this._t('result.cites.one') : this._t('result.cites.many')} ` }));
    list.forEach((cite, n) => {
      if (n) $p.append('; ');
      const safe = /^https?:\/\//i.test(cite.url || '');
      $p.append(safe ? h('a', { class: 's117-link', href: cite.url, rel: 'noopener', text: cite.label }) : h('span', { text: cite.label }));
    });
    return $p;
  }

  /**
   * "Help from a person", on every result: the host's own contact first (the `help-name`, `help-phone`,
   * `help-hours` and `help-url` attributes), then crisis lines, advocacy and legal aid. Not in the adviser's view.
   */
  _helpView(H3) {
    const host = {
      name: (this.getAttribute('help-name') || '').trim(),
      phone: (this.getAttribute('help-phone') || '').trim(),
      hours: (this.getAttribute('help-hours') || '').trim(),
      url: (this.getAttribute('help-url') || '').trim(),
    };
    let hostUrl = null;
    try {
      const u = host.url ? new URL(host.url, document.baseURI) : null;
      if (u && (u.protocol === 'https:' || u.protocol === 'http:')) hostUrl = u.href;
    } catch {
      hostUrl = null;
    }
    const hostLine = host.name && (host.phone || hostUrl)
      ? h('li', { class: 's117-help__host' },
          h('strong', { text: host.name }),
          host.phone ? ` ${host.hours ? this._t('result.help.host_phone_hours', { phone: host.phone, hours: host.hours }) : this._t('result.help.host_phone', { phone: host.phone })}` : '',
          hostUrl ? [' ', h('a', { class: 's117-link', href: hostUrl, rel: 'noopener noreferrer', target: '_blank', text: this._t('result.help.host_link') })] : '')
      : null;
    return h('section', { class: 's117-help', 'aria-labelledby': this._id('s117-help-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-help-heading'), text: this._t('result.help.heading') }),
      h('ul', { class: 's117-list s117-list--bullet' },
        hostLine,
        h('li', { text: this._t('result.help.samaritans') }),
        h('li', { text: this._t('result.help.nhs_111') }),
        h('li', { text: this._t('result.help.emergency') }),
        h('li', { text: this._t('result.help.advocacy') }),
        h('li', null, this._t('result.help.legal_aid'), ' ',
          h('a', { class: 's117-link', href: 'https://www.gov.uk/check-legal-aid', rel: 'noopener noreferrer', target: '_blank', text: this._t('result.help.legal_aid_link') }))));
  }

  /** "Your after-care periods", when there is more than one: a small table (stacked on narrow screens). */
  _periodsView(decision, H3) {
    const periods = decision.periods || [];
    if (periods.length < 2) return null;
    const heads = [this._t('result.periods.from'), this._t('result.periods.to'), this._t('result.periods.ended_by'), this._t('result.periods.council'), this._t('result.periods.nhs_body')];
    return h('div', { class: 's117-periods' },
      h(H3, { class: 's117-heading-m', id: this._id('s117-periods-heading'), text: this._t('result.periods.heading') }),
      h('table', { class: 's117-table', 'aria-labelledby': this._id('s117-periods-heading') },
        h('thead', { class: 's117-table__head' }, h('tr', { class: 's117-table__row' }, heads.map((head) => h('th', { class: 's117-table__header', scope: 'col', text: head })))),
        h('tbody', { class: 's117-table__body' },
          periods.map((p) => {
            const cells = [
              longDate(p.from),
              p.to ? longDate(p.to) : this._t('result.periods.now'),
              p.ended_by ? wordsOf(PERIOD_ENDS, p.ended_by) : p.to ? this._t('result.periods.not_known') : this._t('result.periods.still_running'),
              p.council ? p.council.name : this._t('result.periods.not_known'),
              p.nhs_body ? p.nhs_body.name : this._t('result.periods.not_known'),
            ];
            return h('tr', { class: 's117-table__row' }, cells.map((cell, k) => h(k ? 'td' : 'th', { class: k ? 's117-table__cell' : 's117-table__cell s117-table__cell--first', scope: k ? null : 'row', 'data-label': heads[k], text: cell })));
          }))),
    );
  }

  /**
   * The panel's title, written for the person's situation, from the Decision's own fields: charges that fell while
   * after-care was owed (the charge's own words, as text), an ending the rules found did not end it, what is not
   * known, or why it is not owed; otherwise the entitlement in words. Presentation only: every conclusion is the core's.
   */
  _panelTitle(decision) {
    const e = decision.entitlement;
    const flags = new Set((decision.flags || []).map((f) => f.id));
    const ranges = (decision.refund && decision.refund.ranges) || [];
    if (ranges.length && ['entitled', 'entitled_on_leaving_hospital', 'ended'].includes(e)) {
      const charges = (this.answers && this.answers.charges) || [];
      const whats = [...new Set(ranges.map((r) => String((charges[r.charge] && charges[r.charge].what) || '').trim()))];
      // The person's words, with a capital first letter made small ("Care home fees" → "care home fees"; "NHS" stays).
      const what = whats.length === 1 && whats[0] ? whats[0].replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()) : this._t('result.panel.this_care');
      const now = ranges.some((r) => r.ongoing);
      const council = (decision.refund && ranges.length && decision.periods && decision.periods[ranges[ranges.length - 1].period] && decision.periods[ranges[ranges.length - 1].period].council) || decision.council;
      if (council && council.certain) return this._t(now ? 'result.panel.charging_now' : 'result.panel.charged', { council: council.name, what });
      return this._t(now ? 'result.panel.charging_now_anyone' : 'result.panel.charged_anyone', { what });
    }
    if (e === 'entitled' && (flags.has('likely_unlawful_ending') || flags.has('ended_while_on_cto'))) return this._t('result.panel.stopped');
    if (e === 'entitled' && flags.has('ending_outside_duty')) return this._t('result.panel.not_ended');
    if (e === 'ended') {
      const last = (decision.periods || [])[(decision.periods || []).length - 1];
      if (last && last.ended_by === 'joint_decision' && last.to) return this._t('result.panel.ended_on', { date: longDate(last.to) });
    }
    if (e === 'undetermined') {
      const open = decision.reasons.find((r) => r.finding === 'unknown' && UNKNOWN_TITLES[r.rule]);
      if (open) return this._t(UNKNOWN_TITLES[open.rule]);
    }
    if (e === 'not_entitled') {
      const no = decision.reasons.find((r) => r.finding === 'not_met');
      if (no && NOT_OWED_TITLES[no.rule]) return this._t(NOT_OWED_TITLES[no.rule]);
    }
    return this._entitlementText(e);
  }

  /**
   * "What to do now": the core's first three next steps, most urgent first, each with by when, who and how (who
   * only when the step does not already name them). Any further steps are folded away; the sources of every step
   * are under "Why we think this".
   */
  _nextStepsView(decision, H3, compact) {
    const all = this._stepsShown(decision, compact);
    const steps = all.slice(0, 3);
    const more = all.slice(3);
    if (!steps.length) return null;
    return h('section', { class: 's117-now', 'aria-labelledby': this._id('s117-now-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-now-heading'), text: this._t('result.now.heading') }),
      h('ol', { class: 's117-steps' },
        steps.map((step) => {
          const who = step.who && !step.text.includes(step.who) ? step.who : '';
          return h('li', { class: `s117-step s117-step--${step.id}` },
            h('p', { class: 's117-step__text', text: step.text }),
            step.by ? h('p', { class: 's117-step__by' }, h('strong', { text: this._t('result.now.by', { date: longDate(step.by) }) })) : null,
            who || step.how
              ? h('p', { class: 's117-step__meta' },
                  who ? [h('span', { class: 's117-step__label', text: `${this._t('result.now.who')} ` }), who] : null,
                  who && step.how ? h('br') : null,
                  step.how ? [h('span', { class: 's117-step__label', text: `${this._t('result.now.how')} ` }), step.how] : null)
              : null,
          );
        })),
      more.length
        ? h('details', { class: 's117-details s117-now__more js-s117-print-open' },
            h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: more.length === 1 ? this._t('result.now.more_one') : this._t('result.now.more_many', { count: more.length }) })),
            h('div', { class: 's117-details__text' },
              h('ul', { class: 's117-list s117-list--bullet' }, more.map((step) => h('li', { class: `s117-step--${step.id}`, text: step.text })))))
        : null,
    );
  }

  /**
   * The core's next steps as shown: without "Get advice" when "Help from a person" follows (it says the same, with
   * the numbers), unless it is the only step.
   */
  _stepsShown(decision, compact) {
    const all = decision.next_steps || [];
    if (compact) return all;
    const rest = all.filter((step) => step.id !== 'get_advice');
    return rest.length ? rest : all;
  }

  /**
   * "Who must provide your after-care": each body's name, its kind and one line of why (the first sentence of the
   * core's reason, which "Why we think this" gives in full), whether it is certain, and the other candidates.
   */
  _bodiesView(decision, H3) {
    if (!(decision.council || decision.nhs_body || ['entitled', 'entitled_on_leaving_hospital', 'ended'].includes(decision.entitlement))) return null;
    const row = (role, body) => {
      const title = role === 'council' ? this._t('result.body.council_title') : this._t('result.body.nhs_title');
      if (!body) {
        return h('div', { class: 's117-who__row s117-who__row--missing' },
          h('dt', { class: 's117-who__role', text: title }),
          h('dd', { class: 's117-who__value' }, h('p', { class: 's117-body', text: role === 'council' ? this._t('result.body.council_missing') : this._t('result.body.nhs_missing') })));
      }
      return h('div', { class: `s117-who__row${body.certain ? '' : ' s117-who__row--uncertain'}` },
        h('dt', { class: 's117-who__role', text: title }),
        h('dd', { class: 's117-who__value' },
          h('p', { class: 's117-body-card__name', text: body.name }),
          BODY_KINDS[body.kind] ? h('p', { class: 's117-body-card__kind', text: this._t(BODY_KINDS[body.kind]) }) : null,
          body.certain ? null : h('p', { class: 's117-body-card__uncertain' }, h('strong', { class: 's117-tag s117-tag--maybe', text: this._t('result.body.not_certain') }), ` ${this._t('result.body.uncertain')}`),
          body.certain && body.why ? h('p', { class: 's117-who__why', text: this._oneLineWhy(decision, role, body) }) : null,
          body.candidates && body.candidates.length
            ? h('p', { class: 's117-body s117-body-card__candidates' }, this._t('result.body.candidates_list', { names: body.candidates.map((c) => c.name).join(this._t('result.list.or')) }))
            : null));
    };
    return h('section', { class: 's117-who', 'aria-labelledby': this._id('s117-who-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-who-heading'), text: this._t('result.who.heading') }),
      h('dl', { class: 's117-who__list' }, row('council', decision.council), row('nhs', decision.nhs_body)),
      h('p', { class: 's117-body s117-who__joint', text: this._t('result.bodies.joint_duty') }));
  }

  /**
   * A body's why in one line, under "Who must provide your after-care": the fact that links the person to it, when
   * the answers or the Decision show it (the council for where they lived, or that placed them; the board of their GP
   * practice; the board covering the council's area), or else the first sentence of the core's words. The whole
   * explanation is under "Why we think this".
   */
  _oneLineWhy(decision, role, body) {
    const q = decision.qualifying_detention;
    const found = q === null || q === undefined ? null : (decision.detentions || [])[q];
    const stay = q === null || q === undefined ? null : ((this.answers && this.answers.detentions) || [])[q];
    if (role === 'council' && found) {
      if (found.council_lived_in === body.name) return this._t('result.who.why.lived');
      if (found.placed_by_council === body.name) return this._t('result.who.why.placed');
    }
    if (role === 'nhs') {
      const gp = [stay && stay.gp_icb, this.answers && this.answers.gp_icb_on_1_july_2022].filter(Boolean);
      if (body.kind === 'integrated_care_board' && gp.includes(body.name)) return this._t('result.who.why.gp');
      const council = decision.council;
      const fromArea = (decision.flags || []).some((f) => f.id === 'nhs_body_from_council_area');
      if (council && council.certain && (body.kind === 'local_health_board' || fromArea)) return this._t('result.who.why.area', { council: council.name });
    }
    return firstSentence(body.why);
  }

  /**
   * "Money you may be owed back": the charges that fell while after-care was owed, the estimate in pounds (how it
   * was worked out, folded away), and the court time limit as a short line with its date.
   */
  _moneyView(decision, H3) {
    const refund = decision.refund;
    if (!refund || !(refund.ranges || []).length) return null;
    const charges = (this.answers && this.answers.charges) || [];
    const several = (decision.periods || []).length > 1;
    const est = refund.estimate;
    const limitation = (decision.deadlines || []).filter((d) => d.kind === 'limitation' && d.date);
    return h('section', { class: 's117-refund', 'aria-labelledby': this._id('s117-money-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-money-heading'), text: this._t('result.money.heading') }),
      h('p', { class: 's117-body', text: refund.ranges.length === 1 ? this._t('result.refund.ranges_one') : this._t('result.refund.ranges_many') }),
      h('ul', { class: 's117-list s117-list--bullet s117-refund__ranges' },
        refund.ranges.map((r) => {
          const what = charges[r.charge] && charges[r.charge].what;
          const when = r.ongoing ? this._t('result.refund.from_until_now', { from: longDate(r.from) }) : this._t('result.refund.from_to', { from: longDate(r.from), to: longDate(r.to) });
          const range = several ? this._t('result.refund.range_in_period', { range: when, period: r.period + 1 }) : when;
          // `what` is the person's own words: text only (a slot filled once, so braces in it are not filled again).
          return h('li', { class: 's117-refund__range' }, what ? this._t('result.refund.range_of', { what, range }) : range);
        })),
      est
        ? [
            h('p', { class: 's117-body s117-refund__estimate' },
              h('strong', { text: this._t('result.refund.estimate', { amount: pounds(est.total) }) }),
              ` ${est.within_six_years !== est.total ? this._t('result.refund.within_six_years', { amount: pounds(est.within_six_years) }) : this._t('result.refund.all_within_six_years')}`),
            est.basis
              ? h('details', { class: 's117-details s117-refund__basis js-s117-print-open' },
                  h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: this._t('result.money.how_worked_out') })),
                  h('div', { class: 's117-details__text' }, h('p', { class: 's117-body', text: est.basis })))
              : null,
          ]
        : null,
      limitation.map((d) => h('p', { class: `s117-body s117-limit s117-limit--limitation${d.passed ? ' s117-limit--passed' : ''}` },
        h('strong', { text: d.counted_from ? this._t('result.money.claim_before', { date: longDate(d.date), from: longDate(d.counted_from) }) : this._t('result.money.claim_before_undated', { date: longDate(d.date) }) }),
        d.approximate ? ` ${this._t('result.deadlines.approximate')}` : '',
        d.passed ? [' ', h('strong', { class: 's117-tag s117-tag--no', text: this._t('result.deadlines.passed') })] : null)),
      refund.all_time_barred
        ? h('div', { class: 's117-warning-text' },
            h('span', { class: 's117-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
            h('p', { class: 's117-warning-text__text' }, vh(`${this._t('result.result.warning')} `), this._t('result.refund.all_time_barred', { date: longDate(refund.time_barred_before) })))
        // Only when the core found payments that old (its court_claim_limit flag).
        : decision.flags.some((f) => f.id === 'court_claim_limit')
          ? h('p', { class: 's117-body', text: this._t('result.refund.some_time_barred', { date: longDate(refund.time_barred_before) }) })
          : null,
    );
  }

  /**
   * "Time limits": the dated limits not already shown (a step's "By" date, the court limit under the money), each a
   * short line; the explanations are under "Why we think this".
   */
  _limitsView(decision, H3, shownSteps) {
    const byDates = new Set(shownSteps.map((s) => s.by).filter(Boolean));
    const refund = decision.refund && (decision.refund.ranges || []).length;
    const list = (decision.deadlines || []).filter((d) => d.date && !byDates.has(d.date) && !(refund && d.kind === 'limitation'));
    if (!list.length) return null;
    return h('section', { class: 's117-limits', 'aria-labelledby': this._id('s117-limits-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-limits-heading'), text: this._t('result.deadlines.heading') }),
      h('ul', { class: 's117-list s117-list--bullet' },
        list.map((d) => h('li', { class: `s117-limit s117-limit--${d.kind}${d.passed ? ' s117-limit--passed' : ''}` },
          this._t('result.deadlines.dated', { kind: wordsOf(DEADLINE_KINDS, d.kind), date: longDate(d.date) }),
          d.approximate ? ` ${this._t('result.deadlines.approximate')}` : '',
          d.passed ? [' ', h('strong', { class: 's117-tag s117-tag--no', text: this._t('result.deadlines.passed') })] : null))));
  }

  /** A reason's answer in a word or a name, from its finding or the Decision (null: the core's words alone). */
  _answerWord(decision, r) {
    const how = QUESTIONS[r.rule] && QUESTIONS[r.rule].answer;
    if (how === 'finding') return this._t(ANSWERS[r.finding] || ANSWERS.unknown);
    if (how === 'entitlement') {
      if (decision.entitlement === 'ended') return this._t('result.answer.yes');
      if (decision.entitlement === 'entitled' || decision.entitlement === 'entitled_on_leaving_hospital') return this._t('result.answer.no');
      return r.finding === 'unknown' ? this._t('result.answer.unknown') : null;
    }
    if (how === 'council' || how === 'nhs_body') {
      const body = decision[how];
      if (r.finding === 'unknown') return this._t('result.answer.not_certain');
      return body && r.finding === 'met' ? body.name : null;
    }
    if (how === 'charging') return this._t('result.answer.no');
    return null;
  }

  /**
   * "Why we think this", folded away: each reason as a plain question with its answer and sources; the points to
   * check, to challenge and to know; the time limits explained; where the steps come from. Opened for printing.
   */
  _whyView(decision, H3, compact) {
    const H4 = H3 === 'h3' ? 'h4' : 'h5';
    const bodies = { responsible_council: decision.council, responsible_nhs_body: decision.nhs_body };
    const reasons = h('ol', { class: 's117-reasons' },
      decision.reasons.map((r) => {
        const q = QUESTIONS[r.rule];
        const question = r.rule === 'charging' && r.finding !== 'met' ? this._t('result.question.charged') : q ? this._t(q.q) : r.rule;
        const word = this._answerWord(decision, r);
        const body = bodies[r.rule];
        // The body's first sentence is already shown under "Who must provide your after-care": the rest only.
        const said = body && body.certain && body.why ? this._oneLineWhy(decision, r.rule === 'responsible_council' ? 'council' : 'nhs', body) : '';
        const text = said && r.text.startsWith(said) ? r.text.slice(said.length).trim() : r.text;
        return h('li', { class: `s117-reason s117-reason--${r.finding} s117-reason--${r.rule}` },
          h('p', { class: 's117-reason__title' }, h('strong', { class: 's117-reason__question', text: question })),
          h('p', { class: 's117-body s117-reason__answer' }, word ? [h('strong', { class: 's117-reason__finding', text: word }), text ? ` ${this._t('result.answer.dash')} ` : ''] : null, text),
          body && body.candidates && body.candidates.length
            ? [
                h('p', { class: 's117-body s117-body-card__candidates-title', text: this._t('result.body.candidates') }),
                h('ul', { class: 's117-list s117-list--bullet' }, body.candidates.map((cand) => h('li', null, h('strong', { text: cand.name }), `: ${cand.why}`))),
              ]
            : null,
          this._cites(r.cites));
      }));
    const groups = FLAG_GROUPS.map((group) => {
      const flags = decision.flags.filter((f) => f.kind === group.kind);
      if (!flags.length) return null;
      return [
        h(H4, { class: 's117-heading-s', text: this._t(group.title) }),
        h('ul', { class: `s117-flags s117-flags--${group.kind}` },
          flags.map((f) => h('li', { class: `s117-flag s117-flag--${f.kind}` },
            f.date ? h('p', { class: 's117-flag__date' }, h('strong', { text: this._t(/^\d{4}-\d{2}-\d{2}$/.test(f.date) ? group.date : group.around, { date: longDate(f.date) }) })) : null,
            h('p', { class: 's117-body', text: f.text }),
            this._cites(f.cites)))),
      ];
    });
    const deadlines = decision.deadlines || [];
    const stepCites = (decision.next_steps || []).flatMap((s) => s.cites || []);
    return h('details', { class: 's117-details s117-why js-s117-print-open', open: compact },
      h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: this._t('result.reasons.heading') })),
      h('div', { class: 's117-details__text' },
        reasons,
        groups,
        deadlines.length
          ? [
              h(H4, { class: 's117-heading-s', text: this._t('result.why.deadlines') }),
              h('ul', { class: 's117-deadlines' },
                deadlines.map((d) => h('li', { class: `s117-deadline s117-deadline--${d.kind}${d.passed ? ' s117-deadline--passed' : ''}` },
                  h('p', { class: 's117-deadline__title' },
                    h('strong', { text: d.date ? this._t('result.deadlines.dated', { kind: wordsOf(DEADLINE_KINDS, d.kind), date: longDate(d.date) }) : wordsOf(DEADLINE_KINDS, d.kind) }),
                    d.date && d.approximate ? ` ${this._t('result.deadlines.approximate')}` : '',
                    d.date && d.passed ? [' ', h('strong', { class: 's117-tag s117-tag--no', text: this._t('result.deadlines.passed') })] : null),
                  h('p', { class: 's117-body', text: sentence(d.basis) }),
                  this._cites(d.cites)))),
            ]
          : null,
        stepCites.length ? [h(H4, { class: 's117-heading-s', text: this._t('result.why.steps') }), this._cites(stepCites)] : null));
  }

  /** The Decision, shown: the answer, what to do now, help, who, money, time limits, and why (folded away). */
  _decisionView(decision, compact) {
    const tag = ENTITLEMENT_TAGS[decision.entitlement] || { mod: 'maybe' };
    const H = compact ? 'h3' : 'h2';
    const H3 = compact ? 'h4' : 'h3';
    const $view = h('div', { class: `s117-result${compact ? ' s117-result--compact' : ''}` });
    const title = this._panelTitle(decision);
    $view.append(
      h(H, { class: `${compact ? 's117-heading-m' : 's117-heading-l'} js-s117-focus`, tabindex: '-1', text: compact ? this._t('result.result.heading_compact') : this._t('result.result.heading') }),
      h('div', { class: `s117-panel s117-panel--${tag.mod}` },
        h('p', { class: 's117-panel__title js-s117-panel-title', text: title }),
        h('p', { class: 's117-panel__summary js-s117-summary', text: decision.summary })),
    );
    this._printHooks();
    append($view, [
      this._nextStepsView(decision, H3, compact),
      compact ? null : this._helpView(H3),
      this._bodiesView(decision, H3),
      this._moneyView(decision, H3),
      this._limitsView(decision, H3, this._stepsShown(decision, compact).slice(0, 3)),
      this._periodsView(decision, H3),
      this._whyView(decision, H3, compact),
      h('div', { class: 's117-warning-text' },
        h('span', { class: 's117-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
        h('p', { class: 's117-warning-text__text' }, vh(`${this._t('result.result.warning')} `), this._t('result.result.disclaimer', { date: longDate(decision.law_date) }))),
      compact
        ? null
        : h('div', { class: 's117-button-group s117-result__print' },
            h('button', {
              class: 's117-button s117-button--secondary',
              type: 'button',
              text: this._t('result.result.print'),
              onclick: () => {
                // The result prints even when a letter is on screen (printing otherwise prints the letter alone).
                $view.classList.add('s117-print-result');
                window.print();
              },
            })),
    ]);
    return $view;
  }

  /**
   * Once per element: while the page is printed, "Why we think this" and the other folded parts of the result are
   * opened (and closed again after), and "Print this result" is forgotten after its print.
   */
  _printHooks() {
    if (this._printHooked || typeof window.matchMedia !== 'function') return;
    this._printHooked = true;
    const open = () => {
      for (const $d of this.querySelectorAll('details.js-s117-print-open:not([open])')) {
        $d.open = true;
        $d.setAttribute('data-s117-print-opened', '');
      }
    };
    const close = () => {
      for (const $d of this.querySelectorAll('details[data-s117-print-opened]')) {
        $d.open = false;
        $d.removeAttribute('data-s117-print-opened');
      }
      for (const $r of this.querySelectorAll('.s117-print-result')) $r.classList.remove('s117-print-result');
    };
    window.addEventListener('beforeprint', open);
    window.addEventListener('afterprint', close);
    window.matchMedia('print').addEventListener('change', (e) => (e.matches ? open() : close()));
  }
}
