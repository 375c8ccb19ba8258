import { browser } from 'wxt/browser';
import type { RequestOf, RuntimeRequestType, RuntimeResponses } from './protocol';

/** Typed `runtime.sendMessage` for every context except the background itself. */
export async function sendToBackground<T extends RuntimeRequestType>(
  message: RequestOf<T>,
): Promise<RuntimeResponses[T]> {
  return (await browser.runtime.sendMessage(message)) as RuntimeResponses[T];
}
