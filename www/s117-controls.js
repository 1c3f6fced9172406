// Form controls and small helpers for <s117-checker> (GOV.UK Design System patterns), imported by the element and
// by each of its pages. No rules here: what to ask comes from the core's interview; these only draw and read fields.
//
// The combobox and the reference lists are in s117-combobox.js, re-exported here.
//
// House rules: user text is only ever inserted with textContent (`h()` never uses innerHTML); no inline styles.

export const UNKNOWN = '__unknown';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

export const DOM_PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'open', 'tabIndex', 'defaultChecked', 'readOnly', 'multiple']);

/**
 * Creates an element. Strings among `children` become text nodes, so user text is never parsed as HTML.
 * `props`: `class`, `text` (textContent), `on<event>` listeners, DOM properties (value, checked, …) and attributes.
 * @param {string} tag
 * @param {Record<string, any>|null} [props]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const $el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') $el.className = value;
      else if (key === 'text') $el.textContent = String(value);
      else if (key.startsWith('on') && typeof value === 'function') $el.addEventListener(key.slice(2), value);
      else if (DOM_PROPS.has(key)) $el[key] = value;
      else if (key === 'style') throw new S117Error('inline styles are not allowed (CSP)');
      else $el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append($el, children);
  return $el;
}

/**
 * Appends children (nodes, strings, arrays, or nothing) to an element.
 * @param {Node} $parent
 * @param {any[]} children
 */
export function append($parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '') continue;
    $parent.append(child instanceof Node ? child : String(child));
  }
}

/** A span only screen readers hear. @param {string} text */
export function vh(text) {
  return h('span', { class: 's117-visually-hidden', text });
}

/** Deep copy of plain JSON data. @template T @param {T} value @returns {T} */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * A copy with empty values removed (undefined, null, '', empty objects), so saved answers carry only what was said.
 * Empty arrays are kept only for `detentions`.
 * @param {any} value
 * @param {string} [key]
 */
