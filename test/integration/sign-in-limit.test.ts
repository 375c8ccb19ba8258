import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../server/domain/sign-in-limit';
import { callerFor, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';

describe.each(databaseKinds)('sign-in rate limit on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    const signIn = async (services: Parameters<typeof callerFor>[0], email: string, code: string, from = '203.0.113.7') =>
      (await callerFor(services, null, from)).auth.signIn({ email, code, deviceName: 'test' }).then(
        () => 'ok',
        (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
      );

    it('stops guessing at one address after the limit, the same way whether or not it has an account', async () => {
      const { services, db } = testDb();
      const created = await services.auth.createOrganisation({ name: 'A', adminEmail: 'boss@a.example' });
      for (const email of ['boss@a.example', 'nobody@a.example']) {
        for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
          expect(await signIn(services, email, 'WRONGCODE1234')).toBe('UNAUTHORIZED: invalid email or code');
        }
        expect(await signIn(services, email, 'WRONGCODE1234')).toMatch(/^TOO_MANY_REQUESTS: too many failed sign-ins: try again in 1[45] minutes$/);
      }
      // Even the right code waits: the limit is checked before the code.
      expect(await signIn(services, 'boss@a.example', created.code, '198.51.100.1')).toMatch(/^TOO_MANY_REQUESTS/);
      // Once the window has passed, the right code works (and clears the count).
      await db.query("UPDATE sign_in_failures SET window_started_at = now() - interval '16 minutes'");
      expect(await signIn(services, 'BOSS@a.example', created.code, '198.51.100.1')).toBe('ok');
    });

    it('stops one client guessing across many addresses', async () => {
      const { services } = testDb();
      await signedInAdmin(services);
      for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) {
        expect(await signIn(services, `user${i}@a.example`, 'WRONGCODE1234', '192.0.2.50')).toMatch(/^UNAUTHORIZED/);
      }
      expect(await signIn(services, 'fresh@a.example', 'WRONGCODE1234', '192.0.2.50')).toMatch(/^TOO_MANY_REQUESTS/);
      // Another client is not affected.
      expect(await signIn(services, 'fresh@a.example', 'WRONGCODE1234', '192.0.2.51')).toMatch(/^UNAUTHORIZED/);
    });
  });
});
