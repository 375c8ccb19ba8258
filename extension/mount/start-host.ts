import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WatchOptions } from '../hosts/dom/watch-host';
import { sendToBackground } from '../messaging/runtime-client';
import { loadSidebarVisible, mountLauncher } from './launcher';
import { mountSidebarFrame } from './sidebar-frame';

/**
 * What every host's content script does, whatever the host: read the page → hand each context to
 * the sidebar (fast path, MessagePort) and, without waiting, to the background (which keeps the
 * last one per tab for freshly loaded iframes and the side panel).
 */
export async function startHost(ctx: ContentScriptContext, watch: (options: WatchOptions) => void): Promise<void> {
  const visible = await loadSidebarVisible();
  const getNonce = async (): Promise<string> => (await sendToBackground({ type: 'get-nonce' })).nonce;
  const frame = mountSidebarFrame(ctx, getNonce, visible);
  mountLauncher(ctx, visible, (show) => frame.setVisible(show));
  watch({
    win: window,
    signal: ctx.signal,
    onContext(context) {
      frame.send(context);
      sendToBackground({ type: 'host-context', context }).catch(() => {
        // The worker may be restarting; the next context or the iframe's own request catches up.
      });
    },
  });
}
