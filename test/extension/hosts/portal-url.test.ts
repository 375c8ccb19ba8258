import { describe, expect, it } from 'vitest';
import { parseGmailUrl } from '../../../extension/hosts/gmail/gmail-url';
import { parseOutlookUrl } from '../../../extension/hosts/outlook/outlook-url';
import { canBePortal, parsePortalUrl } from '../../../extension/hosts/portal/portal-url';

const HELPDESK = 'https://support.acme-helpdesk.example';

describe('parsePortalUrl', () => {
  it.each([
    [`${HELPDESK}/tickets/4711.html`, []],
    [`${HELPDESK}/tickets/4711.html?tab=1#c3`, ['/tickets/']],
    [`${HELPDESK}/agent/tickets/9`, ['/tickets/', '/agent/tickets/']],
  ])('%s is a page of the approved portal', (url, paths) => {
    expect(parsePortalUrl(url, HELPDESK, paths)).toEqual({ kind: 'page' });
  });

  it.each([
    [`${HELPDESK}/reports/weekly`, ['/tickets/']],
    ['https://evil.example/tickets/4711.html', []],
    ['http://support.acme-helpdesk.example/tickets/1', []],
    ['https://support.acme-helpdesk.example:8443/tickets/1', []],
    ['https://mail.google.com/mail/u/0/#inbox/18f3a2b4c5d6e7f1', []],
    ['https://outlook.office.com/mail/inbox', []],
    ['not a url', []],
  ])('%s is not', (url, paths) => {
    expect(parsePortalUrl(url, HELPDESK, paths)).toEqual({ kind: 'not-portal' });
  });

  it('never takes a mail host as a portal, even when asked to', () => {
    expect(canBePortal('https://mail.google.com')).toBe(false);
    expect(canBePortal('https://partner.outlook.cn')).toBe(false);
    expect(parsePortalUrl('https://mail.google.com/mail/u/0/', 'https://mail.google.com')).toEqual({ kind: 'not-portal' });
    expect(canBePortal(HELPDESK)).toBe(true);
    expect(canBePortal(`${HELPDESK}/`)).toBe(false);
    expect(canBePortal('chrome://extensions')).toBe(false);
  });

  it('the mail hosts reject portal URLs', () => {
    expect(parseGmailUrl(`${HELPDESK}/tickets/4711.html`).kind).toBe('not-mail');
    expect(parseOutlookUrl(`${HELPDESK}/mail/inbox/id/AAQkAGI2`).kind).toBe('not-mail');
  });
});
