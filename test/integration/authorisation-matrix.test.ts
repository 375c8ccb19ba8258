import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationSchema, type MutationInput } from '../../shared/schemas/sync';
import { sha256 } from '../../server/domain/secrets';
import { appRouter } from '../../server/trpc/app-router';
import { callerFor, signIn, signedInAdmin, type Actor } from './support/actors';
import { arrange, SECRET, TAX, type Arranged } from './support/arrange';
import { arrangeMail, MAIL_SECRET } from './support/arrange-mail';
import { databaseKinds, kindLabel, useTestDatabase, type TestDatabase } from './support/databases';
import { newId } from './support/ids';
import { upload } from './support/imports';
import { ingestionServices } from './support/ingestion';
import { fu } from './support/follow-ups';
import { m } from './support/mutations';
import { sv } from './support/service-visits';
import { orgWorld, type OrgWorld, type PersonName } from './support/org-world';
import { FakeGoogle } from '../fakes/fake-google';

/**
 * Every tRPC procedure, read from the router itself (a new procedure fails this file until it
 * has a line below), and every sync mutation kind, called as: no token, an expired, a revoked
 * and a deactivated user's token, another organisation's admin, each role without access, and
 * one role with access. On every answer (and every refusal's message) a leak detector looks for
 * the arranged data each caller may not see. PGlite only: the rules under test are in the
 * application; visibility.test.ts runs the SQL on both engines.
 */
type Scene = TestDatabase & { w: OrgWorld; a: Arranged; mail: { accountId: string; entryId: string }; other: Actor; spareDepartment: string };
type Case = {
  /** 'public': no token needed; 'everyone': any signed-in member; else the roles that get an answer. */
  allowed: 'public' | 'everyone' | PersonName[];
  input: (s: Scene) => unknown | Promise<unknown>;
  /** The same call naming a record that does not exist: a hidden one must be refused identically. */
  missing?: (s: Scene) => unknown;
};
const PEOPLE: PersonName[] = ['admin', 'eastManager', 'eastRep', 'eastRep2', 'westRep', 'accountManager', 'supportLead'];
const ADMIN_ONLY: PersonName[] = ['admin'];
const SEES_EAST: PersonName[] = ['admin', 'eastManager', 'eastRep', 'supportLead'];
/** The East rep's mailbox and personal never-log entry: theirs alone. */
const MAILBOX_OWNER: PersonName[] = ['eastRep'];

const ORGANISATION_REPORT = { period: { kind: 'this-month' }, scope: 'organisation' } as const;

