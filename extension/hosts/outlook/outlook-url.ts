import { mailHostOf } from '../host-origins';

/**
 * Outlook on the web URL → view, pure (host-dom-facts §4 "URLs"). OWA routes with the History
 * API, no hash: `/mail/<folder>`, an open item `/mail/<folder>/id/<id>` (or `/mail/id/<id>`),
 * consumer accounts `/mail/<n>/…`, deep links `/mail/deeplink/read/<id>` and
 * `/mail/deeplink/compose`, the legacy `/owa/?ItemID=<id>&viewmodel=ReadMessageItem`.
 * The id is only a cross-check and a fallback: the DOM's own conversation id comes first.
 */
export type OutlookView =
  | { kind: 'mail'; itemIdFromUrl: string | null }
  | { kind: 'compose' }
  | { kind: 'not-mail' };

/** Ids are base64 (EWS `+/` or REST `-_`, `=` padding); anything else is not an id. */
const ITEM_ID = /^[A-Za-z0-9+/=_-]{8,400}$/;

function decodedId(segment: string | undefined): string | null {
  if (!segment) return null;
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return ITEM_ID.test(id) ? id : null;
}

export function parseOutlookUrl(href: string): OutlookView {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'not-mail' };
  }
  if (mailHostOf(href) !== 'outlook') return { kind: 'not-mail' };
  if (/^\/owa\/?$/.test(url.pathname)) {
    const legacy = decodedId(url.searchParams.get('ItemID') ?? undefined);
    return { kind: 'mail', itemIdFromUrl: legacy };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'mail') return { kind: 'not-mail' };
  // Consumer accounts carry the account index first (`/mail/0/inbox`).
  const rest = /^\d{1,2}$/.test(segments[1] ?? '') ? segments.slice(2) : segments.slice(1);
  if (rest[0] === 'deeplink') {
    if (rest[1] === 'compose') return { kind: 'compose' };
    if (rest[1] === 'read') return { kind: 'mail', itemIdFromUrl: decodedId(rest[2]) ?? decodedId(url.searchParams.get('ItemID') ?? undefined) };
    return { kind: 'mail', itemIdFromUrl: null };
  }
  const idAt = rest.lastIndexOf('id');
  return { kind: 'mail', itemIdFromUrl: idAt >= 0 ? decodedId(rest[idAt + 1]) : null };
}

/** EWS (`+/`) and REST (`-_`) spell the same id; compare them in one alphabet (Office.js convertToRestId). */
export function sameOutlookId(a: string, b: string): boolean {
  const ews = (id: string) => id.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  return ews(a) === ews(b);
}
