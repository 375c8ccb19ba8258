import { describe, expect, it } from 'vitest';
import { hostContextSchema } from '../../../shared/schemas/host-context';
import { handshakeSchema, portMessageSchema, runtimeRequestSchema } from '../../../extension/messaging/protocol';
import expected from '../../fixtures/gmail/expected-contexts.json';

const valid = {
  ...expected[1]!.expected,
  url: 'https://mail.google.com/mail/u/0/#inbox/18f3a2b4c5d6e7f1',
  seq: 1,
} as { participants: unknown[]; messages: unknown[] } & Record<string, unknown>;

describe('message schemas', () => {
  it('accept the contexts the adapter produces', () => {
    for (const { expected: e } of expected) {
      const context = { ...e, url: 'https://mail.google.com/mail/u/0/#inbox', seq: 3 };
      expect(hostContextSchema.safeParse(context).success).toBe(true);
      expect(portMessageSchema.safeParse({ type: 'context', context }).success).toBe(true);
    }
  });

  it.each([
    ['a wrong host', { ...valid, host: 'evil' }],
    ['a negative seq', { ...valid, seq: -1 }],
    ['a non-email sender', { ...valid, sender: { email: 'javascript:alert(1)', name: 'x', role: 'from' } }],
    ['an unknown kind', { ...valid, kind: 'customer' }],
    ['a huge subject', { ...valid, subject: 'x'.repeat(5000) }],
    ['a non-URL url', { ...valid, url: 'not a url' }],
    ['too many participants', { ...valid, participants: Array(501).fill(valid.participants[0]) }],
    ['an empty thread id', { ...valid, threadId: '' }],
    ['too many messages', { ...valid, messages: Array(501).fill(valid.messages[0]) }],
    ['a message from a non-address', { ...valid, messages: [{ id: 'abc', from: '<script>' }] }],
    ['a message without an id', { ...valid, messages: [{ id: '', from: 'a@b.example' }] }],
    ['no message list', { ...valid, messages: undefined }],
  ])('reject a context with %s', (_name, context) => {
    expect(hostContextSchema.safeParse(context).success).toBe(false);
    expect(portMessageSchema.safeParse({ type: 'context', context }).success).toBe(false);
  });

  it('reject unknown runtime messages and bad handshakes', () => {
    expect(runtimeRequestSchema.safeParse({ type: 'delete-everything' }).success).toBe(false);
    expect(runtimeRequestSchema.safeParse({ type: 'check-nonce', nonce: 'short' }).success).toBe(false);
    expect(runtimeRequestSchema.safeParse({ type: 'sync-now' }).success).toBe(true);
    expect(handshakeSchema.safeParse({ type: 'crm-port', nonce: 'a'.repeat(48) }).success).toBe(true);
    expect(handshakeSchema.safeParse({ type: 'crm-port' }).success).toBe(false);
    expect(handshakeSchema.safeParse('crm-port').success).toBe(false);
  });
});

describe('server timeline pages (issue 8)', () => {
  const customerId = '01a20796-0000-7000-8000-000000000001';
  it('accepts a page request the sidebar makes and refuses out-of-bounds ones', () => {
    const ok = (input: object) => runtimeRequestSchema.safeParse({ type: 'timeline-page', input }).success;
    expect(ok({ customerId, limit: 50 })).toBe(true);
    expect(ok({ customerId, cursor: 'eyJ2IjoxfQ', limit: 50, kinds: ['email', 'call'] })).toBe(true);
    expect(ok({ customerId, limit: 201 })).toBe(false);
    expect(ok({ customerId: 'not-an-id' })).toBe(false);
    expect(ok({ customerId, kinds: ['customer'] })).toBe(false);
    expect(ok({ customerId, cursor: 'x'.repeat(501) })).toBe(false);
  });
});

describe('replica fallback requests', () => {
  it('accepts the queries and mutations the sidebar makes', () => {
    const sender = { email: 'zhang.wei@steel-example.cn', name: '张伟', role: 'from' as const };
    for (const request of [
      { query: 'sync-status' },
      { query: 'match-sender', sender },
      { query: 'member', id: null },
      { query: 'search', text: 'zhang wei', limit: 20 },
    ]) {
      expect(runtimeRequestSchema.safeParse({ type: 'replica-query', request }).success).toBe(true);
    }
    const note = { mutation: 'add-note', customerId: '01a20796-0000-7000-8000-000000000001', text: '备注', sourceRef: null };
    expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request: note }).success).toBe(true);
  });

  it('rejects unknown queries, bad ids and oversized text', () => {
    const bad = [
      { type: 'replica-query', request: { query: 'all-customers' } },
      { type: 'replica-query', request: { query: 'timeline', customerId: 'not-a-uuid' } },
      { type: 'replica-query', request: { query: 'search', text: 'x'.repeat(501), limit: 20 } },
      { type: 'replica-query', request: { query: 'search', text: 'zw', limit: 10_000 } },
      { type: 'replica-mutate', request: { mutation: 'add-note', customerId: 'x', text: 'a', sourceRef: null } },
      { type: 'replica-mutate', request: { mutation: 'create-customer', customerName: '', contactName: 'a', email: 'a@b.example' } },
      {
        type: 'replica-mutate',
        request: { mutation: 'add-note', customerId: '01a20796-0000-7000-8000-000000000001', text: 'x'.repeat(10_001), sourceRef: null },
      },
    ];
    for (const message of bad) expect(runtimeRequestSchema.safeParse(message).success).toBe(false);
  });
});