export function clean(value, key) {
  if (Array.isArray(value)) {
    const items = value.map((v) => clean(v)).filter((v) => v !== undefined);
    return items.length || key === 'detentions' ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v, k);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === '' || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/**
 * Splits a contract path such as `detentions[1].lived_before.council` into keys.
 * @param {string} path
 * @returns {(string|number)[]}
 */
export function pathKeys(path) {
  const keys = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) continue;
    keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

/** @param {any} obj @param {string} path */
export function getPath(obj, path) {
  let cur = obj;
  for (const k of pathKeys(path)) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets (or, for undefined, deletes) a value at a path, creating objects on the way. */
export function setPath(obj, path, value) {
  const keys = pathKeys(path);
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof keys[i + 1] === 'number' ? [] : {};
    cur = cur[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Is this a contract date (YYYY, YYYY-MM or YYYY-MM-DD) that exists? @param {any} s */
export function isContractDate(s) {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d && (Number(d) < 1 || Number(d) > daysIn(Number(y), Number(mo)))) return false;
  return true;
}

/** @param {number} year @param {number} month 1-12 */
export function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "14 May 2023", "May 2023" or "2023": a date keeps the precision it was given with. @param {string} s */
export function longDate(s) {
  const m = DATE_RE.exec(s || '');
  if (!m) return s || '';
  const [, y, mo, d] = m;
  if (!mo) return y;
  if (!d) return `${MONTHS[Number(mo) - 1]} ${y}`;
  return `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
}

/** The earliest day a contract date can mean. @param {string} s */
export function firstDay(s) {
  const m = DATE_RE.exec(s || '');
  if (!m) return '';
  return `${m[1]}-${m[2] || '01'}-${m[3] || '01'}`;
}

/** "1st", "2nd", … for stay captions. @param {number} n */
export function ordinal(n) {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  return words[n - 1] || `${n}th`;
}

/** Label for an option value, or the value itself. */
export function labelOf(options, value) {
  const found = options.find((o) => o.value === value);
  return found ? found.label : value;
}

/** Matches names loosely: lower case, "&" as "and", punctuation as spaces. @param {string} s */
export function normalise(s) {
  return String(s || '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Runs `fn` at most once per `ms`, after the last call. */
export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.flush = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** Offers `data` as a file download (Blob + a[download]); needs no network and no inline script. */
export function download(filename, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const $a = h('a', { href: url, download: filename, hidden: true });
  document.body.append($a);
  $a.click();
  $a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The place where an action that needs the core says it is waiting, or that the core could not load: a polite
 * live region that is always in the document (so what is put in it is announced), and an alert with "Try again".
 */
export function coreSlot(texts = {}) {
  const loadingText = texts.loading || 'Loading the checker’s rules. This usually takes a moment…';
  const failedText = texts.failed || 'Sorry, the checker’s rules could not be loaded.';
  const $status = h('div', { class: 's117-core-status', role: 'status', 'aria-live': 'polite' });
  const $alert = h('div', { role: 'alert' });
  const $retry = h('button', { class: 's117-button s117-button--secondary', type: 'button', text: 'Try again' });
  const $error = h('div', { class: 's117-load-error', tabindex: '-1', hidden: true }, $alert, $retry);
  let retry = null;
  $retry.addEventListener('click', () => {
    if (retry) retry();
  });
  return {
    el: h('div', { class: 's117-core-slot' }, $status, $error),
    /** Shows (and announces) that the rules (or `text`'s subject) are loading. @param {string} [text] */
    loading(text = loadingText) {
      $error.hidden = true;
      $alert.textContent = '';
      $status.textContent = '';
      $status.append(h('p', { class: 's117-core-status__message', text }));
    },
    /**
     * Shows that the rules (or `text`'s subject) could not load, with a button that calls `again`.
     * @param {() => void} again @param {boolean} [focus] @param {string} [text]
     */
    error(again, focus = true, text = failedText) {
      $status.textContent = '';
      retry = again;
      $alert.textContent = '';
      $alert.append(
        h('p', { class: 's117-body s117-load-error__title', text }),
        h('p', { class: 's117-body', text: 'Check your internet connection, then try again. Your answers so far are kept.' }),
      );
      $error.hidden = false;
      if (focus) $error.focus();
    },
    clear() {
      $status.textContent = '';
      $alert.textContent = '';
      $error.hidden = true;
      retry = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The model: the answers are kept as a Case (minus `as_at`), plus a little journey state (`meta`).

// ---------------------------------------------------------------------------------------------------------------
// Form controls (GOV.UK Design System patterns). Each returns a Control:
//   { el, focusId(), get() -> { value } | { error }, setError(message|null) }
// ---------------------------------------------------------------------------------------------------------------

/** Adds an id to an element's aria-describedby. */
export function describe($el, id) {
  const ids = new Set((($el.getAttribute('aria-describedby') || '').split(/\s+/)).filter(Boolean));
  ids.add(id);
  $el.setAttribute('aria-describedby', [...ids].join(' '));
}

/** Removes an id from an element's aria-describedby. */
export function undescribe($el, id) {
  const ids = (($el.getAttribute('aria-describedby') || '').split(/\s+/)).filter((x) => x && x !== id);
  if (ids.length) $el.setAttribute('aria-describedby', ids.join(' '));
  else $el.removeAttribute('aria-describedby');
}

/**
 * The error message slot of a form group, wired to the elements it describes.
 * @param {HTMLElement} $group
 * @param {string} id
 * @param {() => HTMLElement[]} targets elements whose aria-describedby should name the message
 */
export function errorSlot($group, id, targets) {
  const msgId = `${id}-error`;
  const $msg = h('p', { class: 's117-error-message', id: msgId, hidden: true });
  return {
    $msg,
    /** @param {string|null|undefined} message */
    set(message) {
      $msg.textContent = '';
      if (message) {
        append($msg, [vh('Error: '), message]);
        $msg.hidden = false;
        $group.classList.add('s117-form-group--error');
        for (const $t of targets()) {
          describe($t, msgId);
          if ($t.matches('input, textarea, select')) $t.classList.add('s117-input--error');
        }
      } else {
        $msg.hidden = true;
        $group.classList.remove('s117-form-group--error');
        for (const $t of targets()) {
          undescribe($t, msgId);
          $t.classList.remove('s117-input--error');
        }
      }
    },
  };
}

/**
 * A legend or label's content: an optional caption, then the text, as the page heading when `heading` is set.
 * @param {{ text: string, heading?: boolean, caption?: string, size?: string }} o
 */
export function legendContent({ text, heading, caption }) {
  const $caption = caption ? h('span', { class: 's117-caption', text: caption }) : null;
  if (heading) {
    return [$caption, h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text })];
  }
  return [$caption, text];
}

/**
 * A fieldset's legend: large when it is the page's heading, small otherwise.
 * @param {{ legend: string, heading?: boolean, caption?: string }} o
 */
export function fieldsetLegend(o) {
  const size = o.heading ? 's117-fieldset__legend--l' : 's117-fieldset__legend--s';
  return h('legend', { class: `s117-fieldset__legend ${size}` }, legendContent({ text: o.legend, heading: o.heading, caption: o.caption }));
}

/** Shows each choice's conditional part (`#<input id>-conditional`, inside $container) while the choice is checked. */
export function syncReveals($container, $inputs) {
  for (const $i of $inputs) {
    const $reveal = $container.querySelector(`#${CSS.escape($i.id)}-conditional`);
    if ($reveal) $reveal.hidden = !$i.checked;
  }
}

/**
 * Radios in a fieldset. Options: { value, label, hint, more, reveal }; `more` options sit behind "Show more".
 * @param {{ id: string, legend: string, heading?: boolean, caption?: string, hint?: string|Node, options: any[],
 *   value?: string, required?: string, small?: boolean, inline?: boolean, moreLabel?: string, onChange?: Function }} o
 */
export function radios(o) {
  const hintId = `${o.id}-hint`;
  const $fieldset = h('fieldset', { class: 's117-fieldset' });
  const $group = h('div', { class: 's117-form-group' }, $fieldset);
  const $inputs = [];
  const slot = errorSlot($group, o.id, () => [$fieldset]);
  const $main = h('div', { class: `s117-radios${o.small ? ' s117-radios--small' : ''}${o.inline ? ' s117-radios--inline' : ''}` });
  const $more = h('div', { class: 's117-radios s117-radios--more' });
  let first = true;
  let hasMore = false;
  let moreChecked = false;
  o.options.forEach((opt, n) => {
    const inputId = first ? o.id : `${o.id}-${n}`;
    first = false;
    const optHintId = opt.hint ? `${inputId}-item-hint` : null;
    const checked = o.value !== undefined ? o.value === opt.value : false;
    const $input = h('input', {
      class: 's117-radios__input',
      id: inputId,
      name: o.id,
      type: 'radio',
      value: opt.value,
      checked,
      'aria-describedby': optHintId,
    });
    $inputs.push($input);
    const $item = h(
      'div',
      { class: 's117-radios__item' },
      $input,
      h('label', { class: 's117-label s117-radios__label', for: inputId, text: opt.label }),
      opt.hint ? h('div', { class: 's117-hint s117-radios__hint', id: optHintId, text: opt.hint }) : null,
    );
    if (opt.more) {
      hasMore = true;
      if (checked) moreChecked = true;
      $more.append($item);
    } else {
      $main.append($item);
    }
    if (opt.reveal) {
      const $reveal = h('div', { class: 's117-radios__conditional', id: `${inputId}-conditional`, hidden: !checked }, opt.reveal);
      ($more.contains($item) ? $more : $main).append($reveal);
      $input.setAttribute('aria-controls', `${inputId}-conditional`);
    }
  });
  $group.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'radio') {
      syncReveals($group, $inputs);
      if (o.onChange) o.onChange(e.target.value === UNKNOWN ? undefined : e.target.value);
    }
  });
  append($fieldset, [
    fieldsetLegend(o),
    o.hint ? h('div', { class: 's117-hint', id: hintId }, o.hint) : null,
    slot.$msg,
    $main,
    hasMore
      ? h('details', { class: 's117-details', open: moreChecked }, h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: o.moreLabel || 'Show more options' })), h('div', { class: 's117-details__text' }, $more))
      : null,
  ]);
  if (o.hint) $fieldset.setAttribute('aria-describedby', hintId);
  return {
    el: $group,
    focusId: () => o.id,
    get() {
      const $c = $inputs.find(($i) => $i.checked);
      if (!$c) return o.required ? { error: o.required } : { value: undefined };
      return { value: $c.value === UNKNOWN ? undefined : $c.value };
    },
    setError: slot.set,
  };
}

