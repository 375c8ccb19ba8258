import '../../zod-jitless';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchGmail } from '../../hosts/gmail/watch-gmail';
import { sendToBackground } from '../../messaging/runtime-client';
import { loadSidebarVisible, mountLauncher } from '../../mount/launcher';
import { mountSidebarFrame } from '../../mount/sidebar-frame';

// Thin wiring: read Gmail → hand each context to the sidebar (fast path, MessagePort) and, without
// waiting, to the background (which keeps the last one per tab for freshly loaded iframes).
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const visible = await loadSidebarVisible();
    const getNonce = async (): Promise<string> => (await sendToBackground({ type: 'get-nonce' })).nonce;
    const frame = mountSidebarFrame(ctx, getNonce, visible);
    mountLauncher(ctx, visible, (show) => frame.setVisible(show));
    watchGmail({
      win: window,
      signal: ctx.signal,
      onContext(context) {
        frame.send(context);
        sendToBackground({ type: 'host-context', context }).catch(() => {
          // The worker may be restarting; the next context or the iframe's own request catches up.
        });
      },
    });
  },
});
