export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

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