/**
 * A question of one control: its title, its form and the binding of the control's answer.
 * @param {string} title
 * @param {{ el: HTMLElement }} control
 * @param {{ path?: string, apply?: (value: any) => void }} binding
 */
export function question(title, control, binding) {
  return { title, body: [control.el], bindings: [{ control, ...binding }] };
}

/**
 * Checkboxes in a fieldset. Options: { key, label, hint, checked, exclusive, reveal }.
 * `get()` returns { value: { key: true|false } }.
 */
export function checkboxes(o) {
  const hintId = `${o.id}-hint`;
  const $fieldset = h('fieldset', { class: 's117-fieldset', 'aria-describedby': o.hint ? hintId : null });
  const $group = h('div', { class: 's117-form-group' }, $fieldset);
  const slot = errorSlot($group, o.id, () => [$fieldset]);
  const $list = h('div', { class: `s117-checkboxes${o.small ? ' s117-checkboxes--small' : ''}` });
  const $inputs = [];
  o.options.forEach((opt, n) => {
    const inputId = n === 0 ? o.id : `${o.id}-${n}`;
    const optHintId = opt.hint ? `${inputId}-item-hint` : null;
    const $input = h('input', { class: 's117-checkboxes__input', id: inputId, type: 'checkbox', value: opt.key, checked: Boolean(opt.checked), 'aria-describedby': optHintId });
    $input.dataset.exclusive = opt.exclusive ? 'true' : '';
    $inputs.push($input);
    if (opt.exclusive) $list.append(h('div', { class: 's117-checkboxes__divider', text: 'or' }));
    $list.append(
      h(
        'div',
        { class: 's117-checkboxes__item' },
        $input,
        h('label', { class: 's117-label s117-checkboxes__label', for: inputId, text: opt.label }),
        opt.hint ? h('div', { class: 's117-hint s117-checkboxes__hint', id: optHintId, text: opt.hint }) : null,
      ),
    );
    if (opt.reveal) {
      $list.append(h('div', { class: 's117-checkboxes__conditional', id: `${inputId}-conditional`, hidden: !opt.checked }, opt.reveal));
      $input.setAttribute('aria-controls', `${inputId}-conditional`);
    }
  });
  $list.addEventListener('change', (e) => {
    const $t = e.target;
    if (!($t instanceof HTMLInputElement) || $t.type !== 'checkbox') return;
    if ($t.checked) {
      for (const $i of $inputs) {
        if ($i !== $t && (($t.dataset.exclusive && !$i.dataset.exclusive) || (!$t.dataset.exclusive && $i.dataset.exclusive))) $i.checked = false;
      }
    }
    syncReveals($list, $inputs);
  });
  append($fieldset, [
    o.legend ? fieldsetLegend(o) : null,
    o.hint ? h('div', { class: 's117-hint', id: hintId }, o.hint) : null,
    slot.$msg,
    $list,
  ]);
  return {
    el: $group,
    focusId: () => o.id,
    get() {
      const value = {};
      for (const $i of $inputs) value[$i.value] = $i.checked;
      if (o.required && !$inputs.some(($i) => $i.checked)) return { error: o.required };
      return { value };
    },
    setError: slot.set,
  };
}

