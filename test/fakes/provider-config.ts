import { ingestionConfigFromEnv, type IngestionConfig } from '../../server/ingestion/ingestion-config';

/** Ingestion settings pointing both providers at running fakes (as the env variables would). */
export function configForFakes(urls: { google?: string; microsoft?: string }, extra: Record<string, string> = {}): IngestionConfig {
  return ingestionConfigFromEnv({ ...fakeProviderEnv(urls), ...extra });
}

/** The environment variables that point a server process at the fakes (README "Settings"). */
export function fakeProviderEnv(urls: { google?: string; microsoft?: string }): Record<string, string> {
  const env: Record<string, string> = { CRM_PROVIDER_TIMEOUT_MS: '2000', CRM_GMAIL_UNITS_PER_SECOND: '100000' };
  if (urls.google) {
    Object.assign(env, {
      CRM_GOOGLE_CLIENT_ID: 'fake-google-client',
      CRM_GOOGLE_CLIENT_SECRET: 'fake-google-secret',
      CRM_GOOGLE_API_URL: urls.google,
      CRM_GOOGLE_TOKEN_URL: `${urls.google}/token`,
      CRM_GOOGLE_AUTHORIZE_URL: `${urls.google}/o/oauth2/v2/auth`,
    });
  }
  if (urls.microsoft) {
    Object.assign(env, {
      CRM_MICROSOFT_CLIENT_ID: 'fake-microsoft-client',
      CRM_MICROSOFT_CLIENT_SECRET: 'fake-microsoft-secret',
      CRM_GRAPH_API_URL: urls.microsoft,
      CRM_MICROSOFT_TOKEN_URL: `${urls.microsoft}/common/oauth2/v2.0/token`,
      CRM_MICROSOFT_AUTHORIZE_URL: `${urls.microsoft}/common/oauth2/v2.0/authorize`,
    });
  }
  return env;
}
