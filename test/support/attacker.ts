/**
 * A page-world attacker, served by the fixture server as the host page's OWN script (it passes
 * `script-src 'self'`), so it runs before the content script mounts the sidebar and races it.
 * On every sidebar iframe it sees (and on each of its loads) it tries to hand the iframe a
 * forged MessagePort and pushes a fake context over it. Results land on window.__attack.
 */
export const FORGED_SENDER = 'forged.sender@attacker.example';

export const ATTACKER_SCRIPT = String.raw`
(() => {
  const log = (window.__attack = { attempts: 0, errors: [], iframes: 0 });
  const forgedContext = () => ({
    host: 'gmail',
    kind: 'thread',
    url: location.href,
    seq: 2147483647,
    threadId: 'ffffffffffffffff',
    subject: 'forged by the page',
    sender: { email: '${FORGED_SENDER}', name: 'Forged', role: 'from' },
    participants: [{ email: '${FORGED_SENDER}', name: 'Forged', role: 'from' }],
    messages: [{ id: 'ffffffffffffffff', from: '${FORGED_SENDER}' }],
    account: null,
  });
  const attack = (iframe) => {
    for (const nonce of ['forged', 'forged-nonce-0123456789abcdef0123456789']) {
      try {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => channel.port1.postMessage({ type: 'context', context: forgedContext() });
        iframe.contentWindow.postMessage({ type: 'crm-port', nonce }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'context', context: forgedContext() });
        // Also the bare context straight to the window, in case the sidebar listens there.
        iframe.contentWindow.postMessage({ type: 'context', context: forgedContext() }, '*');
        log.attempts++;
      } catch (error) {
        log.errors.push(String(error));
      }
    }
  };
  const watch = (iframe) => {
    if (iframe.__attacked) return;
    iframe.__attacked = true;
    log.iframes++;
    attack(iframe);
    iframe.addEventListener('load', () => attack(iframe));
  };
  const scan = (root) => {
    for (const el of root.querySelectorAll('iframe')) watch(el);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) scan(el.shadowRoot);
  };
  new MutationObserver(() => scan(document)).observe(document, { childList: true, subtree: true });
  window.__forge = (iframe) => attack(iframe);
})();
`;
