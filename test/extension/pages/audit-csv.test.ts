import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../extension/pages/audit/audit-csv';
import type { AuditEvent } from '../../../shared/schemas/audit';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: '7',
  at: '2026-12-03T01:00:00.000Z',
  userId: '01a20796-0000-7000-8000-0000000000aa',
  userName: '王芳',
  device: 'Chrome on Windows',
  sessionId: null,
  action: 'customer.update',
  entity: 'customers',
  entityId: '01a20796-0000-7000-8000-0000000000bb',
  op: 'update',
  changes: {},
  ...over,
});

describe('audit trail export', () => {
  it('writes one line per changed field, values as text or JSON, formulas defused', () => {
    const csv = auditCsv([
      event({ changes: { customer_class: ['B', 'A'], profile: [{ phone: null }, { phone: '+86 21 1234 5678' }], name: ['Acme', '=HYPERLINK("x")'] } }),
      event({ id: '6', userId: null, userName: null, device: null, action: null, op: 'insert', changes: {} }),
    ]);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('time,user,user id,device,action,record type,record id,operation,field,before,after');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('王芳');
    expect(lines[1]).toMatch(/customer_class,B,A$/);
    expect(lines[2]).toContain('"{""phone"":null}","{""phone"":""+86 21 1234 5678""}"');
    expect(lines[3]).toContain(`'=HYPERLINK`);
    expect(lines[4]).toMatch(/,insert,,,$/);
  });
});
