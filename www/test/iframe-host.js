// Test host for the iframe mode: `?frame=URL` points the embed at another origin (the same server under another
// host name), so the test exercises cross-origin messaging. Records decisions it receives.
// `?share=0` leaves out data-share-decisions, so the frame must keep the result to itself.
const query = new URLSearchParams(window.location.search);
const frame = query.get('frame');
const $container = document.getElementById('checker');
if (frame) $container.setAttribute('data-src', frame);
if (query.get('share') === '0') $container.removeAttribute('data-share-decisions');
window.s117Messages = [];
window.addEventListener('message', (event) => window.s117Messages.push(event.data && event.data.type));
window.s117Decisions = [];
$container.addEventListener('s117-decision', (event) => {
  window.s117Decisions.push(event.detail);
  document.getElementById('decision-log').textContent = `Decision received: ${event.detail.entitlement}`;
});
await import('../s117-embed.js');
