import { normaliseEmail } from '../../../shared/domain/email';
import { contactCreateSchema, contactPatchSchema, type ContactCreate, type ContactPatch } from '../../../shared/schemas/contact';
import { customFieldProblem } from '../../../shared/schemas/custom-field';
import { customerCreateSchema, customerPatchSchema, type CustomerCreate, type CustomerPatch } from '../../../shared/schemas/customer';
import type { RuleFollowUp } from '../../../shared/domain/rule-follow-up';
import type { NewServiceItem } from '../../../shared/domain/service-effects';
import { followUpSchema } from '../../../shared/schemas/follow-up';
import { serviceItemSchema } from '../../../shared/schemas/service-item';
import type { ImportApplyOutput } from '../../../shared/schemas/import';
import type { Entity } from '../../../shared/schemas/sync';
import { timelineItemSchema } from '../../../shared/schemas/timeline';
import type { Repositories } from '../../storage/repositories/index';
import type { NewTimelineItem } from '../../storage/repositories/timeline-items';
import type { ImportedFollowUp } from './plan-history';
import type { AuthedUser } from '../auth-service';
import { DomainError } from '../errors';
import { planOperationsSchema, type PlanOperations } from './plan-operations';

const RERUN = 'Run the dry run again.';
const changed = (problems: string[]) =>
  new DomainError(
    'CONFLICT',
    `The data changed since the dry run, so nothing was imported: ${problems.slice(0, 5).join('; ')}` +
      `${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}. ${RERUN}`,
  );

/**
 * Writes exactly the stored plan, inside the caller's transaction: first every assumption of the
 * dry run is checked again (versions, free codes and tax numbers, live customers, owners, custom
 * fields), then everything is written, with one change-log entry per row so the import reaches
 * every replica by the normal pull. Any failure throws and the transaction writes nothing.
 */
export async function applyPlan(repos: Repositories, user: AuthedUser, planId: string): Promise<ImportApplyOutput> {
  const plan = await repos.importPlans.getForUpdate(user.orgId, planId);
  if (!plan || plan.userId !== user.id) throw new DomainError('NOT_FOUND', `No such import plan. ${RERUN}`);
  if (plan.appliedAt) throw new DomainError('CONFLICT', `This import plan was already applied (${plan.appliedAt}).`);
  if (plan.expired) throw new DomainError('CONFLICT', `This import plan expired at ${plan.expiresAt}. ${RERUN}`);
  const stored = planOperationsSchema.safeParse(plan.operations);
  if (!stored.success) throw new DomainError('CONFLICT', `This import plan can no longer be read. ${RERUN}`);
  const ops = parseOperations(stored.data);

  const problems = await checkAssumptions(repos, user.orgId, stored.data, ops);
  if (problems.length > 0) throw changed(problems);

  const { orgId } = user;
  await repos.importData.insertCustomers(orgId, ops.customerCreates);
  for (const u of ops.customerUpdates) await repos.customers.applyPatch(orgId, u.id, u.patch);
  await repos.importData.insertContacts(orgId, ops.contactCreates);
  for (const u of ops.contactUpdates) await repos.contacts.applyPatch(orgId, u.id, u.patch);
  await repos.importData.insertTimelineItems(orgId, ops.historyCreates);
  // New owners: the department follows, and who may see those customers' records changed.
  const reowned = ops.customerUpdates.filter((u) => u.patch.ownerUserId !== undefined).map((u) => u.id);
  await repos.importData.departmentsFromOwners(orgId, [...ops.customerCreates.map((c) => c.id), ...reowned]);
  await repos.followUps.insertImported(orgId, ops.followUpCreates);
  // Open service items at cut-over are few (not thousands like history): one statement each.
  for (const item of ops.serviceCreates) await repos.serviceItems.insert(orgId, item);
  for (const made of ops.serviceFollowUps) await repos.followUps.insertRuleMade(orgId, made.row, made.dedupeKey);
  const upsert = (entity: Entity) => (row: { id: string }) => ({ entity, entityId: row.id, op: 'upsert' as const });
  await repos.changeLog.appendMany(orgId, [
    ...[...ops.customerCreates, ...ops.customerUpdates].map(upsert('customer')),
    ...[...ops.contactCreates, ...ops.contactUpdates].map(upsert('contact')),
    ...ops.historyCreates.map(upsert('timelineItem')),
    ...ops.followUpCreates.map(upsert('followUp')),
    ...ops.serviceCreates.map(upsert('serviceItem')),
    ...ops.serviceFollowUps.map((f) => f.row).map(upsert('followUp')),
  ]);
  await repos.changeLog.appendDependentsOf(orgId, reowned);
  await repos.importPlans.markApplied(plan.id);
  return {
    planId: plan.id,
    customersCreated: ops.customerCreates.length,
    customersUpdated: ops.customerUpdates.length,
    contactsCreated: ops.contactCreates.length,
    contactsUpdated: ops.contactUpdates.length,
    historyCreated: ops.historyCreates.length,
    followUpsCreated: ops.followUpCreates.length,
    serviceItemsCreated: ops.serviceCreates.length,
  };
}

