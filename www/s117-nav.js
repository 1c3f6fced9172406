// <s117-checker>, moving between pages: a browser history entry for every page (so the browser's Back and Forward
// buttons move between the questions), the page's title ("<page heading> – <host's title>", with "Error: " while an
// error summary shows), and the page shown at once when the first stay was in a country whose law is not section 117.
//
// History: each entry's state holds, under `s117`, every checker's place by its storage key (so several checkers on
// one page never fight): `{ s117: { [storageKey]: { step, returnTo } } }`, merged into whatever state the host keeps.
// The URL is never changed. Hosts that manage history themselves set `no-history`; hosts that manage the title set
// `no-title`. The adviser view is one page and touches neither.

import { h, mixin, t } from './s117-controls.js';

/** The step of the page for a first stay outside England and Wales. */
export const ELSEWHERE_STEP = 'elsewhere';

/** The answer (a country's code, for `detentions[0].detained_in`) that leads to that page, and its words. */
const ELSEWHERE = {
  scotland: {
    heading: 'widget.elsewhere.heading_scotland',
    law: 'widget.elsewhere.law_scotland',
    advice: 'widget.elsewhere.advice_scotland',
    source: 'widget.elsewhere.source_scotland',
    url: 'https://www.legislation.gov.uk/asp/2003/13/contents',
  },
  northern_ireland: {
    heading: 'widget.elsewhere.heading_northern_ireland',
    law: 'widget.elsewhere.law_northern_ireland',
    advice: 'widget.elsewhere.advice_northern_ireland',
    source: 'widget.elsewhere.source_northern_ireland',
    url: 'https://www.legislation.gov.uk/nisi/1986/595/contents',
  },
};
const FIRST_COUNTRY = 'detentions[0].detained_in';
const S117_URL = 'https://www.legislation.gov.uk/ukpga/1983/20/section/117';

/** Does this page's answer lead to the page for a first stay elsewhere? @param {Record<string, string>} values */
export function leadsElsewhere(values) {
  return Object.prototype.hasOwnProperty.call(values, FIRST_COUNTRY) && Object.prototype.hasOwnProperty.call(ELSEWHERE, values[FIRST_COUNTRY]);
}

/** The methods this module adds to the element. */
class Nav {
  /** Does the checker keep a history entry per page? */
  _historyOn() {
    return !this.adviser && !this.hasAttribute('no-history');
  }

  /** The history state with this checker's place in it (the host's state and other checkers' places kept). */
  _historyState(step) {
    const prev = window.history.state;
    const base = prev && typeof prev === 'object' && !Array.isArray(prev) ? prev : {};
    const places = base.s117 && typeof base.s117 === 'object' ? base.s117 : {};
    return { ...base, s117: { ...places, [this._storageKey()]: { step, returnTo: this._returnTo } } };
  }

  /** A new history entry for the page now shown (same URL); the same page again only updates the entry. */
  _pushHistory(step) {
    if (!this._historyOn()) return;
    const prev = window.history.state;
    const place = prev && typeof prev === 'object' && prev.s117 && prev.s117[this._storageKey()];
    if (place && place.step === step) {
      this._replaceHistory(step);
      return;
    }
    try {
      window.history.pushState(this._historyState(step), '');
    } catch {
      /* a sandboxed frame may refuse: the back link still works */
    }
  }

  /** Records the page now shown in the current history entry (the first page, a reload). */
  _replaceHistory(step) {
    if (!this._historyOn()) return;
    try {
      window.history.replaceState(this._historyState(step), '');
    } catch {
      /* as above */
    }
  }

  /** The browser's Back or Forward: shows this checker's page of that entry, if it has one. */
  _onPopState(event) {
    if (!this._historyOn() || !this.$root) return;
    const state = event.state;
    const place = state && typeof state === 'object' && state.s117 && state.s117[this._storageKey()];
    if (!place || typeof place.step !== 'string') return;
    this._returnTo = place.returnTo === 'check' ? 'check' : null;
    this._step = place.step;
    this._checkErrors = null;
    this._stepErrors = null;
    this._persist.cancel();
    this._save();
    this._renderStep(true);
    this.dispatchEvent(new CustomEvent('s117-step', { bubbles: true, composed: true, detail: { step: this._step } }));
  }

