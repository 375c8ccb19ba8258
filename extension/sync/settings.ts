import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { memberSchema } from '../../shared/schemas/member';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/** The stored sign-in; parsed on every read (storage is a trust boundary, house rule 5). */
export const settingsSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().nullable(),
  expiresAt: z.string().nullable(),
  user: memberSchema.nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

const settingsItem = storage.defineItem<unknown>('local:settings');

export async function loadSettings(): Promise<Settings | null> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsSchema.parse(settings));
}

/** Scheme + host + port + path without trailing slash; rejects anything but http(s). */
export function normaliseServerUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** The default local server is allowed up front; any other origin needs an optional permission. */
export function needsHostPermission(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname;
  return host !== '127.0.0.1' && host !== 'localhost';
}
