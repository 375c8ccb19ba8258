import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pullOutputSchema } from '../../shared/schemas/sync';
import { appRouter } from '../../server/trpc/app-router';
import { fuzzInput, type JsonSchema } from '../support/json-schema-arbitrary';
import { callerFor } from './support/actors';
import { arrange } from './support/arrange';
import { arrangeMail } from './support/arrange-mail';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { ingestionServices } from './support/ingestion';
import { FakeGoogle } from '../fakes/fake-google';
import { orgWorld } from './support/org-world';

/**
 * Property-based fuzzing of every procedure's input, generated from the procedure's own zod
 * schema (z.toJSONSchema → test/support/json-schema-arbitrary.ts), against a scene with records
 * of every kind: FUZZ_RUNS cases per procedure (2,000 by default), each answered with a result or
 * a clear refusal and never an internal error; afterwards every stored row still reads back
 * through the contract (the pull and the list parse every row).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: z.ZodType[]; type: string } }> } })._def.procedures;
const withInput = Object.entries(procedures).filter(([, p]) => p._def.inputs.length > 0);
/** Nothing to fuzz: these take no input at all. */
const WITHOUT_INPUT = ['auth.me', 'auth.signOut', 'users.list', 'mail.providers', 'mail.neverLogList'];
const REFUSALS = ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'PAYLOAD_TOO_LARGE'];

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

describe.each(databaseKinds.slice(0, 1))('fuzzing every procedure on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('takes every procedure with an input, and knows why the others are left out', () => {
      expect(Object.keys(procedures).filter((p) => !withInput.some(([q]) => q === p)).sort()).toEqual(WITHOUT_INPUT.sort());
    });

    for (const [path, procedure] of withInput) {
      it(`${path}: ${RUNS} generated inputs, no internal error, nothing stored that does not read back`, { timeout: 600_000 }, async () => {
        fake.mailboxes.clear();
        const db = testDb();
        const t = { ...db, services: ingestionServices(db.store, { google: fake.url }).services };
        const w = await orgWorld(t.services);
        const a = await arrange(t, w);
        const mail = await arrangeMail(t.services, w, fake);
        const knownIds = [a.east, a.west, ...Object.values(a.ids), ...Object.values(w.departments), w.eastRep.userId, w.admin.userId, mail.accountId, mail.entryId];
        const schema = z.toJSONSchema(procedure._def.inputs[0]!, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
        // An admin reaches every code path; a rep and a support lead the refusals of everything
        // hidden from them. One caller each (a request's context), so the runs go to the procedure.
        const people = [w.admin, w.admin, w.eastRep, w.supportLead];
        const callers = await Promise.all(people.map((p) => callerFor(t.services, p.token, '203.0.113.9')));
        const codes = new Map<string, number>();
        await fc.assert(
          fc.asyncProperty(fuzzInput(schema, { knownIds }), fc.nat(callers.length - 1), async (input, who) => {
            const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callers[who]) as (i: unknown) => Promise<unknown>;
            const code = await fn(input).then(
              () => 'OK',
              (e: { code?: string }) => e.code ?? 'THROWN',
            );
            codes.set(code, (codes.get(code) ?? 0) + 1);
            if (code !== 'OK' && !REFUSALS.includes(code)) throw new Error(`${path} answered ${code} to ${JSON.stringify(input).slice(0, 500)}`);
          }),
          { numRuns: RUNS, seed: 20261203, endOnFailure: true },
        );
        if (process.env.FUZZ_REPORT) console.log(path, Object.fromEntries(codes));
        expect([...codes.keys()].every((c) => c === 'OK' || REFUSALS.includes(c))).toBe(true);
        // Everything stored still parses: the pull checks each row against the contract (tRPC
        // output schemas), and so does the customer list.
        const admin = await callerFor(t.services, w.admin.token);
        let cursor: string | null = null;
        for (;;) {
          const page = pullOutputSchema.parse(await admin.sync.pull({ cursor, limit: 5000 }));
          if (page.resetRequired || !page.hasMore) break;
          cursor = page.nextCursor;
        }
        await expect(admin.customers.list({ limit: 500 })).resolves.toBeTruthy();
      });
    }
  });
});
