import { z } from 'zod';
import { hostContextSchema, type HostContext } from '../../shared/schemas/host-context';
import { memberSchema } from '../../shared/schemas/member';
import { clueKindSchema, portalOriginSchema } from '../../shared/schemas/portal-rules';
import {
  importApplyInputSchema,
  importInspectInputSchema,
  importPlanInputSchema,
  type ImportApplyOutput,
  type ImportInspectOutput,
  type ImportReport,
} from '../../shared/schemas/import';
import { timelinePageInputSchema, type TimelinePage } from '../../shared/schemas/timeline-page';
import { adminCallSchema } from './admin-protocol';
import { HANDSHAKE_TYPE } from './handshake';
import type { ImportResult } from './import-protocol';
import { replicaMutationSchema, replicaQuerySchema, type ReplicaIssue } from './replica-protocol';
import { mailCallSchema } from './mail-protocol';
import { reportCallSchema } from './report-protocol';
import type { RuleProblem } from '../local-db/mutations/rule-refusal';

/**
 * The one protocol map for content ↔ background ↔ sidebar. Every message is parsed with these
 * schemas where it is received: a content script runs inside a hostile page, and the sidebar's
 * window can be posted to by that page.
 */

const nonceSchema = z.string().min(16).max(128);

export const runtimeRequestSchema = z.discriminatedUnion('type', [
  /** content → background; the context is re-validated on its own so a bad one is only dropped. */
  z.object({ type: z.literal('host-context'), context: z.unknown() }),
  /** content → background: a fresh handshake nonce for this tab (one per iframe load). */
  z.object({ type: z.literal('get-nonce') }),
  /** sidebar → background: is this the nonce you gave my tab's content script? (consumes it) */
  z.object({ type: z.literal('check-nonce'), nonce: nonceSchema }),
  /** sidebar → background: the last context of my tab, so a new iframe renders at once. */
  z.object({ type: z.literal('get-last-context') }),
  /** sidebar / options / popup → background: run the sync engine now. */
  z.object({ type: z.literal('sync-now') }),
  /** options → background */
  z.object({
    type: z.literal('sign-in'),
    serverUrl: z.string().max(2000),
    email: z.string().max(320),
    code: z.string().max(64),
  }),
  z.object({ type: z.literal('sign-out') }),
  /** sidebar → background, only when the sidebar's iframe has no IndexedDB (replica-protocol). */
  z.object({ type: z.literal('replica-query'), request: replicaQuerySchema }),
  z.object({ type: z.literal('replica-mutate'), request: replicaMutationSchema }),
  /** options → background → server: CSV/Excel import (import-protocol.ts). */
  z.object({ type: z.literal('import-inspect'), input: importInspectInputSchema }),
  z.object({ type: z.literal('import-plan'), input: importPlanInputSchema }),
  z.object({ type: z.literal('import-apply'), input: importApplyInputSchema }),
  // Issue 5: options / sidebar → background → server: connected accounts, never-log list.
  z.object({ type: z.literal('mail-call'), request: mailCallSchema }),
  // Issue 7: options → background → server, administration (admin-protocol.ts).
  z.object({ type: z.literal('admin-call'), request: adminCallSchema }),
  // Issue 6: hosts and the side panel.
  /** content (the launcher, a trusted click) → background: open the side panel on this tab. */
  z.object({ type: z.literal('open-side-panel') }),
  /** popup → background, after the permission was granted in the click: run on this portal. */
  z.object({ type: z.literal('portal-approve'), origin: portalOriginSchema, tabId: z.number().int().nullable() }),
  /** popup / options → background: stop running on this portal and give the permission back. */
  z.object({ type: z.literal('portal-revoke'), origin: portalOriginSchema }),
  /** portal content → background: the user pointed at this element (a trusted click). */
  z.object({ type: z.literal('portal-pick'), kind: clueKindSchema, selector: z.string().min(1).max(500) }),
  /** portal content → background: applying the origin's rule failed (shown on the options page). */
  z.object({ type: z.literal('portal-problem'), reasons: z.array(z.string().max(500)).min(1).max(20) }),
  // Issue 8: sidebar → background → server, a customer's timeline the replica does not hold yet.
  z.object({ type: z.literal('timeline-page'), input: timelinePageInputSchema }),
  // Sync robustness: sidebar → background, it opened or its sync status was clicked: sync now if
  // changes wait out a back-off (the engine throttles it: SyncEngine.retryIfWaiting).
  z.object({ type: z.literal('retry-sync') }),
  // Issue 9: dashboard → background → server, the managers' reports (report-protocol.ts).
  z.object({ type: z.literal('report-call'), request: reportCallSchema }),
]);
export type RuntimeRequest = z.infer<typeof runtimeRequestSchema>;
export type RuntimeRequestType = RuntimeRequest['type'];

export type SignInResult =
  | { ok: true; user: z.infer<typeof memberSchema> }
  | { ok: false; error: string };

/** What the background answers to each request type. */
export type RuntimeResponses = {
  'host-context': { ok: boolean };
  'get-nonce': { nonce: string };
  'check-nonce': { ok: boolean };
  'get-last-context': { context: HostContext | null };
  'sync-now': { ok: boolean };
  'sign-in': SignInResult;
  'sign-out': { ok: boolean };
  /** The query's answer as the local-db query returns it (structured-cloned). */
  'replica-query': { value: unknown };
  /** issues: the change had invalid values and nothing was written (replica-protocol). */
  'replica-mutate': { ok: boolean; issues?: ReplicaIssue[]; refused?: readonly RuleProblem[] };
  'import-inspect': ImportResult<ImportInspectOutput>;
  'import-plan': ImportResult<ImportReport>;
  'import-apply': ImportResult<ImportApplyOutput>;
  // Issue 5
  'mail-call': ImportResult<unknown>;
  /** The procedure's answer, as the server's output schema parsed it. */
  'admin-call': ImportResult<unknown>;
  'open-side-panel': { ok: boolean };
  'portal-approve': { ok: boolean };
  'portal-revoke': { ok: boolean };
  'portal-pick': { ok: boolean };
  'portal-problem': { ok: boolean };
  // Issue 8
  'timeline-page': ImportResult<TimelinePage>;
  // Sync robustness
  'retry-sync': { ok: boolean };
  // Issue 9: the report's answer, parsed with its output schema (shared/schemas/reports.ts).
  'report-call': ImportResult<unknown>;
};

export type RequestOf<T extends RuntimeRequestType> = Extract<RuntimeRequest, { type: T }>;

export const handshakeSchema = z.object({ type: z.literal(HANDSHAKE_TYPE), nonce: nonceSchema });

/** Messages on the MessageChannel between content script and sidebar. */
export const portMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('context'), context: hostContextSchema }),
  /**
   * sidebar → content, at once on a handshake: our page is in the frame (do not reload it). The
   * port is not used before 'ready', which waits for the background to confirm the nonce.
   */
  z.object({ type: z.literal('alive') }),
  /** sidebar → content: the port was accepted; start sending contexts on it. */
  z.object({ type: z.literal('ready') }),
]);
export type PortMessage = z.infer<typeof portMessageSchema>;
