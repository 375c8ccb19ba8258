import type { HostContext } from '../../shared/schemas/host-context';
import { hostContextSchema } from '../../shared/schemas/host-context';
import { handshakeSchema, portMessageSchema } from '../messaging/protocol';
import { sendToBackground } from '../messaging/runtime-client';
import type { HostContextFeed } from './hooks/use-host-context';

type Listener = (context: HostContext) => void;

/**
 * The page's current context, for the sidebar. Started before the first render: the content
 * script posts its port on the iframe's `load`, which can come before any effect runs, and a
 * lost handshake cost a 3 s reload (bench finding).
 *
 * Fast path: the MessagePort the content script hands us on each load, accepted only when the
 * background confirms the nonce for OUR tab (the page can post into this window and could forge
 * a handshake; it cannot talk to the background). Slow path, once: the last context the
 * background kept for this tab.
 */
export function startHostContextFeed(win: Window = window): HostContextFeed {
  let current: HostContext | undefined;
  let fromPort = false;
  let port: MessagePort | null = null;
  let lastSeq = -1;
  const listeners = new Set<Listener>();
  const publish = (context: HostContext): void => {
    current = context;
    for (const listener of listeners) listener(context);
  };

  void sendToBackground({ type: 'get-last-context' })
    .then((answer) => {
      const parsed = hostContextSchema.safeParse(answer?.context);
      if (!fromPort && parsed.success) publish(parsed.data);
    })
    .catch(() => undefined);

  const acceptPort = (offered: MessagePort): void => {
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
      publish(parsed.data.context);
    };
    offered.postMessage({ type: 'ready' });
  };

  win.addEventListener('message', (event: MessageEvent) => {
    const handshake = handshakeSchema.safeParse(event.data);
    const offered = event.ports[0];
    if (!handshake.success || !offered || event.source !== win.parent) return;
    // Before the nonce round trip: a busy or waking background must not make the content script
    // think the frame was navigated away and reload it (losing what the user was doing).
    offered.postMessage({ type: 'alive' });
    sendToBackground({ type: 'check-nonce', nonce: handshake.data.nonce })
      .then(({ ok }) => (ok ? acceptPort(offered) : offered.close()))
      .catch(() => offered.close());
  });

  return {
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