const procedures: Record<string, Case> = {
  'auth.signIn': { allowed: 'public', input: async (s) => ({ email: s.w.westRep.email, code: await s.services.auth.reissueCode(s.w.westRep.userId) }) },
  'auth.signOut': { allowed: 'everyone', input: () => undefined },
  'auth.me': { allowed: 'everyone', input: () => undefined },
  'users.list': { allowed: ADMIN_ONLY, input: () => undefined },
  'users.invite': { allowed: ADMIN_ONLY, input: () => ({ email: `new.${newId()}@a.example`, displayName: 'New', role: 'sales_rep' }) },
  'users.issueCode': { allowed: ADMIN_ONLY, input: (s) => ({ id: s.w.eastRep.userId }), missing: () => ({ id: newId() }) },
  'users.update': { allowed: ADMIN_ONLY, input: (s) => ({ id: s.w.westRep.userId, role: 'manager' }), missing: () => ({ id: newId(), role: 'manager' }) },
  'users.setActive': { allowed: ADMIN_ONLY, input: (s) => ({ id: s.w.accountManager.userId, active: false }), missing: () => ({ id: newId(), active: false }) },
  'customers.get': { allowed: SEES_EAST, input: (s) => ({ id: s.a.east }), missing: () => ({ id: newId() }) },
  'customers.list': { allowed: 'everyone', input: () => ({ limit: 100 }) },
  'customers.handOver': {
    allowed: ['admin', 'eastManager'],
    input: (s) => ({ fromUserId: s.w.eastRep.userId, toUserId: s.w.eastRep2.userId }),
    missing: (s) => ({ fromUserId: newId(), toUserId: s.w.eastRep2.userId }),
  },
  'sync.push': { allowed: 'everyone', input: () => ({ mutations: [m.createCustomer('Mine')] }) },
  'sync.pull': { allowed: 'everyone', input: () => ({ cursor: null, limit: 1000 }) },
  'imports.inspect': { allowed: ADMIN_ONLY, input: () => upload('Name\nAcme\n') },
  'imports.plan': { allowed: ADMIN_ONLY, input: () => upload('Name\nAcme\n') },
  'imports.applyPlan': {
    allowed: ADMIN_ONLY,
    input: async (s) => ({ planId: (await (await s.w.admin.api()).imports.plan(upload('Name\nAcme\n'))).planId }),
    missing: () => ({ planId: newId() }),
  },
  'departments.create': { allowed: ADMIN_ONLY, input: () => ({ name: `Dept ${newId()}` }) },
  'departments.rename': { allowed: ADMIN_ONLY, input: (s) => ({ id: s.w.departments.east, name: 'Renamed' }), missing: () => ({ id: newId(), name: 'x' }) },
  'departments.delete': { allowed: ADMIN_ONLY, input: (s) => ({ id: s.spareDepartment }), missing: () => ({ id: newId() }) },
  'audit.list': { allowed: ADMIN_ONLY, input: () => ({ limit: 500 }) },
  // Issue 5: a connected account is its owner's alone (another person's, admins' included, is
  // "not found"); anyone may connect their own; organisation-wide never-log entries are admins'.
  'mail.providers': { allowed: 'everyone', input: () => undefined },
  'mail.connectUrl': { allowed: 'everyone', input: () => ({ provider: 'google' }) },
  'mail.disconnect': { allowed: MAILBOX_OWNER, input: (s) => ({ accountId: s.mail.accountId }), missing: () => ({ accountId: newId() }) },
  'mail.update': { allowed: MAILBOX_OWNER, input: (s) => ({ accountId: s.mail.accountId, sharing: 'metadata' }), missing: () => ({ accountId: newId(), sharing: 'metadata' }) },
  'mail.calendars': { allowed: MAILBOX_OWNER, input: (s) => ({ accountId: s.mail.accountId }), missing: () => ({ accountId: newId() }) },
  'mail.syncNow': { allowed: MAILBOX_OWNER, input: (s) => ({ accountId: s.mail.accountId }), missing: () => ({ accountId: newId() }) },
  'mail.neverLogList': { allowed: 'everyone', input: () => undefined },
  'mail.neverLogAdd': { allowed: ADMIN_ONLY, input: () => ({ kind: 'domain', value: `spam-${newId()}.example`, scope: 'organisation' }) },
  'mail.neverLogRemove': { allowed: MAILBOX_OWNER, input: (s) => ({ id: s.mail.entryId }), missing: () => ({ id: newId() }) },
  // Issue 9: the organisation's figures are admins'; support leads get its service figures
  // (reports.test.ts checks 'me' and 'department' for every role).
  'reports.customers': { allowed: ADMIN_ONLY, input: () => ORGANISATION_REPORT },
  'reports.cadence': { allowed: ADMIN_ONLY, input: () => ORGANISATION_REPORT },
  'reports.activity': { allowed: ADMIN_ONLY, input: () => ORGANISATION_REPORT },
  'reports.service': { allowed: ['admin', 'supportLead'], input: () => ORGANISATION_REPORT },
  'reports.growth': { allowed: ADMIN_ONLY, input: () => ORGANISATION_REPORT },
  'reports.rows': { allowed: ADMIN_ONLY, input: () => ({ ...ORGANISATION_REPORT, figure: 'customers.current' }) },
};

/**
 * Every mutation kind a push carries, aimed at East Co (the East rep's customer) or its records.
 * `before`: the steps (as the admin) that bring a record to the stage the change needs.
 */
