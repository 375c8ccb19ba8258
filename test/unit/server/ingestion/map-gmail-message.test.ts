import { describe, expect, it } from 'vitest';
import { mapGmailMessage } from '../../../../server/ingestion/providers/google/map-gmail-message';
import { encodeGbk } from '../../../fakes/gbk-encode';
import { gmailPayload } from '../../../fakes/gmail-payload';
import type { FakeMessageSpec } from '../../../fakes/mail-spec';

const base: FakeMessageSpec = {
  messageId: 'abc.123@mail.northwind.example',
  from: { address: 'olivia.park@northwind.example', name: 'Park, Olivia "Liv"' },
  to: [
    { address: 'mia@ourco.example', name: 'Mia Chen' },
    { address: 'ben@ourco.example', name: 'Wright; Ben' },
  ],
  cc: [{ address: 'ken@northwind.example' }],
  subject: 'Spring order',
  date: new Date('2026-03-02T09:15:00Z'),
  labels: ['INBOX'],
};
const message = (spec: Partial<FakeMessageSpec>, labelIds = ['INBOX']) => {
  const full = { ...base, ...spec };
  return { id: '18f3a2b4c5d6e7f1', threadId: '18f3a2b4c5d6e7f0', labelIds, internalDate: String(full.date.getTime()), payload: gmailPayload(full, 'x') };
};
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

