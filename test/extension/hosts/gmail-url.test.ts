import { describe, expect, it } from 'vitest';
import { parseGmailUrl } from '../../../extension/hosts/gmail/gmail-url';
import { legacyIdOfUrlThreadId } from '../../../extension/hosts/gmail/gmail-url-id';

const U = 'https://mail.google.com/mail/u/0/';

describe('parseGmailUrl', () => {
  it.each([
    [`${U}#inbox/18f3a2b4c5d6e7f1`, '18f3a2b4c5d6e7f1'],
    [`${U}#label/Customers/18f3a2b4c5d6e7f1`, '18f3a2b4c5d6e7f1'],
    [`${U}#search/steel+price/FMfcgzQXJkXtQDPtrSrFQBBLBqjzSGKn`, 'FMfcgzQXJkXtQDPtrSrFQBBLBqjzSGKn'],
    [`${U}#category/social/18f3a2b4c5d6e7f1`, '18f3a2b4c5d6e7f1'],
    [`${U}#sent/18f3a2b4c5d6e7f1`, '18f3a2b4c5d6e7f1'],
    ['https://mail.google.com/mail/b/143/u/0/#inbox/18f3a2b4c5d6e7f1', '18f3a2b4c5d6e7f1'],
    [`https://mail.google.com/mail/u/3/#inbox/18f3a2b4c5d6e7f1?compose=new`, '18f3a2b4c5d6e7f1'],
  ])('%s is a thread', (url, id) => {
    expect(parseGmailUrl(url)).toMatchObject({ kind: 'thread', threadIdFromUrl: id });
  });

  it.each([
    `${U}#inbox`,
    `${U}`,
    `${U}#inbox/p2`,
    `${U}#label/Customers`,
    `${U}#search/18f3a2b4c5d6e7f1`,
    `${U}#inbox?compose=new`,
    `${U}#settings/general`,
    'https://mail.google.com/mail/b/143/u/0/#starred',
  ])('%s is a list', (url) => {
    expect(parseGmailUrl(url).kind).toBe('list');
  });

  it.each([
    'https://mail.google.com/mail/u/0/popout?ver=1&th=%23thread-f%3A1',
    'https://example.com/mail/u/0/#inbox/18f3a2b4c5d6e7f1',
    'not a url',
  ])('%s is not a mail view', (url) => {
    expect(parseGmailUrl(url).kind).toBe('not-mail');
  });
});

describe('legacyIdOfUrlThreadId', () => {
  it('reduces every URL id form to the legacy hex id the DOM carries', () => {
    expect(legacyIdOfUrlThreadId('192B86EF75196692')).toBe('192b86ef75196692');
    expect(legacyIdOfUrlThreadId('#thread-f:1813691637966661266')).toBe('192b86ef75196692');
    // host-dom-facts §1: this URL id decodes to f:1813691637966661266.
    expect(legacyIdOfUrlThreadId('FMfcgzQXJkXtQDPtrSrFQBBLBqjzSGKn')).toBe('192b86ef75196692');
  });

  it('says null for ids it cannot tell, so the DOM id is used as before', () => {
    for (const id of ['KtbxLzGdLqWqHsKxNrTzVcQbRsTpMn', 'inbox', 'FMfcgz!!', '12345']) {
      expect(legacyIdOfUrlThreadId(id), id).toBeNull();
    }
  });
});
