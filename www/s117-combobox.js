// The combobox for council and NHS body answers (a text box with suggestions from the core's reference lists), and
// those lists as options. Part of the controls (s117-controls.js re-exports it); no rules here.

import { append, debounce, describe, errorSlot, h, normalise, t, tNodes } from './s117-controls.js';

/**
 * A combobox: a text input with a filtered list of suggestions (WAI-ARIA 1.2 combobox with a listbox popup).
 * Whatever is typed is kept if nothing is chosen, so "not in the list" is just typing.
 * `options` may be a function that returns null while the list is not loaded yet (it comes from the core): then
 * `load()` is awaited, typing shows (and announces) "Loading the list of …", and a failure shows an error with
 * "Try again". `onOptions` is called once the list is there.
 * @param {{ id: string, options: {value: string, label: string, detail?: string}[] | (() => any[]|null), value?: string,
 *   onChange?: Function, load?: () => Promise<any>, onOptions?: Function, listName?: string }} o
 */
export function comboBox(o) {
  const listId = `${o.id}-listbox`;
  const $input = h('input', {
    class: 's117-input s117-combobox__input',
    id: o.id,
    name: o.id,
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    maxlength: 200,
  });
  $input.value = o.value || '';
  const $list = h('ul', { class: 's117-combobox__listbox', id: listId, role: 'listbox', 'aria-label': t('widget.combobox.suggestions'), hidden: true });
  const $status = h('div', { class: 's117-visually-hidden', role: 'status', 'aria-atomic': 'true' });
  const list = o.listName || t('widget.combobox.list_suggestions');
  const $loading = h('p', { class: 's117-combobox__loading', id: `${o.id}-loading`, hidden: true });
  let indexed = null;
  let waiting = false;
  let matches = [];
  let active = -1;

  const announce = debounce((text) => {
    $status.textContent = text;
  }, 600);

  /** The options, indexed for searching, or null while they are not loaded. */
  const options = () => {
    if (indexed) return indexed;
    const list = typeof o.options === 'function' ? o.options() : o.options;
    if (!list) return null;
    indexed = list.map((opt) => ({ ...opt, words: normalise(opt.label).split(' '), norm: normalise(opt.label) }));
    return indexed;
  };

  /** Waits for the list (from the core); on failure says so, with a retry. */
  const wait = () => {
    if (waiting || !o.load) return;
    waiting = true;
    o.load().then(
      () => {
        waiting = false;
        $loading.hidden = true;
        $loading.textContent = '';
        if (!options()) return;
        if (o.onOptions) o.onOptions();
        if (document.activeElement === $input && $input.value.trim()) render();
      },
      () => {
        waiting = false;
        if ($loading.hidden) return; // nobody is waiting for the list yet
        $loading.textContent = '';
        const retry = h('button', { class: 's117-link-button s117-combobox__retry', type: 'button', text: t('widget.combobox.try_again'), onclick: () => { showLoading(); wait(); } });
        append($loading, tNodes('widget.combobox.list_failed', { list, retry }));
        $loading.hidden = false;
        announce(t('widget.combobox.list_failed_announced', { list }));
      },
    );
  };

  const showLoading = () => {
    $loading.textContent = t('widget.combobox.loading', { list });
    $loading.hidden = false;
    announce(t('widget.combobox.loading_announced', { list }));
  };

  /** Options whose words each start with a word typed, best first. */
  const search = (q) => {
    const words = normalise(q).split(' ').filter(Boolean);
    if (!words.length) return [];
    const scored = [];
    for (const opt of options() || []) {
      if (!words.every((w) => opt.words.some((x) => x.startsWith(w)))) continue;
      const score = (opt.norm === words.join(' ') ? 0 : opt.norm.startsWith(words.join(' ')) ? 1 : opt.words[0].startsWith(words[0]) ? 2 : 3) + (opt.rank || 0);
      scored.push([score, opt]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label));
    return scored.slice(0, 20).map(([, opt]) => opt);
  };

  const close = () => {
    $list.hidden = true;
    $input.setAttribute('aria-expanded', 'false');
    $input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (n) => {
    active = n;
    [...$list.children].forEach(($li, i) => {
      $li.setAttribute('aria-selected', i === n ? 'true' : 'false');
      $li.classList.toggle('s117-combobox__option--active', i === n);
    });
    if (n >= 0) {
      const $li = $list.children[n];
      $input.setAttribute('aria-activedescendant', $li.id);
      if ($li.offsetTop < $list.scrollTop) $list.scrollTop = $li.offsetTop;
      else if ($li.offsetTop + $li.offsetHeight > $list.scrollTop + $list.clientHeight) $list.scrollTop = $li.offsetTop + $li.offsetHeight - $list.clientHeight;
    } else {
      $input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (n) => {
    const opt = matches[n];
    if (!opt) return;
    $input.value = opt.value;
    close();
    announce(t('widget.combobox.chosen', { name: opt.label }));
    if (o.onChange) o.onChange(opt.value);
    $input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const render = () => {
    if (!options()) {
      close();
      if ($input.value.trim()) showLoading();
      wait();
      return;
    }
    matches = search($input.value);
    $list.textContent = '';
    matches.forEach((opt, i) => {
      $list.append(
        h(
          'li',
          {
            class: 's117-combobox__option',
            id: `${o.id}-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            onmousedown: (e) => e.preventDefault(),
            onclick: () => choose(i),
          },
          h('span', { class: 's117-combobox__option-label', text: opt.label }),
          opt.detail ? h('span', { class: 's117-combobox__option-detail', text: ` ${opt.detail}` }) : null,
        ),
      );
    });
    const open = matches.length > 0 && $input.value.trim() !== '' && !(matches.length === 1 && matches[0].value === $input.value);
    $list.hidden = !open;
    $input.setAttribute('aria-expanded', open ? 'true' : 'false');
    active = -1;
    $input.removeAttribute('aria-activedescendant');
    if (!$input.value.trim()) announce('');
    else if (matches.length === 1) announce(t('widget.combobox.one_match'));
    else if (matches.length) announce(t('widget.combobox.matches', { n: matches.length }));
    else announce(t('widget.combobox.no_matches'));
  };

  $input.addEventListener('input', () => {
    render();
    if (o.onChange) o.onChange($input.value);
  });
  $input.addEventListener('keydown', (e) => {
    const open = !$list.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        render();
        if ($list.hidden) return;
      }
      highlight(Math.min(active + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      highlight(active - 1);
    } else if (e.key === 'Enter') {
      if (open && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (open) {
        close();
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    } else if (e.key === 'Tab') {
      close();
    }
  });
  $input.addEventListener('blur', () => setTimeout(close, 150));
  if (!options()) wait();
  return { $input, $list, $status, el: h('div', { class: 's117-combobox' }, $input, $list, $status, $loading) };
}

/**
 * A question answered with a combobox (council, NHS body), with an optional "I don't know" checkbox.
 * @param {{ id: string, label: string, heading?: boolean, caption?: string, hint?: string, options: any[],
 *   value?: string, dontKnow?: string, dontKnowChecked?: boolean, required?: string, note?: (v: string) => string|null }} o
 */
export function comboField(o) {
  const hintId = `${o.id}-hint`;
  const noteId = `${o.id}-note`;
  const $note = h('p', { class: 's117-inset-text s117-combobox__note', id: noteId, hidden: true, 'aria-live': 'polite' });
  const updateNote = (v) => {
    const text = o.note ? o.note(v || '') : null;
    $note.textContent = text || '';
    $note.hidden = !text;
  };
  const box = comboBox({ id: o.id, options: o.options, value: o.value, onChange: updateNote, load: o.load, listName: o.listName, onOptions: () => updateNote(box.$input.value) });
  const $input = box.$input;
  if (o.hint) describe($input, hintId);
  describe($input, noteId);
  const $label = h('label', { class: `s117-label${o.heading ? ' s117-label--l' : ' s117-label--s'}`, for: o.id, text: o.label });
  const $group = h('div', { class: 's117-form-group' });
  const slot = errorSlot($group, o.id, () => [$input]);
  let $dk = null;
  if (o.dontKnow) {
    $dk = h('input', { class: 's117-checkboxes__input', id: `${o.id}-dont-know`, type: 'checkbox', checked: Boolean(o.dontKnowChecked) });
    const sync = () => {
      $input.disabled = $dk.checked;
      if ($dk.checked) {
        $input.value = '';
        updateNote('');
      }
    };
    $dk.addEventListener('change', sync);
    sync();
  }
  append($group, [
    o.heading ? [o.caption ? h('span', { class: 's117-caption', text: o.caption }) : null, h('h2', { class: 's117-label-wrapper js-s117-focus', tabindex: '-1' }, $label)] : $label,
    o.hint ? h('div', { class: 's117-hint', id: hintId, text: o.hint }) : null,
    slot.$msg,
    box.el,
    $note,
    $dk
      ? h('div', { class: 's117-checkboxes s117-checkboxes--small s117-combobox__dont-know' }, h('div', { class: 's117-checkboxes__item' }, $dk, h('label', { class: 's117-label s117-checkboxes__label', for: $dk.id, text: o.dontKnow })))
      : null,
  ]);
  updateNote(o.value);
  return {
    el: $group,
    input: $input,
    focusId: () => o.id,
    get() {
      if ($dk && $dk.checked) return { value: undefined, dontKnow: true };
      const v = $input.value.trim();
      if (!v && o.required) return { error: o.required };
      return { value: v || undefined };
    },
    setError: slot.set,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reference lists as combobox options (built once per page).
// ---------------------------------------------------------------------------------------------------------------

/** @type {WeakMap<object, any>} */
export const optionCache = new WeakMap();

/** Council, district and NHS body options for the comboboxes. */
export function referenceOptions(core) {
  let cached = optionCache.get(core);
  if (cached) return cached;
  const byCode = new Map(core.councils.map((c) => [c.code, c]));
  const council = (c) => ({ value: c.name, label: c.name, detail: c.nation === 'wales' ? t('widget.combobox.wales') : '', nation: c.nation });
  const districtOpts = core.districts
    .filter(([, code]) => byCode.has(code))
    .map(([name, code]) => ({ value: name, label: name, detail: t('widget.combobox.district', { council: byCode.get(code).name }), nation: byCode.get(code).nation, rank: 0.5, county: byCode.get(code).name }));
  const all = [...core.councils.map(council), ...districtOpts];
  const districtByName = new Map(districtOpts.map((o) => [normalise(o.value), o.county]));
  cached = {
    councils: { england: all.filter((o) => o.nation === 'england'), wales: all.filter((o) => o.nation === 'wales'), all },
    nhs: core.nhsBodies.map((b) => ({ value: b.name, label: b.name, detail: b.nation === 'wales' ? t('widget.combobox.wales') : '' })),
    /** "Social services in Bromsgrove are run by …" for a district typed or chosen. */
    districtNote(value) {
      const county = districtByName.get(normalise(value));
      return county ? t('widget.combobox.district_note', { district: value, council: county }) : null;
    },
  };
  optionCache.set(core, cached);
  return cached;
}


