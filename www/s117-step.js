// <s117-checker>, a page of questions: draws the questions the core's interview puts on one page (its `form` entries
// sharing a `page`), each by its kind, and reads the answers back as `{ path: text }`. It knows no rule and no
// wording: both come with each question from the core (src/interview/), or, for the first page before the
// WebAssembly has loaded, from the generated ./s117-questions.js.

import { UNKNOWN, append, comboField, dateField, h, longDate, mixin, ordinal, radios, t, textField } from './s117-controls.js';
import { ELSEWHERE_STEP, leadsElsewhere } from './s117-nav.js';

/**
 * The control for one question.
 * @param {any} q a question from the core: { path, kind, question, label, hint?, error, options?, blank?, answer? }
 * @param {{ id: (path: string) => string, heading: boolean, caption?: string|null, opts?: any }} o
 *   `heading`: the question is the page's heading (a page of one question); `opts`: the council and NHS body lists
 *   (see referenceOptions). The adviser's dense form draws its own compact controls (s117-adviser.js).
 */
export function control(q, o) {
  const id = o.id(q.path);
  const words = q.question;
  const answered = q.answer !== undefined && q.answer !== null;
  const blank = answered && q.answer === '';
  const common = { id, heading: o.heading, caption: o.heading ? o.caption : undefined, hint: q.hint };
  switch (q.kind) {
    case 'choice':
    case 'yes_no':
    case 'yes_no_not_sure': {
      const options = (q.options || []).map((c) => ({ value: c.value, label: c.label }));
      if (q.blank) options.push({ value: UNKNOWN, label: q.blank });
      return radios({
        ...common,
        legend: words,
        options,
        value: blank && q.blank ? UNKNOWN : q.answer || undefined,
        required: q.error,
        inline: q.kind !== 'choice',
        small: q.kind !== 'choice',
      });
    }
    case 'date':
      return dateField({ ...common, legend: words, subject: q.label, value: q.answer || undefined, optional: true });
    case 'council':
    case 'nhs_body': {
      const lists = o.opts || { councils: { all: [] }, nhs: [], districtNote: () => null };
      return comboField({
        ...common,
        label: words,
        options: q.kind === 'council' ? lists.councils.all : lists.nhs,
        value: q.answer || undefined,
        dontKnow: q.blank,
        dontKnowChecked: blank,
        note: q.kind === 'council' ? lists.districtNote : undefined,
      });
    }
    case 'money':
      return textField({ ...common, label: words, value: q.answer || undefined, inputmode: 'decimal', width: '10' });
    default:
      return textField({ ...common, label: words, value: q.answer || undefined });
  }
}

/**
 * A page of questions: `{ title, body, bindings: [{ control, path }] }`. A page of one question has the question as
 * its heading; a page of several has the page's title as its heading and each question as a field under it.
 * @param {any[]} questions the page's questions, in order
 * @param {{ id: (path: string) => string, caption?: string|null, opts?: any }} o
 */
export function questionPage(questions, o) {
  const single = questions.length === 1;
  const title = single ? questions[0].question : questions[0].page_title || questions[0].question;
  const bindings = questions.map((q) => ({ path: q.path, question: q, control: control(q, { ...o, heading: single }) }));
  // Each field says which fact it asks (for hosts' scripts and the browser tests), never shown.
  for (const b of bindings) {
    b.control.el.setAttribute('data-path', b.path);
    b.control.el.setAttribute('data-kind', b.question.kind);
  }
  const body = [];
  if (!single) {
    if (o.caption) body.push(h('span', { class: 's117-caption', text: o.caption }));
    body.push(h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: title }));
  }
  for (const b of bindings) body.push(b.control.el);
  return { title, body, bindings };
}

/**
 * Reads a page's answers: `{ values: { path: text }, errors: [{ id, message, control }] }`. A field left blank, or
 * answered "I do not know", is the empty text: not known.
 * @param {{ path: string, control: any }[]} bindings
 */
export function readPage(bindings) {
  const values = {};
  const errors = [];
  for (const b of bindings) {
    b.control.setError(null);
    const r = b.control.get();
    if (r.error) errors.push({ id: b.control.focusId(), message: r.error, control: b.control });
    else values[b.path] = r.value === undefined || r.value === null ? '' : String(r.value).trim();
  }
  return { values, errors };
}