describe('Gmail full payload → IngestedMessage', () => {
  it('reads multipart/alternative inside multipart/mixed with an inline image and an attachment: text part, quotes stripped', () => {
    const mapped = mapGmailMessage(
      message({
        text: 'Can you confirm the date?\n\nOn Mon, 1 Mar 2026 at 10:00, Mia Chen <mia@ourco.example> wrote:\n> Earlier text\n> more',
        html: '<p>Can you confirm the date?</p><div class="gmail_quote">Earlier</div>',
        attachments: [{ filename: 'spec.pdf', mimeType: 'application/pdf', size: 1000 }],
        inlineImage: true,
        references: ['root@ourco.example', 'prev@ourco.example'],
        inReplyTo: 'prev@ourco.example',
      }),
    );
    expect(mapped).toMatchObject({
      providerId: '18f3a2b4c5d6e7f1',
      messageId: 'abc.123@mail.northwind.example',
      threadRef: '18f3a2b4c5d6e7f0',
      inReplyTo: 'prev@ourco.example',
      references: ['root@ourco.example', 'prev@ourco.example'],
      subject: 'Spring order',
      from: { address: 'olivia.park@northwind.example', name: 'Park, Olivia "Liv"' },
      to: [
        { address: 'mia@ourco.example', name: 'Mia Chen' },
        { address: 'ben@ourco.example', name: 'Wright; Ben' },
      ],
      cc: [{ address: 'ken@northwind.example', name: null }],
      sentAt: '2026-03-02T09:15:00.000Z',
      bodyText: 'Can you confirm the date?',
      sentByMailbox: false,
      skip: null,
    });
  });

  it('converts HTML-only mail to text without the quoted history or markup', () => {
    const mapped = mapGmailMessage(
      message({
        html: '<html><head><style>p{}</style></head><body><p>Hello <b>Mia</b>,</p><p>See <a href="https://x.example">the offer</a><img src="cid:logo"></p><blockquote>old</blockquote></body></html>',
      }),
    );
    expect(mapped.bodyText).toBe('Hello Mia,\n\nSee the offer');
  });

  it('decodes RFC 2047 Chinese subjects and names (UTF-8 and GBK) and GBK bodies labelled gb2312', () => {
    const mapped = mapGmailMessage(
      message({
        subject: '关于二季度钢材报价（第二版）',
        from: { address: 'zhang.wei@steel-example.cn', name: '张伟, 销售部' },
        encodeHeaders: 'gbk',
        text: '王经理您好：报价单见附件。€',
        charset: 'gb2312',
        rawBytes: true,
      }),
    );
    expect(mapped.subject).toBe('关于二季度钢材报价（第二版）');
    expect(mapped.from).toEqual({ address: 'zhang.wei@steel-example.cn', name: '张伟, 销售部' });
    expect(mapped.bodyText).toBe('王经理您好：报价单见附件。€');
    const utf8 = mapGmailMessage(message({ subject: '订单确认 Order', encodeHeaders: 'utf-8', text: '好的' }));
    expect(utf8.subject).toBe('订单确认 Order');
  });

  it('decodes a GB18030 four-byte sequence and joins encoded words split inside a character', () => {
    const bytes = new Uint8Array([...encodeGbk('表情'), 0x94, 0x39, 0xda, 0x33]);
    const split = Buffer.from('中文'); // 6 bytes of UTF-8, split after byte 4 (inside 文)
    const raw = {
      id: 'g1',
      labelIds: ['INBOX', 'SENT'],
      payload: {
        mimeType: 'text/plain',
        headers: [
          { name: 'Subject', value: `=?UTF-8?B?${split.subarray(0, 4).toString('base64')}?= =?UTF-8?B?${split.subarray(4).toString('base64')}?=` },
          { name: 'From', value: 'me@ourco.example' },
          { name: 'Content-Type', value: 'text/plain; charset=GB18030' },
        ],
        body: { data: b64(bytes) },
      },
    };
    const mapped = mapGmailMessage(raw);
    expect(mapped.subject).toBe('中文');
    expect(mapped.bodyText).toBe('表情💩');
    expect(mapped.sentByMailbox).toBe(true);
  });

  it('imports what it can of broken mail: no Date, no Message-ID, junk addresses, unknown charset, bad base64, deep nesting', () => {
    let nested: object = { mimeType: 'text/plain', body: { data: b64('deep') }, headers: [] };
    for (let i = 0; i < 60; i++) nested = { mimeType: 'multipart/mixed', parts: [nested] };
    const mapped = mapGmailMessage({
      id: 'broken1',
      internalDate: '1772441700000',
      payload: {
        mimeType: 'multipart/alternative',
        headers: [
          { name: 'From', value: 'not an address, <also@@bad>' },
          { name: 'To', value: '"Unclosed <x@y.example' },
          { name: 'Subject', value: '=?x-unknown?B?AAAA?=' },
        ],
        parts: [
          { mimeType: 'text/plain', headers: [{ name: 'Content-Type', value: 'text/plain; charset=x-klingon' }], body: { data: b64(new Uint8Array([0xe9, 0x74, 0xe9])) } },
          { mimeType: 'text/html', body: { data: '!!!not base64!!!' } },
          nested,
          'garbage',
        ],
      },
    });
    expect(mapped.providerId).toBe('broken1');
    expect(mapped.messageId).toBeNull();
    expect(mapped.from).toBeNull();
    expect(mapped.sentAt).toBe(new Date(1772441700000).toISOString());
    expect(mapped.bodyText).toBe('été');
    expect(typeof mapped.subject).toBe('string');
  });

  it('marks skipped categories, spam and trash', () => {
    expect(mapGmailMessage(message({ text: 'x' }, ['INBOX', 'CATEGORY_PROMOTIONS'])).skip).toBe('category');
    expect(mapGmailMessage(message({ text: 'x' }, ['SPAM'])).skip).toBe('spam');
    expect(mapGmailMessage(message({ text: 'x' }, ['TRASH'])).skip).toBe('trash');
    expect(mapGmailMessage(message({ text: 'x' }, ['INBOX', 'CATEGORY_PERSONAL'])).skip).toBeNull();
  });

  it('keeps a 2,000-message thread reference list bounded', () => {
    const references = Array.from({ length: 2000 }, (_, i) => `r${i}@x.example`);
    expect(mapGmailMessage(message({ text: 'x', references })).references).toHaveLength(100);
  });
});
