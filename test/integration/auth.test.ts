import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../server/domain/secrets';
import { callerFor, invitedUser, signedInAdmin, signIn } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';

const code = (err: unknown) => (err instanceof TRPCError ? err.code : String(err));

describe.each(databaseKinds)('auth on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('signs in with a one-time code that works only once', async () => {
      const { services } = testDb();
      const created = await services.auth.createOrganisation({ name: 'Acme', adminEmail: 'Admin@Acme.example' });
      expect(created.code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
      const actor = await signIn(services, 'admin@acme.example', created.code.toLowerCase());
      expect(actor.email).toBe('admin@acme.example');
      const me = await (await actor.api()).auth.me();
      expect(me).toMatchObject({ user: { role: 'admin' }, organisation: { name: 'Acme' } });

      const again = (await callerFor(services, null)).auth.signIn({ email: 'admin@acme.example', code: created.code, deviceName: 'x' });
      await expect(again).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'invalid email or code' });
    });

    it('says the same thing for a wrong code, an unknown email and an expired code', async () => {
      const { services, db } = testDb();
      const created = await services.auth.createOrganisation({ name: 'Acme', adminEmail: 'a@acme.example' });
      const anon = await callerFor(services, null);
      const attempts = [
        { email: 'a@acme.example', code: 'WRONGCODE234' },
        { email: 'nobody@acme.example', code: created.code },
      ];
      for (const input of attempts) {
        await expect(anon.auth.signIn({ ...input, deviceName: 'x' })).rejects.toMatchObject({
          code: 'UNAUTHORIZED',
          message: 'invalid email or code',
        });
      }
      await db.query("UPDATE sign_in_codes SET expires_at = now() - interval '1 second'");
      await expect(anon.auth.signIn({ email: 'a@acme.example', code: created.code, deviceName: 'x' })).rejects.toMatchObject({
        message: 'invalid email or code',
      });
    });

    it('stores only hashes of codes and tokens', async () => {
      const { services, db } = testDb();
      const created = await services.auth.createOrganisation({ name: 'Acme', adminEmail: 'a@acme.example' });
      const actor = await signIn(services, created.email, created.code);
      expect(Buffer.from(actor.token, 'base64url')).toHaveLength(32);
      const tokens = await db.query<{ token_hash: string }>('SELECT token_hash FROM auth_tokens');
      expect(tokens.map((t) => t.token_hash)).toEqual([sha256(actor.token)]);
      const dump = JSON.stringify([
        ...(await db.query('SELECT * FROM auth_tokens')),
        ...(await db.query('SELECT * FROM sign_in_codes')),
      ]);
      expect(dump).not.toContain(actor.token);
      expect(dump).not.toContain(created.code);
    });

    it('rejects expired and revoked tokens, and every user of a deactivated account', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      await expect((await rep.api()).auth.me()).resolves.toBeTruthy();

      await (await rep.api()).auth.signOut();
      await expect((await rep.api()).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

      await db.query("UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [sha256(admin.token)]);
      await expect((await admin.api()).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

      const admin2 = await signedInAdmin(services, 'Org B', 'b@b.example');
      const repB = await invitedUser(services, admin2, 'rep@b.example');
      await (await admin2.api()).users.setActive({ id: repB.userId, active: false });
      await expect((await repB.api()).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const fresh = await services.auth.reissueCode(repB.userId);
      await expect((await callerFor(services, null)).auth.signIn({ email: 'rep@b.example', code: fresh, deviceName: 'x' })).rejects.toMatchObject({
        message: 'invalid email or code',
      });
    });

    it('refuses every authed procedure without a valid token', async () => {
      const { services } = testDb();
      const id = newId();
      for (const token of [null, 'not-a-real-token', 'A'.repeat(43)]) {
        const api = await callerFor(services, token);
        const calls: Promise<unknown>[] = [
          api.auth.me(),
          api.auth.signOut(),
          api.users.invite({ email: 'x@a.example', displayName: 'X', role: 'sales_rep' }),
          api.customers.get({ id }),
          api.customers.list({ limit: 10 }),
          api.sync.pull({ cursor: null, limit: 10 }),
          api.sync.push({ mutations: [{ id, baseVersion: null, kind: 'customer.delete', payload: { id } }] }),
        ];
        for (const call of calls) expect(code(await call.catch((e: unknown) => e))).toBe('UNAUTHORIZED');
      }
    });

    it('lets only admins invite, into their own organisation, once per email', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      expect(rep.orgId).toBe(admin.orgId);
      await expect((await rep.api()).users.invite({ email: 'y@a.example', displayName: 'Y', role: 'admin' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect((await admin.api()).users.invite({ email: 'REP@a.example', displayName: 'R', role: 'manager' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });
  });
});
