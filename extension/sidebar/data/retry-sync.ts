import { sendToBackground } from '../../messaging/runtime-client';

/**
 * Both data modes ask the background the same way (it decides whether to sync and how often).
 * Nothing to do when no worker answers: its alarm retries anyway.
 */
export function retrySync(): void {
  sendToBackground({ type: 'retry-sync' }).catch(() => undefined);
}
