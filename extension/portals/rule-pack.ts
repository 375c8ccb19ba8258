import type { PortalRule } from '../../shared/schemas/portal-rules';

/**
 * Rules shipped for common portals. When the user approves an origin that fits one (by host
 * name), it becomes that origin's rule; the user can change or replace it on the options page.
 * Each entry has a fixture page with its expected clues and selector counts
 * (test/fixtures/portal/, checked by test/extension/hosts/portal-pack.test.ts).
 *
 * Sources: NetEase webmail's read view puts each address in `.nui-addr-email` (text "<address>")
 * inside `_dvModuleContainer_read.ReadModule…` (a public extension's NetEase script, code index
 * id 36896014753). The helpdesk, profile and QQ Mail layouts are imitations of their kind, not
 * copies of a live site: their rules are starting points a team adjusts by pointing at elements.
 */
export type PackEntry = {
  id: string;
  name: string;
  /** Host names the entry fits: exact, a suffix starting with '.', or a first label ending with '.'. */
  hosts: string[];
  rule: Omit<PortalRule, 'origin'>;
};

export const RULE_PACK: readonly PackEntry[] = [
  {
    id: 'helpdesk-ticket',
    name: 'Helpdesk ticket',
    // Company helpdesks usually live on support.<company> or helpdesk.<company>.
    hosts: ['.zendesk.com', '.freshdesk.com', 'support.', 'helpdesk.'],
    rule: {
      name: 'Helpdesk ticket',
      paths: ['/tickets/', '/agent/tickets/'],
      recognisers: [
        { kind: 'code', selector: '[data-field="customer_code"]', label: 'Customer code' },
        { kind: 'email', selector: '.ticket-requester a[href^="mailto:"]', attribute: 'href', label: 'Requester' },
        { kind: 'name', selector: '[data-field="organization"]', label: 'Organization' },
      ],
    },
  },
  {
    id: 'profile-page',
    name: 'Professional profile (LinkedIn-style)',
    hosts: ['www.linkedin.com', 'linkedin.com'],
    rule: {
      name: 'Profile page',
      paths: ['/in/'],
      recognisers: [
        // The top card names the current employer in an aria-label: "Current company: X. Click …".
        { kind: 'name', selector: '[aria-label^="Current company:"]', attribute: 'aria-label', pattern: '^Current company:\\s*(.+?)\\.\\s', label: 'Current company' },
        { kind: 'email', selector: 'section.ci-email a[href^="mailto:"]', attribute: 'href', label: 'Contact info email' },
      ],
    },
  },
  {
    id: 'qq-mail',
    name: 'QQ Mail (QQ 邮箱)',
    hosts: ['mail.qq.com', 'wx.mail.qq.com', 'exmail.qq.com'],
    rule: {
      name: 'QQ 邮箱',
      paths: [],
      recognisers: [
        { kind: 'email', selector: '.readmail-header .readmail-from [title*="@"]', attribute: 'title', label: '发件人' },
        { kind: 'email', selector: '.readmail-header .readmail-to [title*="@"]', attribute: 'title', label: '收件人' },
      ],
    },
  },
  {
    id: 'netease-mail',
    name: 'NetEase Mail (网易邮箱 163/126)',
    hosts: ['mail.163.com', 'mail.126.com', 'mail.yeah.net'],
    rule: {
      name: '网易邮箱',
      paths: [],
      recognisers: [{ kind: 'email', selector: '[id^="_dvModuleContainer_read.ReadModule"] .nui-addr-email', label: '发件人/收件人' }],
    },
  },
];

/** The pack entry that fits an origin's host name, if any. */
export function packEntryFor(origin: string): PackEntry | null {
  const host = new URL(origin).hostname;
  const fits = (h: string): boolean => (h.startsWith('.') ? host.endsWith(h) : h.endsWith('.') ? host.startsWith(h) : host === h);
  return RULE_PACK.find((e) => e.hosts.some(fits)) ?? null;
}

/** The pack's rule for an origin, ready to store, or null. */
export function packRuleFor(origin: string): PortalRule | null {
  const entry = packEntryFor(origin);
  return entry ? { origin, ...entry.rule } : null;
}
