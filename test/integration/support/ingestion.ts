import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Services } from '../../../server/domain/services';
import { createServices } from '../../../server/domain/services';
import { createIngestionDeps } from '../../../server/ingestion/ingestion-deps';
import type { MessageLinked, MessageLinkedListener } from '../../../server/ingestion/message-linked';
import { messageLinkedListeners } from '../../../server/ingestion/message-linked-listeners';
import type { Store } from '../../../server/storage/repositories/index';
import { configForFakes } from '../../fakes/provider-config';
import type { Actor } from './actors';
import { callerFor } from './actors';

/** One token key for every services instance of a test run, as CRM_TOKEN_KEY is for server processes. */
const TEST_KEY = randomBytes(32);

/** Services whose providers are the fakes, with the real message-linked listeners, recording every event. */
export function ingestionServices(store: Store, urls: { google?: string; microsoft?: string }, extraEnv: Record<string, string> = {}) {
  const events: MessageLinked[] = [];
  const recorder: MessageLinkedListener = { name: 'recorder', handle: async (event) => void events.push(event) };
  const deps = createIngestionDeps({ config: configForFakes(urls, extraEnv), key: TEST_KEY, publicUrl: 'http://127.0.0.1:9', listeners: [...messageLinkedListeners, recorder] });
  return { services: createServices(store, { ingestion: deps }), events };
}

/**
 * The connect flow as the browser walks it: the start URL (one-time), the server's redirect to
 * the provider, the fake's auto-approval redirect to the callback, and the callback itself.
 */
export async function connectAccount(services: Services, actor: Actor, provider: 'google' | 'microsoft', address: string) {
  const api = await callerFor(services, actor.token);
  const { url } = await api.mail.connectUrl({ provider });
  const id = new URL(url).pathname.split('/').pop()!;
  const consent = await services.ingestion.oauth.redirectFor(id);
  expect(consent).not.toBeNull();
  const consentUrl = new URL(consent!);
  consentUrl.searchParams.set('login_hint', address);
  const approved = await fetch(consentUrl, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location')!);
  const result = await services.ingestion.oauth.callback(callback.searchParams, AbortSignal.timeout(10_000));
  expect(result).toMatchObject({ ok: true, address });
  return result;
}

/** Runs every due channel until none is due (retries without waiting). */
export async function ingestAll(services: Services) {
  return services.ingestion.runDue({ now: new Date(), signal: new AbortController().signal, sleep: async () => undefined, log: process.env.INGEST_LOG ? (m, e) => console.log(m, e) : () => undefined });
}
