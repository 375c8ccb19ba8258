import { describe, expect, it } from 'vitest';
import { parseGmailUrl } from '../../../extension/hosts/gmail/gmail-url';
import { parseOutlookUrl, sameOutlookId } from '../../../extension/hosts/outlook/outlook-url';

const ID = 'AAQkAGI2NTlhZTk1LWFkNWEtNGY2Zi1iYjFlLTAwMDAwMDAwMDAwMQAQAJg+ZbM1Qk9Ji/n3Q0t7vAs=';
const enc = encodeURIComponent(ID);

describe('parseOutlookUrl', () => {
  it.each([
    [`https://outlook.office.com/mail/inbox/id/${enc}`, ID],
    [`https://outlook.office365.com/mail/id/${enc}`, ID],
    [`https://outlook.live.com/mail/0/inbox/id/${enc}`, ID],
    [`https://outlook.cloud.microsoft/mail/sentitems/id/${enc}`, ID],
    [`https://partner.outlook.cn/mail/AAMkAGI2fOLDER/id/${enc}`, ID],
    ['https://outlook.office.com/mail/deeplink/read/AAMkAGI2TG93AAA%3D?ItemID=AAMkAGI2TG93AAA%3D&exvsurl=1', 'AAMkAGI2TG93AAA='],
    ['https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATMw?ispopout=0', 'AQMkADAwATMw'],
    ['https://outlook.office365.com/owa/?ItemID=AAMkAGI2TG93AAA%3D&exvsurl=1&viewmodel=ReadMessageItem', 'AAMkAGI2TG93AAA='],
  ])('%s opens an item', (url, id) => {
    expect(parseOutlookUrl(url)).toEqual({ kind: 'mail', itemIdFromUrl: id });
  });

  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.live.com/mail/0/',
    'https://partner.outlook.cn/mail/drafts',
    'https://outlook.office.com/mail/inbox/id/%3Cscript%3E',
    'https://outlook.office.com/mail/inbox/id/%E0%A4%A',
  ])('%s is a mail list with no item', (url) => {
    expect(parseOutlookUrl(url)).toEqual({ kind: 'mail', itemIdFromUrl: null });
  });

  it('knows the compose deep link', () => {
    expect(parseOutlookUrl('https://outlook.office.com/mail/deeplink/compose?to=a@b.example')).toEqual({ kind: 'compose' });
  });

  it.each([
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.office.com/people/',
    'https://outlook.office.com.evil.example/mail/inbox',
    'http://outlook.office.com/mail/inbox',
    'https://mail.google.com/mail/u/0/#inbox/18f3a2b4c5d6e7f1',
    'https://helpdesk.example/mail/inbox/id/AAQkAGI2',
    'not a url',
  ])('%s is not Outlook mail', (url) => {
    expect(parseOutlookUrl(url)).toEqual({ kind: 'not-mail' });
  });

  it.each([
    `https://outlook.office.com/mail/inbox/id/${enc}`,
    'https://outlook.live.com/mail/0/inbox',
    'https://partner.outlook.cn/mail/deeplink/read/AAMkAGI2TG93AAA%3D',
  ])('the Gmail parser rejects the Outlook URL %s', (url) => {
    expect(parseGmailUrl(url).kind).toBe('not-mail');
  });
});

describe('sameOutlookId', () => {
  it('treats the EWS and REST spellings of an id as one', () => {
    expect(sameOutlookId('AAQk+ab/cd=', 'AAQk-ab_cd')).toBe(true);
    expect(sameOutlookId('AAQk+ab/cd=', 'AAQk+ab/ce=')).toBe(false);
  });
});
