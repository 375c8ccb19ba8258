import { useEffect, useState } from 'preact/hooks';
import type { HostContext } from '../../../shared/schemas/host-context';
import { hostContextSchema } from '../../../shared/schemas/host-context';
import { handshakeSchema, portMessageSchema } from '../../messaging/protocol';
import { sendToBackground } from '../../messaging/runtime-client';

/**
 * The page's current context. Fast path: the MessagePort the content script hands us on each
 * load, accepted only when the background confirms the nonce for OUR tab (the page itself can
 * post into this window and could forge a handshake; it cannot talk to the background).
 * Slow path, once at start: the last context the background kept for this tab.
 * undefined = nothing known yet.
 */
export function useHostContext(): HostContext | undefined {
  const [context, setContext] = useState<HostContext | undefined>(undefined);
  useEffect(() => {
    let fromPort = false;
    let port: MessagePort | null = null;
    let lastSeq = -1;

    void sendToBackground({ type: 'get-last-context' })
      .then((answer) => {
        const parsed = hostContextSchema.safeParse(answer?.context);
        if (!fromPort && parsed.success) setContext(parsed.data);
      })
      .catch(() => undefined);

    const onWindowMessage = async (event: MessageEvent): Promise<void> => {
      const handshake = handshakeSchema.safeParse(event.data);
      const offered = event.ports[0];
      if (!handshake.success || !offered || event.source !== window.parent) return;
      const { ok } = await sendToBackground({ type: 'check-nonce', nonce: handshake.data.nonce });
      if (!ok) {
        offered.close();
        return;
      }
      port?.close();
      port = offered;
      lastSeq = -1;
      offered.onmessage = (message: MessageEvent) => {
        const parsed = portMessageSchema.safeParse(message.data);
        if (!parsed.success || parsed.data.type !== 'context') return;
        // Within one port seq only grows; a late message never replaces a newer context.
        if (parsed.data.context.seq <= lastSeq) return;
        lastSeq = parsed.data.context.seq;
        fromPort = true;
        setContext(parsed.data.context);
      };
      offered.postMessage({ type: 'ready' });
    };
    const listener = (event: MessageEvent): void => void onWindowMessage(event).catch(() => undefined);
    window.addEventListener('message', listener);
    return () => {
      window.removeEventListener('message', listener);
      port?.close();
    };
  }, []);
  return context;
}
