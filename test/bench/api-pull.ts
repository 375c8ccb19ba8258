import { performance } from 'node:perf_hooks';
import type { PulledChange } from '../../shared/schemas/sync';
import { apiClient, signInApi } from '../support/api-client';

export type ApiPull = {
  /** The pages exactly as the server cut them (same limit as the extension's engine). */
  pages: PulledChange[][];
  rows: number;
  totalMs: number;
  pageMs: number[];
};

/**
 * Pulls a whole scope from Node, page by page, timing each request: the server's own cost per
 * page with no browser involved (the profile's "server" side), and the rows the floors replay.
 * (test/support/api-client.ts pullAll flattens the pages and times nothing; the floors need the
 * pages as the server cut them.)
 */
export async function pullViaApi(serverUrl: string, email: string, code: string, limit = 1000): Promise<ApiPull> {
  const { token } = await signInApi(serverUrl, email, code);
  const client = apiClient(serverUrl, token);
  const pages: PulledChange[][] = [];
  const pageMs: number[] = [];
  let cursor: string | null = null;
  const started = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const t0 = performance.now();
    const page = await client.sync.pull.mutate({ cursor, limit });
    pageMs.push(performance.now() - t0);
    if (page.resetRequired) throw new Error('pull from null cursor answered resetRequired');
    pages.push(page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  return { pages, rows: pages.reduce((n, p) => n + p.length, 0), totalMs: performance.now() - started, pageMs };
}
