// <s117-checker>, a page of questions: draws the questions the core's interview puts on one page (its `form` entries
// sharing a `page`), each by its kind, and reads the answers back as `{ path: text }`. It knows no rule and no
// wording: both come with each question from the core (src/interview/), or, for the first page before the
// WebAssembly has loaded, from the generated ./s117-questions.js.

import { UNKNOWN, comboField, dateField, h, radios, textField } from './s117-controls.js';

/**
 * The control for one question.
 * @param {any} q a question from the core: { path, kind, question, label, hint?, error, options?, blank?, answer? }
 * @param {{ id: (path: string) => string, heading: boolean, dense?: boolean, caption?: string|null, opts?: any }} o
 *   `heading`: the question is the page's heading (a page of one question); `dense`: the adviser's form, which
 *   labels each field with its short label; `opts`: the council and NHS body lists (see referenceOptions).
 */
export function control(q, o) {
  const id = o.id(q.path);
  const words = o.dense ? q.label : q.question;
  const answered = q.answer !== undefined && q.answer !== null;
  const blank = answered && q.answer === '';
  const common = { id, heading: o.heading, caption: o.heading ? o.caption : undefined, hint: o.dense ? undefined : q.hint };
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
        small: o.dense || q.kind !== 'choice',
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
        dontKnow: o.dense ? undefined : q.blank,
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
 * @param {{ id: (path: string) => string, caption?: string|null, opts?: any, dense?: boolean }} o
 */
export function questionPage(questions, o) {
  const single = questions.length === 1;
  const title = single ? questions[0].question : questions[0].page_title || questions[0].question;
  const bindings = questions.map((q) => ({ path: q.path, question: q, control: control(q, { ...o, heading: single && !o.dense }) }));
  // Each field says which fact it asks (for hosts' scripts and the browser tests), never shown.
  for (const b of bindings) {
    b.control.el.setAttribute('data-path', b.path);
    b.control.el.setAttribute('data-kind', b.question.kind);
  }
  const body = [];
  if (!single && !o.dense) {
    body.push(
      h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1' },
        o.caption ? h('span', { class: 's117-caption', text: o.caption }) : null,
        title),
    );
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
