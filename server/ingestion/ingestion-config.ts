/**
 * Where the providers live and how hard ingestion may push them. Every URL is configurable so
 * tests, the demo and anyone's own gateway can point the real client libraries elsewhere
 * (README "Settings" lists the variables).
 */
export type GoogleConfig = {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  calendarApiUrl: string;
  tokenUrl: string;
  authorizeUrl: string;
  /** Gmail's per-user quota (250 units/user/second); requests are paced to stay under it. */
  unitsPerSecond: number;
};

export type MicrosoftConfig = {
  clientId: string;
  clientSecret: string;
  graphUrl: string;
  tokenUrl: string;
  authorizeUrl: string;
};

export type IngestionConfig = {
  google: GoogleConfig;
  microsoft: MicrosoftConfig;
  /** The first import of a new channel reaches this many days back (issue 5: default 90). */
  firstWindowDays: number;
  /** Per provider call; a timeout counts as temporary. */
  requestTimeoutMs: number;
  /** How often the ingestion job looks for due channels. */
  intervalMs: number;
  /** A run stops a channel after this many pages and lets the others go first. */
  pagesPerRun: number;
};

const number = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};
const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function ingestionConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IngestionConfig {
  const googleApi = trimSlash(env.CRM_GOOGLE_API_URL ?? 'https://gmail.googleapis.com');
  // The `common` tenant: work, school and personal accounts.
  const msLogin = 'https://login.microsoftonline.com/common';
  return {
    google: {
      clientId: env.CRM_GOOGLE_CLIENT_ID ?? '',
      clientSecret: env.CRM_GOOGLE_CLIENT_SECRET ?? '',
      apiUrl: googleApi,
      // One variable moves both APIs (a fake serves both); the real Calendar lives elsewhere.
      calendarApiUrl: trimSlash(env.CRM_GOOGLE_CALENDAR_API_URL ?? (env.CRM_GOOGLE_API_URL ? googleApi : 'https://www.googleapis.com')),
      tokenUrl: env.CRM_GOOGLE_TOKEN_URL ?? 'https://oauth2.googleapis.com/token',
      authorizeUrl: env.CRM_GOOGLE_AUTHORIZE_URL ?? 'https://accounts.google.com/o/oauth2/v2/auth',
      unitsPerSecond: number(env.CRM_GMAIL_UNITS_PER_SECOND, 250),
    },
    microsoft: {
      clientId: env.CRM_MICROSOFT_CLIENT_ID ?? '',
      clientSecret: env.CRM_MICROSOFT_CLIENT_SECRET ?? '',
      graphUrl: trimSlash(env.CRM_GRAPH_API_URL ?? 'https://graph.microsoft.com'),
      tokenUrl: env.CRM_MICROSOFT_TOKEN_URL ?? `${msLogin}/oauth2/v2.0/token`,
      authorizeUrl: env.CRM_MICROSOFT_AUTHORIZE_URL ?? `${msLogin}/oauth2/v2.0/authorize`,
    },
    firstWindowDays: number(env.CRM_INGEST_FIRST_WINDOW_DAYS, 90),
    requestTimeoutMs: number(env.CRM_PROVIDER_TIMEOUT_MS, 30_000),
    intervalMs: number(env.CRM_INGEST_INTERVAL_MS, 120_000),
    pagesPerRun: number(env.CRM_INGEST_PAGES_PER_RUN, 50),
  };
}