/** The element's question pages: drawing one, reading it back, and showing the errors on it. */
class StepPage {
  /** An error summary (GOV.UK): takes focus, links to each field. */
  _errorSummary() {
    const $list = h('ul', { class: 's117-list s117-error-summary__list' });
    const headingId = `${this._uid}-error-summary-title`;
    const $summary = h(
      'div',
      { class: 's117-error-summary js-s117-error-summary', hidden: true, tabindex: '-1', 'aria-labelledby': headingId },
      h('div', { role: 'alert' }, h('h2', { class: 's117-error-summary__title', id: headingId, text: t('widget.page.problem') }), h('div', { class: 's117-error-summary__body' }, $list)),
    );
    return {
      el: $summary,
      /**
       * @param {{ id?: string, field?: string, message: string }[]} errors
       * @param {boolean} [focus] move focus to the summary (not in the adviser view, where the person is typing)
       */
      show: (errors, focus = true) => {
        $list.textContent = '';
        for (const err of errors) {
          const target = err.id || (err.field ? this._id(err.field) : '');
          $list.append(
            h('li', null, h('a', {
              href: `#${target}`,
              text: err.message,
              onclick: (e) => {
                e.preventDefault();
                this._focusField(target, err.field);
              },
            })),
          );
        }
        $summary.hidden = errors.length === 0;
        if (errors.length && focus) $summary.focus();
        this._updateTitle();
      },
    };
  }

  /** The page that asks a field (a core error's path, `detentions[0].left_hospital.something`). */
  _pageOf(field) {
    const iv = this._interview();
    if (!iv || !field) return null;
    const q = iv.form.find((x) => field === x.path || field.startsWith(`${x.path}.`) || field.startsWith(`${x.path}[`));
    return q ? q.page : null;
  }

  /** Focuses a field on this page, or goes to the page that asks it. */
  _focusField(id, field) {
    const $el = id ? this.querySelector(`#${CSS.escape(id)}`) : null;
    if ($el && !$el.disabled) {
      $el.focus();
      if ($el.scrollIntoView) $el.scrollIntoView({ block: 'center' });
      return;
    }
    const page = this._pageOf(field);
    if (page && !this.adviser) {
      this._returnTo = 'check';
      this._stepErrors = (this._checkErrors || []).filter((e) => this._pageOf(e.field) === page);
      this._go(page);
    }
  }

  /** The caption over a page about one stay or one charge, from its path. @param {string} path */
  _caption(path) {
    const stay = /^detentions\[(\d+)\]/.exec(path);
    if (stay) {
      const i = Number(stay[1]);
      if (path === `detentions[${i}]`) return null;
      const admitted = this._a[`detentions[${i}].admitted`];
      const more = this._a['detentions[1]'] === 'yes';
      // Filled in for someone else: the caption names them, as the questions do ("Robert's stay in hospital").
      const other = this._a.filled_in_by === 'someone_else';
      const name = (this._a.person_name || '').trim() || t('widget.caption.the_person');
      const whose = (id) => {
        const text = t(id, { name, n: ordinal(i + 1), date: admitted ? longDate(admitted) : '' });
        return text.charAt(0).toUpperCase() + text.slice(1);
      };
      if (i === 0 && !more) return other ? whose('widget.caption.stay.other') : t('widget.caption.stay');
      const n = ordinal(i + 1);
      if (other) return whose(admitted ? 'widget.caption.stay_n_from.other' : 'widget.caption.stay_n.other');
      return admitted ? t('widget.caption.stay_n_from', { n, date: longDate(admitted) }) : t('widget.caption.stay_n', { n });
    }
    const charge = /^charges\[(\d+)\]\./.exec(path);
    if (charge) return t('widget.caption.charge', { n: Number(charge[1]) + 1 });
    return null;
  }

