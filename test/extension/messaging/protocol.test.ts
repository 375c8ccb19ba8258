import { describe, expect, it } from 'vitest';
import { hostContextSchema } from '../../../shared/schemas/host-context';
import { handshakeSchema, portMessageSchema, runtimeRequestSchema } from '../../../extension/messaging/protocol';
import expected from '../../fixtures/gmail/expected-contexts.json';

const valid = {
  ...expected[1]!.expected,
  url: 'https://mail.google.com/mail/u/0/#inbox/18f3a2b4c5d6e7f1',
  seq: 1,
} as { participants: unknown[] } & Record<string, unknown>;

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
