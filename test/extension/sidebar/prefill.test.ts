import { describe, expect, it } from 'vitest';
import { companyNameFromDomain, prefillFor } from '../../../extension/sidebar/prefill';

describe('create-customer prefill', () => {
  it('names the customer after a company domain', () => {
    expect(prefillFor({ email: 'marco.rossi@newco-trading.example', name: 'Marco Rossi', role: 'from' })).toEqual({
      customerName: 'Newco Trading',
      contactName: 'Marco Rossi',
    });
    expect(companyNameFromDomain('steel-example.cn')).toBe('Steel Example');
    expect(companyNameFromDomain('mail.acme.co.uk')).toBe('Acme');
    expect(companyNameFromDomain('baosteel.com.cn')).toBe('Baosteel');
  });

  it('uses the person for free mail', () => {
    expect(prefillFor({ email: 'someone@gmail.com', name: 'Sam Lee', role: 'from' }).customerName).toBe('Sam Lee');
    expect(prefillFor({ email: 'wang@163.com', name: '王芳', role: 'from' }).customerName).toBe('王芳');
  });
});
