import { browser } from 'wxt/browser';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostContext } from '../../shared/schemas/host-context';
import { launcherText } from '../i18n/launcher';
import { HANDSHAKE_TYPE } from '../messaging/handshake';
import type { PortMessage } from '../messaging/protocol';
import { frameOrigins } from './frame-origins';

export const SIDEBAR_WIDTH_PX = 360;
const READY_TIMEOUT_MS = 3000;
/** Reloads without an answer before we stop trying (a broken frame must not reload forever). */
const MAX_RELOADS = 3;

export type SidebarFrame = {
  send(context: HostContext): void;
  setVisible(visible: boolean): void;
};

/**
 * The extension-origin iframe that shows all CRM data (DESIGN.md: the page cannot read inside
 * it). This module only hands it a MessagePort and forwards contexts; it never sees CRM data.
 */
export function mountSidebarFrame(
  ctx: ContentScriptContext,
  getNonce: () => Promise<string>,
  visible: boolean,
): SidebarFrame {
  for (const stale of document.querySelectorAll('[data-inbox-crm-wrapper="sidebar"]')) stale.remove();
  let port: MessagePort | null = null;
  let last: HostContext | null = null;
  let readyTimer: number | undefined;
  let reloads = 0;

  const ui = createIframeUi(ctx, {
    page: '/sidebar.html',
    // 'inline': WXT leaves positioning to us; the column is fixed to the right edge.
    position: 'inline',
    anchor: 'body',
    onMount(wrapper, iframe) {
      wrapper.setAttribute('data-inbox-crm-wrapper', 'sidebar');
      iframe.setAttribute('data-inbox-crm', 'sidebar');
      iframe.setAttribute('title', launcherText('frame.title'));
      iframe.style.cssText = 'width:100%;height:100%;border:0;display:block;';
      place(wrapper);
    },
  });
  function place(wrapper: HTMLElement = ui.wrapper): void {
    wrapper.style.cssText =
      `position:fixed;top:0;right:0;width:${SIDEBAR_WIDTH_PX}px;height:100vh;z-index:2147483000;` +
      `display:${visible ? 'block' : 'none'};background:#fff;` +
      'box-shadow:-1px 0 0 rgba(0,0,0,.12),-4px 0 12px rgba(0,0,0,.06);';
  }
  const expectedSrc = ui.iframe.src;

  const post = (message: PortMessage): void => port?.postMessage(message);

  async function handshake(): Promise<void> {
    port?.close();
    port = null;
    const target = ui.iframe.contentWindow;
    if (!target) return;
    const nonce = await getNonce();
    for (const origin of frameOrigins(ui.iframe.src, browser.runtime.id)) {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent) => {
        const type = (event.data as { type?: unknown } | null)?.type;
        if (type === 'alive') window.clearTimeout(readyTimer);
        if (type !== 'ready') return;
        window.clearTimeout(readyTimer);
        reloads = 0;
        port = channel.port1;
        if (last) post({ type: 'context', context: last });
      };
      target.postMessage({ type: HANDSHAKE_TYPE, nonce }, origin, [channel.port2]);
    }
    // Neither 'alive' nor 'ready' means the frame no longer holds our page (the host navigated
    // it): reload ours.
    window.clearTimeout(readyTimer);
    readyTimer = ctx.setTimeout(() => {
      if (!port && reloads++ < MAX_RELOADS) ui.iframe.src = expectedSrc;
    }, READY_TIMEOUT_MS);
  }

  ui.iframe.addEventListener('load', () => void handshake().catch((e) => console.warn('[inbox-crm]', e)));
  ui.mount();

  // Re-create the column if the page removes it or rewrites its src (mounts are idempotent).
  const observer = new MutationObserver(() => {
    if (ui.iframe.parentNode !== ui.wrapper) ui.wrapper.append(ui.iframe);
    if (!ui.wrapper.isConnected) ui.mount();
    else if (ui.iframe.getAttribute('src') !== expectedSrc) ui.iframe.src = expectedSrc;
  });
  observer.observe(document.body, { childList: true });
  observer.observe(ui.wrapper, { childList: true });
  observer.observe(ui.iframe, { attributes: true, attributeFilter: ['src'] });
  ctx.onInvalidated(() => observer.disconnect());

  return {
    send(context) {
      last = context;
      post({ type: 'context', context });
    },
    setVisible(show) {
      visible = show;
      place();
    },
  };
}