const EAST_WRITERS: PersonName[] = ['admin', 'eastManager', 'eastRep'];
type KindCase = { allowed: 'everyone' | PersonName[]; make: (s: Scene, id?: string) => MutationInput; before?: (s: Scene) => Promise<void> };
const past = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
async function asAdmin(s: Scene, ...mutations: MutationInput[]) {
  const out = await (await s.w.admin.api()).sync.push({ mutations });
  expect(out.results.map((r) => r.status), JSON.stringify(out.results)).toEqual(mutations.map(() => 'applied'));
}
/** The arranged complaint committed, then with three options and the customer's choice, then resolved. */
const complaintAt = {
  options: (s: Scene) => asAdmin(s, sv.commit(s.a.ids.serviceItem, ahead(7))),
  resolve: async (s: Scene) => {
    await complaintAt.options(s);
    await asAdmin(s, sv.options(s.a.ids.serviceItem, ['加急发货', '部分退款', '换货'], 1));
  },
  close: async (s: Scene) => {
    await complaintAt.resolve(s);
    await asAdmin(s, sv.resolve(s.a.ids.serviceItem, '已加急发货', '客户已收货', { resolvedAt: past(1) }));
    const open = await s.db.query<{ id: string }>("SELECT id FROM follow_ups WHERE source_id = $1 AND status = 'open'", [s.a.ids.serviceItem]);
    await asAdmin(s, ...open.map((f) => fu.complete(f.id, 'skipped', { completedAt: past(0) })));
  },
};
/** Issue 4's kinds: follow-ups, touches and service items need any access to East Co (support leads too); visits shared access; reviews a manager of it or an admin; settings an admin. */
const issue4Kinds: Record<Extract<MutationInput['kind'], `followUp.${string}` | `service.${string}` | `visit.${string}` | 'interaction.log' | 'orgSettings.update'>, KindCase> = {
  'followUp.create': { allowed: SEES_EAST, make: (s, id = s.a.east) => fu.create(id, s.w.eastRep.userId) },
  'followUp.update': { allowed: SEES_EAST, make: (s, id = s.a.ids.followUp) => fu.update(id, { reason: '改期到下周' }) },
  'followUp.complete': { allowed: SEES_EAST, make: (s, id = s.a.ids.followUp) => fu.complete(id, 'done', { completedAt: past(0) }) },
  'followUp.reopen': { allowed: SEES_EAST, make: (s, id = s.a.ids.followUp) => fu.reopen(id) },
  'followUp.customerReplied': { allowed: SEES_EAST, make: (s, id = s.a.ids.followUp) => fu.customerReplied(id) },
  'interaction.log': { allowed: SEES_EAST, make: (s, id = s.a.east) => fu.logTouch(id, 'call', past(1)) },
  'orgSettings.update': { allowed: ADMIN_ONLY, make: () => fu.settings({ timeZone: 'Asia/Shanghai' }) },
  'service.create': { allowed: SEES_EAST, make: (s, id = s.a.east) => sv.create(id, s.w.supportLead.userId, { receivedAt: past(2) }) },
  'service.update': { allowed: SEES_EAST, make: (s, id = s.a.ids.serviceItem) => sv.update(id, { summary: '交货延迟三周' }) },
  'service.firstReply': { allowed: SEES_EAST, make: (s, id = s.a.ids.serviceItem) => sv.firstReply(id, past(0)) },
  'service.commit': { allowed: SEES_EAST, make: (s, id = s.a.ids.serviceItem) => sv.commit(id, ahead(7)) },
  'service.options': { allowed: SEES_EAST, before: complaintAt.options, make: (s, id = s.a.ids.serviceItem) => sv.options(id, ['加急发货', '部分退款', '换货']) },
  'service.resolve': {
    allowed: SEES_EAST,
    before: complaintAt.resolve,
    make: (s, id = s.a.ids.serviceItem) => sv.resolve(id, '已加急发货', '客户已收货', { resolvedAt: past(1) }),
  },
  'service.close': { allowed: SEES_EAST, before: complaintAt.close, make: (s, id = s.a.ids.serviceItem) => sv.close(id) },
  'visit.plan': { allowed: EAST_WRITERS, make: (s, id = s.a.east) => sv.plan(id, s.w.eastRep.userId, [s.a.ids.contact], { plannedAt: ahead(2) }) },
  'visit.update': { allowed: EAST_WRITERS, make: (s, id = s.a.ids.visit) => sv.updateVisit(id, { purpose: '改为技术交流' }) },
  'visit.cancel': { allowed: EAST_WRITERS, make: (s, id = s.a.ids.visit) => sv.cancel(id) },
  'visit.report': { allowed: EAST_WRITERS, make: (s, id = s.a.ids.visit) => sv.report(id, { heldAt: past(2), reportedAt: past(1) }) },
  'visit.review': {
    allowed: ['admin', 'eastManager'],
    before: (s) => asAdmin(s, sv.report(s.a.ids.visit, { heldAt: past(2), reportedAt: past(1) })),
    make: (s, id = s.a.ids.visit) => sv.review(id, '跟进到位'),
  },
};
const kinds: Record<MutationInput['kind'], KindCase> = {
  ...issue4Kinds,
  'customer.create': { allowed: 'everyone', make: () => m.createCustomer('Mine') },
  'customer.update': { allowed: EAST_WRITERS, make: (s, id = s.a.east) => m.updateCustomer(id, { customerClass: 'C' }) },
  'customer.delete': { allowed: EAST_WRITERS, make: (s, id = s.a.east) => m.deleteCustomer(id) },
  'contact.create': { allowed: EAST_WRITERS, make: (s, id = s.a.east) => m.createContact(id, '新联系人', []) },
  'contact.update': { allowed: EAST_WRITERS, make: (s, id = s.a.ids.contact) => m.updateContact(id, { title: '经理' }) },
  'contact.delete': { allowed: EAST_WRITERS, make: (s, id = s.a.ids.contact) => m.deleteContact(id) },
  'note.create': { allowed: SEES_EAST, make: (s, id = s.a.east) => m.createNote(id, 'called') },
  'matchChoice.set': { allowed: SEES_EAST, make: (s, id = s.a.east) => m.setMatchChoice('buyer@east.example', id) },
  'customField.save': { allowed: ADMIN_ONLY, make: () => m.saveCustomField({ key: `k_${Math.floor(Math.random() * 1e6)}`, label: 'K', type: 'text', options: [] }) },
  'customField.delete': { allowed: ADMIN_ONLY, make: (s, id) => m.deleteCustomField(id ?? s.a.ids.customField) },
};

