import { t } from '../i18n';
import type { AdminCall } from '../messaging/admin-protocol';
import { sendToBackground } from '../messaging/runtime-client';

/** An administration call through the background: its value, or a translated reason it failed. */
export async function adminCall<T>(request: AdminCall): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const result = await sendToBackground({ type: 'admin-call', request }).catch((e: unknown) => ({
    ok: false as const,
    error: 'network' as const,
    reason: e instanceof Error ? e.message : String(e),
  }));
  if (!result) return { ok: false, message: t('options.error.network') };
  if (result.ok) return { ok: true, value: result.value as T };
  return { ok: false, message: t('people.error', { reason: result.reason || result.error }) };
}