/**
 * A text input (or textarea) with its label.
 * @param {{ id: string, label: string, heading?: boolean, caption?: string, hint?: string, value?: string,
 *   autocomplete?: string, inputmode?: string, type?: string, width?: string, textarea?: boolean, rows?: number,
 *   spellcheck?: boolean, required?: string, maxlength?: number }} o
 */
export function textField(o) {
  const hintId = `${o.id}-hint`;
  const $input = o.textarea
    ? h('textarea', { class: 's117-textarea', id: o.id, name: o.id, rows: o.rows || 3, autocomplete: o.autocomplete, spellcheck: o.spellcheck === false ? 'false' : null, maxlength: o.maxlength || 2000 })
    : h('input', {
        class: `s117-input${o.width ? ` s117-input--width-${o.width}` : ''}`,
        id: o.id,
        name: o.id,
        type: o.type || 'text',
        autocomplete: o.autocomplete,
        inputmode: o.inputmode,
        spellcheck: o.spellcheck === false ? 'false' : null,
        maxlength: o.maxlength || 300,
      });
  $input.value = o.value || '';
  if (o.hint) $input.setAttribute('aria-describedby', hintId);
  const $label = h('label', { class: `s117-label${o.heading ? ' s117-label--l' : ' s117-label--s'}`, for: o.id, text: o.label });
  const $group = h('div', { class: 's117-form-group' });
  const slot = errorSlot($group, o.id, () => [$input]);
  append($group, [
    o.heading ? [o.caption ? h('span', { class: 's117-caption', text: o.caption }) : null, h('h2', { class: 's117-label-wrapper js-s117-focus', tabindex: '-1' }, $label)] : $label,
    o.hint ? h('div', { class: 's117-hint', id: hintId, text: o.hint }) : null,
    slot.$msg,
    $input,
  ]);
  return {
    el: $group,
    input: $input,
    focusId: () => o.id,
    get() {
      const v = $input.value.trim();
      if (!v && o.required) return { error: o.required };
      return { value: v || undefined };
    },
    setError: slot.set,
  };
}

