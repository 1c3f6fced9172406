// Mounts the screen on demo.html (a separate file because the page's CSP allows no inline script).
// `?as-at=YYYY-MM-DD` fixes the default date of the check, for tests.
import { mountScreen } from './screen.js';

const asAt = new URL(location.href).searchParams.get('as-at') || undefined;
const $container = /** @type {HTMLElement} */ (document.getElementById('screen'));
mountScreen($container, { asAt });
document.body.dataset.ready = '1';
