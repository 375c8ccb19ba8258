/**
 * The mail hosts and where their content scripts run: one line per host (house rule 1). The
 * manifest (content script matches, web_accessible_resources), the background's sender check and
 * the sidebar's embedding check all read this list, so they cannot disagree. Portals are not here:
 * the user approves each portal origin at run time (extension/portals/).
 *
 * Outlook: work/school on outlook.office.com and outlook.office365.com, consumer outlook.live.com,
 * Microsoft's new outlook.cloud.microsoft, and partner.outlook.cn (21Vianet, China)
 * (host-dom-facts §4 "Hosts").
 */
export const MAIL_HOST_MATCHES = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
    'https://partner.outlook.cn/*',
  ],
} as const;

export type MailHost = keyof typeof MAIL_HOST_MATCHES;

const originOfPattern = (pattern: string): string => pattern.slice(0, pattern.indexOf('/', 'https://'.length));

const MAIL_HOST_BY_ORIGIN = new Map<string, MailHost>(
  (Object.keys(MAIL_HOST_MATCHES) as MailHost[]).flatMap((host) =>
    MAIL_HOST_MATCHES[host].map((pattern) => [originOfPattern(pattern), host] as const),
  ),
);

/** The origin of a URL, or null when it is not an absolute http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Which mail host a page URL belongs to (exact origin, so `mail.google.com.evil.example` is none). */
export function mailHostOf(url: string): MailHost | null {
  const origin = originOf(url);
  return origin ? (MAIL_HOST_BY_ORIGIN.get(origin) ?? null) : null;
}

/** Every mail host's match patterns, for the manifest. */
export const ALL_MAIL_MATCHES: string[] = Object.values(MAIL_HOST_MATCHES).flat();