export const MONTH_WORDS = MONTHS.map((m) => m.toLowerCase());

/** Reads a month typed as a number or a name (03, mar, March). @param {string} s */
export function readMonth(s) {
  const t = s.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  if (t.length >= 3) {
    const i = MONTH_WORDS.findIndex((m) => m.startsWith(t));
    if (i >= 0) return i + 1;
  }
  return NaN;
}

/**
 * A GOV.UK date input (day, month, year). Leaving the day blank gives a month (YYYY-MM); leaving day and month
 * blank gives a year (YYYY): "I only know the month or year".
 * @param {{ id: string, legend: string, subject: string, hint?: string, value?: string, optional?: boolean,
 *   heading?: boolean, caption?: string }} o `subject` names the date in error messages ("The date you left hospital").
 */
export function dateField(o) {
  const hintId = `${o.id}-hint`;
  const m = DATE_RE.exec(o.value || '');
  const part = (name, label, width, val, autocomplete) =>
    h(
      'div',
      { class: 's117-date-input__item' },
      h('label', { class: 's117-label s117-date-input__label', for: name === 'day' ? o.id : `${o.id}-${name}`, text: label }),
      h('input', {
        class: `s117-input s117-date-input__input s117-input--width-${width}`,
        id: name === 'day' ? o.id : `${o.id}-${name}`,
        name: `${o.id}-${name}`,
        type: 'text',
        inputmode: name === 'month' ? 'text' : 'numeric',
        autocomplete,
        spellcheck: 'false',
        maxlength: name === 'month' ? 9 : name === 'year' ? 4 : 2,
        value: val || '',
      }),
    );
  const $day = part('day', 'Day', 2, m && m[3] ? String(Number(m[3])) : '', o.autocomplete ? `${o.autocomplete}-day` : null);
  const $month = part('month', 'Month', 2, m && m[2] ? String(Number(m[2])) : '', o.autocomplete ? `${o.autocomplete}-month` : null);
  const $year = part('year', 'Year', 4, m ? m[1] : '', o.autocomplete ? `${o.autocomplete}-year` : null);
  const $inputs = [$day, $month, $year].map(($p) => $p.querySelector('input'));
  const $fieldset = h('fieldset', { class: 's117-fieldset', role: 'group', 'aria-describedby': hintId });
  const $group = h('div', { class: 's117-form-group' }, $fieldset);
  let bad = [];
  const slot = errorSlot($group, o.id, () => [$fieldset]);
  const defaultHint = `For example, ${o.example || '27 3 2021'}. If you only know the month or the year, leave the day (or the day and month) blank.`;
  append($fieldset, [
    fieldsetLegend(o),
    h('div', { class: 's117-hint', id: hintId, text: o.hint ? `${o.hint} ${defaultHint}` : defaultHint }),
    slot.$msg,
    h('div', { class: 's117-date-input', id: `${o.id}-input` }, $day, $month, $year),
  ]);
  return {
    el: $group,
    focusId: () => (bad[0] ? bad[0].id : o.id),
    get() {
      const [d, mo, y] = $inputs.map(($i) => $i.value.trim());
      bad = [];
      const fail = (message, ...which) => {
        bad = which;
        return { error: message };
      };
      const [$d, $m, $y] = $inputs;
      if (!d && !mo && !y) return o.optional ? { value: undefined } : fail(`Enter ${o.subject.replace(/^The /, 'the ')}`, $d);
      if (!y) return fail(`${o.subject} must include a year`, $y);
      if (!/^\d{4}$/.test(y)) return fail('Year must include 4 numbers, for example 2021', $y);
      if (Number(y) < 1900) return fail('Year must be 1900 or later', $y);
      if (d && !mo) return fail(`${o.subject} must include a month. If you only know the year, leave the day blank too`, $m);
      let month = 0;
      if (mo) {
        month = readMonth(mo);
        if (!(month >= 1 && month <= 12)) return fail('Month must be a number from 1 to 12, or a month’s name', $m);
      }
      if (d) {
        if (!/^\d{1,2}$/.test(d)) return fail('Day must be a number, for example 27', $d);
        const day = Number(d);
        if (day < 1 || day > daysIn(Number(y), month)) return fail(`${o.subject} must be a real date`, $d);
        return { value: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
      }
      if (month) return { value: `${y}-${String(month).padStart(2, '0')}` };
      return { value: y };
    },
    setError(message) {
      slot.set(message);
      for (const $i of $inputs) $i.classList.toggle('s117-input--error', Boolean(message) && (bad.length === 0 || bad.includes($i)));
    },
  };
}

/** Adds the methods of a part's class (s117-answer.js, s117-letter.js, s117-adviser.js) to the element's class. */
export function mixin(Checker, Part) {
  for (const key of Object.getOwnPropertyNames(Part.prototype)) {
    if (key !== 'constructor') Object.defineProperty(Checker.prototype, key, Object.getOwnPropertyDescriptor(Part.prototype, key));
  }
}

/** What a page waiting for a part says (see the element's `_need`). */
export const PART_TEXTS = {
  answer: { loading: 'Loading this page…', failed: 'Sorry, this page could not be loaded.' },
  adviser: { loading: 'Loading the adviser view…', failed: 'Sorry, the adviser view could not be loaded.' },
  letter: { loading: 'Loading the letter…', failed: 'Sorry, the letter could not be loaded.' },
};

export { comboBox, comboField, referenceOptions } from './s117-combobox.js';