type Parsed = {
  customerCreates: CustomerCreate[];
  customerUpdates: { id: string; version: number; row: number; patch: CustomerPatch }[];
  contactCreates: ContactCreate[];
  contactUpdates: { id: string; version: number; row: number; patch: ContactPatch }[];
  historyCreates: NewTimelineItem[];
  followUpCreates: ImportedFollowUp[];
  serviceCreates: NewServiceItem[];
  serviceFollowUps: RuleFollowUp[];
};

/** Fields the database keeps itself. */
const MANAGED = { createdAt: true, updatedAt: true, version: true } as const;

/** The stored plan through the same schemas as the API: a plan made by an older server is re-checked. */
function parseOperations(ops: PlanOperations): Parsed {
  try {
    const normalised = (emails: string[]) => [...new Set(emails.map(normaliseEmail))];
    return {
      customerCreates: ops.customerCreates.map((c) => customerCreateSchema.parse(c)),
      customerUpdates: ops.customerUpdates.map((u) => ({ ...u, patch: customerPatchSchema.parse(u.patch) })),
      contactCreates: ops.contactCreates.map((c) => {
        const contact = contactCreateSchema.parse(c);
        return { ...contact, emails: normalised(contact.emails) };
      }),
      contactUpdates: ops.contactUpdates.map((u) => {
        const patch = contactPatchSchema.parse(u.patch);
        return { ...u, patch: patch.emails ? { ...patch, emails: normalised(patch.emails) } : patch };
      }),
      historyCreates: ops.historyCreates.map((t) => timelineItemSchema.omit({ createdAt: true }).parse(t)),
      followUpCreates: ops.followUpCreates.map((f) => followUpSchema.omit(MANAGED).parse(f)),
      serviceCreates: ops.serviceCreates.map((s) => serviceItemSchema.omit(MANAGED).parse(s)),
      serviceFollowUps: ops.serviceFollowUps.map((f) => ({ ...f, row: followUpSchema.omit(MANAGED).parse(f.row) })),
    };
  } catch {
    throw new DomainError('CONFLICT', `This import plan no longer fits the customer file. ${RERUN}`);
  }
}

async function checkAssumptions(repos: Repositories, orgId: string, stored: PlanOperations, ops: Parsed): Promise<string[]> {
  const problems: string[] = [];
  const customerVersions = await repos.importData.liveVersions('customers', orgId, [
    ...ops.customerUpdates.map((u) => u.id),
    ...stored.expect.liveCustomerIds,
  ]);
  for (const u of ops.customerUpdates) {
    const now = customerVersions.get(u.id);
    if (now === undefined) problems.push(`the customer of row ${u.row} was deleted`);
    else if (now !== u.version) problems.push(`the customer of row ${u.row} was edited`);
  }
  for (const id of stored.expect.liveCustomerIds) {
    if (!customerVersions.has(id)) problems.push(`customer ${id} was deleted`);
  }
  const contactVersions = await repos.importData.liveVersions('contacts', orgId, ops.contactUpdates.map((u) => u.id));
  for (const u of ops.contactUpdates) {
    const now = contactVersions.get(u.id);
    if (now === undefined) problems.push(`the contact of row ${u.row} was deleted`);
    else if (now !== u.version) problems.push(`the contact of row ${u.row} was edited`);
  }
  const { freeCodes, freeTaxNumbers } = stored.expect;
  const updatedIds = new Set(ops.customerUpdates.map((u) => u.id));
  for (const holder of await repos.importData.customersHolding(orgId, freeCodes, freeTaxNumbers)) {
    if (updatedIds.has(holder.id)) continue;
    if (holder.code !== null && freeCodes.includes(holder.code)) {
      problems.push(`code ${holder.code} is now used by ${holder.name}`);
    } else if (holder.tax_number !== null && freeTaxNumbers.includes(holder.tax_number)) {
      problems.push(`tax number ${holder.tax_number} is now used by ${holder.name}`);
    }
  }
  const written = [...ops.customerCreates, ...ops.customerUpdates.map((u) => u.patch)];
  const owners = [...new Set([...written, ...ops.followUpCreates, ...ops.serviceCreates].flatMap((c) => (c.ownerUserId ? [c.ownerUserId] : [])))];
  const found = new Set((await repos.users.listByIds(orgId, owners)).filter((u) => u.active).map((u) => u.id));
  for (const id of owners) if (!found.has(id)) problems.push(`owner ${id} is no longer an active member`);
  const customValues = written.flatMap((c) => Object.entries(c.customFields ?? {}));
  if (customValues.length > 0) {
    const definitions = await repos.customFieldDefinitions.listLive(orgId);
    const seen = new Set<string>();
    for (const [key, value] of customValues) {
      const problem = customFieldProblem(key, value, definitions);
      if (problem && !seen.has(problem)) problems.push((seen.add(problem), problem));
    }
  }
  return problems;
}
