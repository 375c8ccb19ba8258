import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/schemas/import';
import { startServer, type RunningServer } from '../../server/start-server';

/** The upload of a file for import over real HTTP: a larger body limit on the import paths only. */
describe('import uploads over HTTP', () => {
  let server: RunningServer;
  let dir: string;
  let auth: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-import-http-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, adminEmail: 'owner@example.com' });
    if (!server.bootstrap.created) throw new Error('expected bootstrap');
    const signIn = await post('auth.signIn', { email: 'owner@example.com', code: server.bootstrap.code });
    const { result } = (await signIn.json()) as { result: { data: { token: string } } };
    auth = { authorization: `Bearer ${result.data.token}` };
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  it('takes an 8 MB file on imports.inspect while other procedures keep the 5 MB limit', async () => {
    // 8 MB of CSV: one column of names, well over the 5 MB every other procedure accepts.
    const line = 'Company number 1234567 Trading\n';
    const csv = `Name\n${line.repeat(Math.ceil((8 * 1024 * 1024) / line.length))}`;
    const contentBase64 = Buffer.from(csv).toString('base64');
    const plan = await post('imports.inspect', { fileName: 'big.csv', contentBase64 }, auth);
    expect(plan.status).toBe(200);
    const { result } = (await plan.json()) as { result: { data: { suggestedMapping: Record<string, string> } } };
    expect(result.data.suggestedMapping).toEqual({ Name: 'customer.name' });
    const elsewhere = await post('sync.pull', { cursor: null, limit: 10, padding: contentBase64 }, auth);
    expect(elsewhere.status).toBe(413);
  });

  it('answers a file over 20 MB with a clear message, and a far larger body with 413', async () => {
    const over = 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4);
    const tooBig = await post('imports.plan', { fileName: 'x.csv', contentBase64: over }, auth);
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(await tooBig.json())).toMatch(/larger than 20 MB/);
    const huge = await post('imports.plan', { fileName: 'x.csv', contentBase64: 'A'.repeat(40 * 1024 * 1024) }, auth);
    expect(huge.status).toBe(413);
  });

  it('does not read an upload from anyone without a valid token: 401 before the body', async () => {
    const contentBase64 = Buffer.from('Name\nAcme\n'.repeat(100_000)).toString('base64');
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Record<string, string>[]) {
      const refused = await post('imports.plan', { fileName: 'x.csv', contentBase64 }, headers);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: { message: 'sign in first', code: 'UNAUTHORIZED' } });
    }
  });
});
