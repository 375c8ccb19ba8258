import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  MAX_IMPORT_BYTES,
  type ImportApplyOutput,
  type ImportInspectOutput,
  type ImportReport,
  type importInspectInputSchema,
  type importPlanInputSchema,
} from '../../../shared/schemas/import';
import type { Store } from '../../storage/repositories/index';
import { actorOf, type AuthedUser } from '../auth-service';
import { DomainError } from '../errors';
import { applyPlan } from './apply-import';
import { buildPlan, capList, type PlanSource } from './plan-import';
import { readTable } from './read-table';
import { suggestMapping } from './suggest-mapping';
import { targetInfos } from './targets';

/** Long enough to read the report and decide; apply re-checks everything anyway. */
const PLAN_TTL_MS = 2 * 60 * 60 * 1000;
const SAMPLE_ROWS = 5;

type InspectInput = z.output<typeof importInspectInputSchema>;
type PlanInput = z.output<typeof importPlanInputSchema>;

/**
 * Admins only. An import matches every row against the whole organisation's customer file
 * (duplicates by domain, tax number, code, name) and may update any of them; for anyone who may
 * not see every customer, its report would reveal customers hidden from them (docs/security.md).
 */
function requireImporter(user: AuthedUser): void {
  if (user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only administrators can import customers.');
}

function fileBytes(contentBase64: string): Uint8Array {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new DomainError('BAD_REQUEST', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  return bytes;
}

export function createImportService(store: Store, clock: () => Date = () => new Date()) {
  return {
    /** Reads the file and suggests a mapping; writes nothing. */
    async inspect(user: AuthedUser, input: InspectInput): Promise<ImportInspectOutput> {
      requireImporter(user);
      const table = await readTable(fileBytes(input.contentBase64), input.fileName);
      const definitions = await store.repos.customFieldDefinitions.listLive(user.orgId);
      return {
        format: table.format,
        encoding: table.encoding,
        headers: table.headers,
        sampleRows: table.rows.slice(0, SAMPLE_ROWS).map((r) => table.headers.map((_, i) => r.cells[i] ?? '')),
        dataRows: table.rows.length,
        suggestedMapping: suggestMapping(table.headers, input.pass, definitions),
        targets: targetInfos(input.pass, definitions),
      };
    },

    /** The dry run: a report of what apply would do, stored as a plan. Writes only the plan. */
    async plan(user: AuthedUser, input: PlanInput): Promise<ImportReport> {
      requireImporter(user);
      const table = await readTable(fileBytes(input.contentBase64), input.fileName);
      const { repos } = store;
      const source: PlanSource = {
        members: await repos.importData.members(user.orgId),
        definitions: await repos.customFieldDefinitions.listLive(user.orgId),
        customers: await repos.importData.customerKeys(user.orgId),
        customerRecords: (ids) => repos.customers.listByIds(user.orgId, ids),
        contacts: async (keys, customerIds) => {
          const ids = await repos.importData.contactIds(user.orgId, keys, customerIds);
          return repos.contacts.listByIds(user.orgId, ids);
        },
        settings: () => repos.orgSettings.effective(user.orgId),
      };
      const planId = uuidv7();
      const { pass, mapping, duplicates: policy, utcOffsetMinutes, fileName } = input;
      const request = { planId, userId: user.id, pass, mapping, duplicates: policy, utcOffsetMinutes };
      const built = await buildPlan(table, request, source);
      const [errors, duplicates, updates] = [capList(built.errors), capList(built.duplicates), capList(built.updates)];
      const expiresAt = new Date(clock().getTime() + PLAN_TTL_MS);
      const report: ImportReport = {
        planId,
        expiresAt: expiresAt.toISOString(),
        pass: input.pass,
        fileName: input.fileName,
        format: table.format,
        encoding: table.encoding,
        mapping: built.mapping,
        duplicatePolicy: input.duplicates,
        counts: built.counts,
        errors: errors.items,
        duplicates: duplicates.items,
        updates: updates.items,
        more: { errors: errors.more, duplicates: duplicates.more, updates: updates.more },
      };
      await store.transaction(async (tx) => {
        await tx.importPlans.deleteExpired();
        const { orgId, id: userId } = user;
        await tx.importPlans.insert({ id: planId, orgId, userId, pass, fileName, report, operations: built.operations, expiresAt });
      });
      return report;
    },

    /** Writes the confirmed plan in one transaction: all of it, or (on any failure) nothing. */
    async apply(user: AuthedUser, planId: string): Promise<ImportApplyOutput> {
      requireImporter(user);
      try {
        return await store.transaction((repos) => applyPlan(repos, user, planId), actorOf(user, 'imports.applyPlan'));
      } catch (error) {
        if (error instanceof DomainError) throw error;
        // SQLSTATE 22 (data exception) / 23 (constraint violation): a row the database refused.
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code === 'string' && /^2[23]/.test(code)) {
          console.error(`import ${planId} refused by the database:`, error);
          throw new DomainError(
            'CONFLICT',
            'The database refused a row while writing the import (a value out of range, or a code taken ' +
              'meanwhile), so nothing was imported. Run the dry run again.',
          );
        }
        throw error;
      }
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