  _renderQuestion(step) {
    const page = this._pages().find((p) => p.key === step);
    if (!page && !this._core) {
      this._needCore(() => this._renderStep(false));
      return;
    }
    if (!page) {
      this._go('check', false);
      return;
    }
    const def = questionPage(page.questions, { id: (p) => this._id(p), caption: this._caption(page.questions[0].path), opts: this._opts });
    const summary = this._errorSummary();
    const first = this._pages()[0].key === step && !Object.keys(this._a).length;
    const $form = h('form', { class: 's117-form', novalidate: true, 'aria-label': def.title || null });
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._submitQuestion(step, def, summary);
    });
    append($form, [
      summary.el,
      first
        ? h('div', { class: 's117-intro' },
            h('p', { class: 's117-body-l', text: this._introText() || t('widget.page.intro') }),
            h('p', { class: 's117-body', text: t('widget.page.intro_more') }))
        : null,
      def.body,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: t('widget.page.continue') })),
    ]);
    this.$page.append(this._backLink(step) || '', $form);
    // Answers the core could not read, and errors carried over from "check your answers", are shown at once.
    const unreadable = page.questions.filter((q) => q.invalid).map((q) => ({ field: q.path, message: q.error, suggestions: q.suggestions }));
    const carried = [...unreadable, ...(this._stepErrors || [])];
    if (carried.length) {
      this._stepErrors = null;
      this._showFieldErrors(def, carried, summary, false);
    }
  }

  /** Shows errors (with `field` paths) against the questions that own them. */
  _showFieldErrors(def, errors, summary, focusSummary = true) {
    const shown = [];
    for (const err of errors) {
      const b = def.bindings.find((x) => err.field === x.path || err.field.startsWith(`${x.path}.`) || err.field.startsWith(`${x.path}[`));
      if (b) {
        b.control.setError(err.message);
        offerSuggestions(b.control, err.suggestions);
        shown.push({ id: b.control.focusId(), message: err.message });
      } else {
        shown.push({ message: err.message, field: err.field });
      }
    }
    summary.show(shown);
    if (!focusSummary) summary.el.focus();
  }

  _submitQuestion(step, def, summary) {
    const { values, errors } = readPage(def.bindings);
    if (errors.length) {
      for (const e of errors) e.control.setError(e.message);
      summary.show(errors);
      return;
    }
    // The core reads the answers and says what comes next: if it is still loading, this waits for it.
    if (!this._core) {
      this._needCore(() => this._submitQuestion(step, def, summary));
      return;
    }
    const before = JSON.stringify(this._a);
    Object.assign(this._a, values);
    if (JSON.stringify(this._a) !== before) this._decision = null;
    const iv = this._interview();
    // An answer the core cannot read, or facts that cannot all be true, are shown on this page.
    const paths = new Set(def.bindings.map((b) => b.path));
    const mine = iv.form.filter((q) => q.invalid && paths.has(q.path)).map((q) => ({ field: q.path, message: q.error, suggestions: q.suggestions }));
    if (!mine.length) {
      for (const e of this._validate()) if (def.bindings.some((b) => e.field === b.path || e.field.startsWith(`${b.path}.`))) mine.push(e);
    }
    if (mine.length) {
      this._showFieldErrors(def, mine, summary);
      this._persist();
      return;
    }
    let next = iv.next || 'check';
    if (this._returnTo === 'check' && !iv.next) this._returnTo = null;
    // A first stay in Scotland or Northern Ireland: the person is told at once (s117-nav.js).
    if (leadsElsewhere(values)) next = ELSEWHERE_STEP;
    this._go(next);
  }

  /** The core's checks of the case so far (facts that cannot all be true), as `[{ field, message }]`. */
  _validate() {
    try {
      const r = this._core.wasm.check(this.answers);
      return r.ok ? [] : r.errors;
    } catch (err) {
      return [{ field: 'input', message: String(err.message || err) }];
    }
  }
}

/**
 * Adds the question pages' methods to the element's class.
 * @param {typeof HTMLElement} Checker
 */
export function installSteps(Checker) {
  mixin(Checker, StepPage);
}

/**
 * Under a name the register did not know, the register's nearest names as buttons ("Did you mean: Birmingham City
 * Council"): choosing one puts it in the box, clears the error and leaves the focus there, to continue.
 * @param {{ el: HTMLElement, setError(m: string|null): void }} control @param {string[]|undefined} names
 */
function offerSuggestions(control, names) {
  for (const $old of control.el.querySelectorAll('.s117-suggestions')) $old.remove();
  const $input = control.el.querySelector('input');
  if (!$input || !names || !names.length) return;
  const $box = h('div', { class: 's117-suggestions' },
    h('p', { class: 's117-suggestions__lead', text: t('widget.suggestions.lead') }),
    h('ul', { class: 's117-list s117-suggestions__list' }, ...names.map((name) => {
      const $b = h('button', { type: 'button', class: 's117-link-button s117-suggestions__choice', text: name });
      $b.addEventListener('click', () => {
        $input.value = name;
        $input.dispatchEvent(new Event('change', { bubbles: true }));
        control.setError(null);
        $box.remove();
        $input.focus();
      });
      return h('li', {}, $b);
    })));
  control.el.append($box);
}
