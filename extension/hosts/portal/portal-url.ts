import { mailHostOf, originOf } from '../host-origins';

/**
 * Portal URL → view, pure. A portal is an origin the user approved; a rule may narrow it to some
 * paths ("/tickets/"). A mail host is never a portal: it has its own adapter.
 */
export type PortalView = { kind: 'page' } | { kind: 'not-portal' };

export function parsePortalUrl(href: string, approvedOrigin: string, paths: readonly string[] = []): PortalView {
  const origin = originOf(href);
  if (!origin || origin !== approvedOrigin || !canBePortal(origin)) return { kind: 'not-portal' };
  const path = new URL(href).pathname;
  return paths.length === 0 || paths.some((p) => path.startsWith(p)) ? { kind: 'page' } : { kind: 'not-portal' };
}

/** An origin the user may approve as a portal: http(s), not one of the mail hosts. */
export function canBePortal(origin: string): boolean {
  return originOf(origin) === origin && mailHostOf(`${origin}/`) === null;
}
