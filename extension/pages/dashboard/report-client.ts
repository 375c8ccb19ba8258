import type { ImportErrorKind } from '../../messaging/import-protocol';
import type { ReportCall } from '../../messaging/report-protocol';
import { sendToBackground } from '../../messaging/runtime-client';

export type ReportFailure = { kind: ImportErrorKind | 'offline'; reason: string };
export type ReportAnswer<T> = { ok: true; value: T } | { ok: false; failure: ReportFailure };

/**
 * One report call through the background (which holds the token). The answer was parsed by the
 * background with the contract's output schema (background/report-calls.ts), hence the cast.
 * Offline is told apart from a failing server: the page says so and reloads when back online.
 */
export async function callReport<T>(request: ReportCall): Promise<ReportAnswer<T>> {
  if (!navigator.onLine) return { ok: false, failure: { kind: 'offline', reason: '' } };
  const result = await sendToBackground({ type: 'report-call', request }).catch((e: unknown) => ({
    ok: false as const,
    error: 'network' as const,
    reason: e instanceof Error ? e.message : String(e),
  }));
  if (!result) return { ok: false, failure: { kind: 'error', reason: 'no answer from the extension' } };
  if (result.ok) return { ok: true, value: result.value as T };
  return { ok: false, failure: { kind: result.error, reason: result.reason } };
}
