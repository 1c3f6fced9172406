// Test host for the iframe mode: `?frame=URL` points the embed at another origin (the same server under another
// host name), so the test exercises cross-origin messaging. Records decisions it receives.
const frame = new URLSearchParams(window.location.search).get('frame');
const $container = document.getElementById('checker');
if (frame) $container.setAttribute('data-src', frame);
window.s117Decisions = [];
$container.addEventListener('s117-decision', (event) => {
  window.s117Decisions.push(event.detail);
  document.getElementById('decision-log').textContent = `Decision received: ${event.detail.entitlement}`;
});
await import('../s117-embed.js');
