import { config } from 'zod/mini';

/**
 * Extension pages run under a CSP without 'unsafe-eval' (wxt.config.ts). zod would probe for
 * eval with `new Function` (caught, but reported as a CSP violation); jitless skips the probe.
 * Imported first by every entrypoint, before any schema parses. zod/mini shares the one config
 * with classic zod, and keeps the content script small.
 */
config({ jitless: true });