/** What each person may find in any answer; the other organisation, nothing of org A's records. */
function canaries(s: Scene, who: PersonName | 'other'): string[] {
  const sees = (list: PersonName[]) => who !== 'other' && list.includes(who);
  return [
    ...(sees(SEES_EAST) ? [] : [s.a.east, 'East Co', 'zhang.wei@east.example']),
    ...(sees(EAST_WRITERS) ? [] : ['shared note', SECRET.bank, SECRET.projects, TAX]),
    ...(who === 'eastRep' ? [] : ['only mine', MAIL_SECRET.subject, MAIL_SECRET.body, MAIL_SECRET.neverLog]),
    // The admin's audit trail names the account (who connected which mailbox), never its mail.
    ...(who === 'eastRep' || who === 'admin' ? [] : [s.mail.accountId]),
  ];
}

async function call(s: Scene, token: string | null, path: string, input: unknown) {
  const caller = await callerFor(s.services, token);
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  return fn(input).then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string; message?: string }) => ({ ok: false as const, code: error.code, message: error.message }),
  );
}

const expectNoLeak = (s: Scene, who: PersonName | 'other', answer: unknown, label: string) => {
  const text = JSON.stringify(answer);
  for (const canary of canaries(s, who)) expect(text.includes(canary), `${label}: ${who} received "${canary}"`).toBe(false);
};

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

async function scene(db: TestDatabase): Promise<Scene> {
  fake.mailboxes.clear();
  const t = { ...db, services: ingestionServices(db.store, { google: fake.url }).services };
  const w = await orgWorld(t.services);
  const a = await arrange(t, w);
  const mail = await arrangeMail(t.services, w, fake);
  const other = await signedInAdmin(t.services, 'Org B', 'admin@b.example');
  const spareDepartment = (await (await w.admin.api()).departments.create({ name: 'Spare' })).id;
  return { ...t, w, a, mail, other, spareDepartment };
}

