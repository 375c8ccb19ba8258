/**
 * How the background answers an import request of the options page. The server's message is
 * passed on for refusals the user can act on (a bad file, data changed since the dry run); the
 * kind picks the sentence around it (extension/i18n/import-export.ts `import.error.*`).
 */
export type ImportErrorKind = 'network' | 'signed-out' | 'forbidden' | 'invalid' | 'conflict' | 'error';

export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportErrorKind; reason: string };
