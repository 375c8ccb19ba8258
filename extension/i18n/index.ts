import { en, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export type { MessageKey };
export type Language = 'en' | 'zh-CN';

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Any Chinese locale gets zh-CN (the only Chinese dictionary); everything else English. */
export function pickLanguage(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const language: Language = pickLanguage(
  typeof navigator === 'undefined' ? undefined : navigator.language,
);

/** Interpolates `{name}` placeholders; params are inserted as text, never as markup. */
export function translate(
  lang: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(dictionaries[lang][key], params);
}

/** Fills `{name}` placeholders in a text (any dictionary's); unknown names stay as they are. */
export function interpolate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(language, key, params);
}

/** HH:MM in the UI language, 24-hour, for "synced at". */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Date and time in the UI language; `withZone` adds the zone's name (issue 4: zones explicit). */
export function formatDateTime(iso: string, withZone = false): string {
  return new Date(iso).toLocaleString(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(withZone ? { timeZoneName: 'short' as const } : {}),
  });
}
