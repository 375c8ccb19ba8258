import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start-server';

/** The real HTTP edge (one PGlite server in-process): headers, CORS, health, error shapes. */
describe('HTTP server', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-http-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, adminEmail: 'Owner@Example.com' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('bootstraps an organisation and admin with a one-time code on first start', async () => {
    expect(server.bootstrap).toMatchObject({ created: true, email: 'owner@example.com' });
    expect(server.database).toContain(dir);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(health.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends the security headers on every answer, and the invite page runs nothing', async () => {
    const answers = [await fetch(`${server.url}/health`), await fetch(`${server.url}/nope`), await post('auth.me', {}), await fetch(`${server.url}/join`)];
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const join = answers[3]!;
    expect(join.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await join.text();
    expect(html).toContain('options page');
    expect(html).not.toMatch(/<script|on\w+=/i);
  });

  it('answers 429 once sign-in is rate-limited', async () => {
    const attempt = () => post('auth.signIn', { email: 'guess@example.com', code: 'WRONGCODE1234' });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(JSON.stringify(await limited.json())).toContain('too many failed sign-ins');
  });

  it('allows extension origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/trpc/sync.pull`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const ok = await preflight('chrome-extension://abcdefghijklmnop');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const moz = await preflight('moz-extension://1234-abcd');
    expect(moz.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
    const page = await preflight('https://mail.google.com');
    expect(page.status).toBe(403);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs in over HTTP and answers errors without internals', async () => {
    if (!server.bootstrap.created) throw new Error('expected bootstrap');
    const signIn = await post('auth.signIn', { email: 'owner@example.com', code: server.bootstrap.code });
    expect(signIn.status).toBe(200);
    const { result } = (await signIn.json()) as { result: { data: { token: string } } };
    const auth = { authorization: `Bearer ${result.data.token}` };

    const bad = await post('sync.push', { mutations: [{ id: 'x', kind: 'customer.create' }] }, auth);
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(badBody.error.message).toContain('mutations.0.id');
    expect(badBody.error.data).toHaveProperty('zodError');
    expect(JSON.stringify(badBody)).not.toMatch(/stack|at .*\.ts/);

    const anon = await post('sync.pull', { cursor: null });
    expect(anon.status).toBe(401);
    const huge = await post('sync.pull', { cursor: 'x'.repeat(6 * 1024 * 1024) }, auth);
    expect(huge.status).toBe(413);
  });
});
