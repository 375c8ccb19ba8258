/**
 * Gmail URL → view, pure (host-dom-facts §1). Gmail routes by hash: `#<route>[/<param>][/<id>]`,
 * with compose as a query inside the hash. The id in the URL is only a fallback: the DOM's
 * `data-legacy-thread-id` is preferred (§6 practice 2).
 */
export type GmailView =
  | { kind: 'thread'; route: string; threadIdFromUrl: string }
  | { kind: 'list'; route: string }
  | { kind: 'not-mail' };

/** `/mail/u/N/`, `/mail/b/ID/u/N/` and the bare `/mail/` (which redirects to /u/0/). */
const MAIL_PATH = /^\/mail\/(?:b\/[^/]+\/)?(?:u\/\d+\/?)?$/;

/** Routes whose first segment after the route name is a parameter (label name, query, tab). */
const TWO_PART_ROUTES = new Set(['label', 'search', 'category', 'advanced-search', 'apps', 'circle']);

/** Thread ids: legacy hex (16), the `FMfcgz…` encoding (long alphanumerics), `#thread-f:…`. */
const THREAD_ID = /^(?:[0-9a-zA-Z]{16,}|#?thread-[af]:r?-?\d+)$/;

export function parseGmailUrl(href: string): GmailView {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'not-mail' };
  }
  if (url.hostname !== 'mail.google.com' || !MAIL_PATH.test(url.pathname)) return { kind: 'not-mail' };
  // Pop-out and print views use other paths or query routes; they are not supported (§1).
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash.split('/').filter((s) => s.length > 0);
  const route = segments[0] ?? 'inbox';
  const idIndex = TWO_PART_ROUTES.has(route) ? 2 : 1;
  // Nested label names may contain more segments; the id is always the last one.
  const candidate = segments.length > idIndex ? segments[segments.length - 1] : undefined;
  if (candidate && THREAD_ID.test(candidate) && !/^p\d+$/.test(candidate)) {
    return { kind: 'thread', route, threadIdFromUrl: decodeURIComponent(candidate) };
  }
  return { kind: 'list', route };
}