/** Sessions that must not work: expired, revoked, and of a deactivated user. */
async function deadTokens(s: Scene): Promise<Record<string, string>> {
  const session = async (who: Actor) => (await signIn(s.services, who.email, await s.services.auth.reissueCode(who.userId))).token;
  const expired = await session(s.w.eastRep);
  await s.db.query("UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [sha256(expired)]);
  const revoked = await session(s.w.eastRep);
  await (await callerFor(s.services, revoked)).auth.signOut();
  const gone = await signIn(s.services, ...(await invite(s, 'gone')));
  await (await s.w.admin.api()).users.setActive({ id: gone.userId, active: false });
  return { expired, revoked, deactivated: gone.token };
}

async function invite(s: Scene, name: string): Promise<[string, string]> {
  const email = `${name}@a.example`;
  const { code } = await (await s.w.admin.api()).users.invite({ email, displayName: name, role: 'admin' });
  return [email, code];
}

describe.each(databaseKinds.slice(0, 1))('authorisation matrix on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('covers every procedure of the router and every mutation kind', () => {
      const routerProcedures = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures);
      expect(routerProcedures.sort()).toEqual(Object.keys(procedures).sort());
      expect(mutationSchema.options.map((o) => o.shape.kind.value).sort()).toEqual(Object.keys(kinds).sort());
    });

    for (const [path, spec] of Object.entries(procedures)) {
      it(`${path}: refused without a valid session, to other organisations and to roles without access; answered to one with access`, async () => {
        const s = await scene(testDb());
        const input = await spec.input(s);
        for (const [label, token] of Object.entries({ none: null, ...(await deadTokens(s)) })) {
          const answer = await call(s, token, path, input);
          if (spec.allowed === 'public') expectNoLeak(s, 'other', answer, `${path} as ${label}`);
          else expect(answer, `${path} with ${label} token`).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
        }
        const foreign = await call(s, s.other.token, path, input);
        expectNoLeak(s, 'other', foreign, `${path} as another organisation`);
        if (spec.missing) {
          const missing = await call(s, s.other.token, path, spec.missing(s));
          expect(foreign, `${path}: another organisation's record must look missing`).toEqual(missing);
        }
        const allowed = Array.isArray(spec.allowed) ? spec.allowed : PEOPLE;
        for (const who of PEOPLE.filter((p) => !allowed.includes(p))) {
          const answer = await call(s, s.w[who].token, path, input);
          expect(answer.ok, `${path} as ${who} must be refused`).toBe(false);
          expect(['FORBIDDEN', 'NOT_FOUND']).toContain((answer as { code: string }).code);
          expectNoLeak(s, who, answer, path);
          if (spec.missing && (answer as { code: string }).code === 'NOT_FOUND') {
            expect(answer, `${path} as ${who}: hidden must look missing`).toEqual(await call(s, s.w[who].token, path, spec.missing(s)));
          }
        }
        // Everyone else who may call it: their answer holds only what they may see.
        for (const who of allowed.slice(1)) expectNoLeak(s, who, await call(s, s.w[who].token, path, await spec.input(s)), path);
        const granted = allowed[0]!;
        const answer = await call(s, s.w[granted].token, path, await spec.input(s));
        expect(answer, `${path} as ${granted}`).toMatchObject({ ok: true });
        expectNoLeak(s, granted, answer, path);
      });
    }

    for (const [kindName, spec] of Object.entries(kinds)) {
      it(`sync.push ${kindName}: hidden is "not found" exactly like missing; no access is refused; access applies`, async () => {
        const s = await scene(testDb());
        await spec.before?.(s);
        const push = async (token: string, mutation: MutationInput) => {
          const out = (await (await callerFor(s.services, token)).sync.push({ mutations: [mutation] })).results[0]!;
          return out.status === 'applied' ? { status: 'applied' } : { status: out.status, code: out.code, reason: out.reason };
        };
        const ghost = ['customer.create', 'customField.save', 'orgSettings.update'].includes(kindName) ? undefined : newId();
        const foreign = await push(s.other.token, spec.make(s));
        if (ghost) expect(foreign, `${kindName} from another organisation`).toEqual(await push(s.other.token, spec.make(s, ghost)));
        else expect(foreign).toEqual({ status: 'applied' });
        const allowed = spec.allowed === 'everyone' ? PEOPLE : spec.allowed;
        for (const who of PEOPLE.filter((p) => !allowed.includes(p))) {
          const answer = await push(s.w[who].token, spec.make(s));
          expect(answer.status, `${kindName} as ${who}`).toBe('rejected');
          expect(['forbidden', 'not_found']).toContain(answer.code);
          expectNoLeak(s, who, answer, kindName);
          if (answer.code === 'not_found' && ghost) expect(answer).toEqual(await push(s.w[who].token, spec.make(s, ghost)));
        }
        expect(await push(s.w[allowed[0]!].token, spec.make(s)), `${kindName} as ${allowed[0]}`).toEqual({ status: 'applied' });
      });
    }
  });
});