  /** Does the checker set the page's title? */
  _titleOn() {
    return !this.adviser && !this.hasAttribute('no-title');
  }

  /** The page's title: "<heading> – <host's title>", with "Error: " in front while an error summary shows. */
  _updateTitle() {
    if (!this._titleOn() || !this.$page || !this.isConnected) return;
    if (this._hostTitle === undefined) this._hostTitle = document.title;
    const $heading = this.$page.querySelector('.js-s117-focus') || this.$page.querySelector('h2');
    const heading = $heading ? $heading.textContent.replace(/\s+/g, ' ').trim() : '';
    let title = heading ? (this._hostTitle ? t('widget.title.page', { heading, host: this._hostTitle }) : heading) : this._hostTitle;
    if (this.$page.querySelector('.js-s117-error-summary:not([hidden])')) title = t('widget.title.error', { title });
    if (document.title !== title) document.title = title;
  }

  /** Gives the host its title back (the element removed, or `no-title` set). */
  _restoreTitle() {
    if (this._hostTitle === undefined) return;
    document.title = this._hostTitle;
    this._hostTitle = undefined;
  }

  /**
   * The page for a first stay in Scotland or Northern Ireland, shown at once: which law applies there, where to get
   * advice, help from a person; then "add a stay in England or Wales" (the journey goes on) or "start again".
   */
  _renderElsewhere() {
    const words = ELSEWHERE[this._a[FIRST_COUNTRY]];
    if (!words) {
      this._step = null;
      this._renderStep(false);
      return;
    }
    const link = (href, text) => h('a', { class: 's117-link', href, rel: 'noopener noreferrer', target: '_blank', text });
    const $help = h('div', { class: 's117-elsewhere__help' });
    this.$page.append(
      this._backLink(ELSEWHERE_STEP) || '',
      h('div', { class: 's117-elsewhere' },
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: t(words.heading) }),
        h('p', { class: 's117-body-l', text: t('widget.elsewhere.applies') }),
        h('p', { class: 's117-body', text: t(words.law) }),
        h('h3', { class: 's117-heading-m', text: t('widget.elsewhere.advice_heading') }),
        h('p', { class: 's117-body', text: t(words.advice) }),
        $help,
        h('h3', { class: 's117-heading-m', text: t('widget.elsewhere.also_heading') }),
        h('p', { class: 's117-body', text: t('widget.elsewhere.also') }),
        h('div', { class: 's117-button-group' },
          h('button', { class: 's117-button', type: 'button', text: t('widget.elsewhere.add_stay'), onclick: () => this._elsewhereGoOn() }),
          h('button', { class: 's117-button s117-button--secondary', type: 'button', text: t('widget.elsewhere.start_again'), onclick: () => { this.clear(); this._announce(t('widget.tools.cleared')); } })),
        h('h3', { class: 's117-heading-s', text: t('widget.elsewhere.sources') }),
        h('ul', { class: 's117-list s117-list--bullet s117-elsewhere__sources' },
          h('li', null, link(S117_URL, t('widget.elsewhere.source_s117'))),
          h('li', null, link(words.url, t(words.source))))));
    // "Help from a person" is the result's own block (s117-answer.js): drawn when that part is here.
    const drawHelp = () => {
      if ($help.isConnected && typeof this._helpView === 'function') $help.replaceChildren(this._helpView('h3'));
    };
    if (this._hasPart('answer')) drawHelp();
    else this._loadPart('answer').then(drawHelp, () => {});
  }

  /** "I was also detained in England or Wales": the journey goes on with the core's next page. */
  _elsewhereGoOn() {
    this._need(() => {
      const iv = this._interview();
      this._go((iv && iv.next) || 'check');
    });
  }
}

/**
 * Adds these methods to the element's class.
 * @param {typeof HTMLElement} Checker
 */
export function installNav(Checker) {
  mixin(Checker, Nav);
}
