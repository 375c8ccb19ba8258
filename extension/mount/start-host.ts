import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostContext } from '../../shared/schemas/host-context';
import type { WatchOptions } from '../hosts/dom/watch-host';
import { sendToBackground } from '../messaging/runtime-client';
import { GET_CONTEXT } from '../messaging/tab-messages';
import { loadSidebarDisplay } from './display-settings';
import { loadSidebarVisible, mountLauncher } from './launcher';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';

/**
 * What every host's content script does, whatever the host: read the page → hand each context to
 * the sidebar column (fast path, MessagePort) and, without waiting, to the background (which
 * keeps the last one per tab for freshly loaded iframes). In side-panel mode there is no column:
 * the launcher opens the side panel, which asks this script for the context (GET_CONTEXT) and
 * hears the same messages the background gets.
 */
export async function startHost(ctx: ContentScriptContext, watch: (options: WatchOptions) => void): Promise<void> {
  const [display, visible] = await Promise.all([loadSidebarDisplay(), loadSidebarVisible()]);
  let frame: SidebarFrame | null = null;
  if (display === 'column') {
    const getNonce = async (): Promise<string> => (await sendToBackground({ type: 'get-nonce' })).nonce;
    const column = mountSidebarFrame(ctx, getNonce, visible);
    frame = column;
    mountLauncher(ctx, { kind: 'toggle', visible, onToggle: (show) => column.setVisible(show) });
  } else {
    mountLauncher(ctx, { kind: 'panel', onOpen: () => void sendToBackground({ type: 'open-side-panel' }) });
  }
  let last: HostContext | null = null;
  const answer = (message: unknown, sender: { id?: string }, respond: (answer: unknown) => void): undefined => {
    if (sender.id === browser.runtime.id && (message as { type?: unknown } | null)?.type === GET_CONTEXT) respond({ context: last });
    return undefined;
  };
  browser.runtime.onMessage.addListener(answer);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answer));
  watch({
    win: window,
    signal: ctx.signal,
    onContext(context) {
      last = context;
      frame?.send(context);
      sendToBackground({ type: 'host-context', context }).catch(() => {
        // The worker may be restarting; the next context or the iframe's own request catches up.
      });
    },
  });
}
