import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS } from '../../shared/schemas/org-settings';
import { defaultTimeZone } from '../../server/domain/default-time-zone';
import { invitedUser, signedInAdmin, signIn } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { fu } from './support/follow-ups';
import { outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

describe('the organisation time zone at creation', () => {
  it('is CRM_TIME_ZONE when set and valid, else the machine zone, and refuses a zone that does not exist', () => {
    expect(defaultTimeZone('Europe/Berlin', 'UTC')).toBe('Europe/Berlin');
    expect(defaultTimeZone(undefined, 'America/New_York')).toBe('America/New_York');
    expect(defaultTimeZone(undefined, 'Not/AZone')).toBe('Asia/Shanghai');
    expect(() => defaultTimeZone('Mars/Olympus', 'UTC')).toThrow('CRM_TIME_ZONE=Mars/Olympus is not a time zone');
  });
});

describe.each(databaseKinds)('organisation settings on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('an admin changes groups of settings; members pull them; a rep may not; the jobs read them', async () => {
      const { services, store } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const sla = { firstReplyHours: 8, urgentFirstReplyHours: 1 };
      const out = await (await admin.api()).sync.push({ mutations: [fu.settings({ sla, reminderHour: 8 }), fu.settings({ timeZone: 'Europe/Berlin' })] });
      expect(outcomes(out)).toEqual(['applied', 'applied']);
      const refused = await (await rep.api()).sync.push({ mutations: [fu.settings({ reminderHour: 7 })] });
      expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', reason: 'Only an administrator can change the organisation settings.' });

      const [row] = rowsOf((await pullAll(await rep.api())).changes, 'orgSettings');
      expect(row).toMatchObject({ id: admin.orgId, sla, reminderHour: 8, timeZone: 'Europe/Berlin', cadences: DEFAULT_ORG_SETTINGS.cadences });
      expect(await store.repos.orgSettings.effective(admin.orgId)).toMatchObject({ reminderHour: 8, timeZone: 'Europe/Berlin' });
    });

    it('refuses invalid settings at the API with a message naming the field', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      await expect(api.sync.push({ mutations: [fu.settings({ timeZone: 'Mars/Olympus' })] })).rejects.toThrow(/time zone such as Asia\/Shanghai/);
      await expect(api.sync.push({ mutations: [fu.settings({ reminderHour: 24 })] })).rejects.toThrow(/reminderHour/);
    });

    it('a new organisation starts in the zone it was created with', async () => {
      const { services } = testDb();
      const created = await services.auth.createOrganisation({ name: '东京支社', adminEmail: 'boss@tokyo.example', timeZone: 'Asia/Tokyo' });
      const admin = await signIn(services, created.email, created.code);
      const [row] = rowsOf((await pullAll(await admin.api())).changes, 'orgSettings');
      expect(row).toMatchObject({ id: created.orgId, timeZone: 'Asia/Tokyo', reminderHour: DEFAULT_ORG_SETTINGS.reminderHour });
    });
  });
});
