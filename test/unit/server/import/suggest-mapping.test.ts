import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../server/domain/import/suggest-mapping';

const suggest = (headers: string[], pass: 'master' | 'open_items' = 'master') => suggestMapping(headers, pass, []);

describe('suggestMapping', () => {
  it('maps Chinese headers as Chinese CRM and ERP exports write them', () => {
    expect(
      suggest(['客户编码', '公司名称', '客户简称', '纳税人识别号', '客户等级', '所属行业', '详细地址', '官网', '业务员', '标签', '传真']),
    ).toEqual({
      客户编码: 'customer.code',
      公司名称: 'customer.name',
      客户简称: 'customer.shortNames',
      纳税人识别号: 'customer.taxNumber',
      客户等级: 'customer.customerClass',
      所属行业: 'customer.profile.industry',
      详细地址: 'customer.profile.address',
      官网: 'customer.profile.website',
      业务员: 'customer.owner',
      标签: 'customer.tags',
      传真: 'customer.profile.fax',
    });
  });

  it('maps English headers regardless of case, spacing and punctuation', () => {
    expect(suggest(['Customer Name', 'CODE', 'Tax-ID', 'E-mail Domain', 'Sales Rep', 'Website', 'Contact Person', 'Job Title'])).toEqual({
      'Customer Name': 'customer.name',
      CODE: 'customer.code',
      'Tax-ID': 'customer.taxNumber',
      'E-mail Domain': 'customer.emailDomains',
      'Sales Rep': 'customer.owner',
      Website: 'customer.profile.website',
      'Contact Person': 'contact.name',
      'Job Title': 'contact.title',
    });
  });

  it("gives email and phone columns to the contact when the file has contacts, else to the company", () => {
    expect(suggest(['名称', '联系人', '电话', '手机', '邮箱'])).toMatchObject({
      电话: 'contact.phones',
      手机: 'contact.phones',
      邮箱: 'contact.emails',
    });
    expect(suggest(['名称', '电话', '手机', '邮箱'])).toMatchObject({
      电话: 'customer.profile.phone',
      手机: 'ignore',
      邮箱: 'customer.email',
    });
    expect(suggest(['名称', '联系人', '公司电话', '联系人手机号', '公司邮箱'])).toMatchObject({
      公司电话: 'customer.profile.phone',
      联系人手机号: 'contact.phones',
      公司邮箱: 'customer.email',
    });
  });

  it('ignores remarks in brackets and required-field stars, and unknown headers', () => {
    expect(suggest(['客户名称（必填）', '*税号', 'Phone (mobile)', '内部备用字段'])).toEqual({
      '客户名称（必填）': 'customer.name',
      '*税号': 'customer.taxNumber',
      'Phone (mobile)': 'customer.profile.phone',
      内部备用字段: 'ignore',
    });
  });

  it('gives a one-value field to the first column that names it', () => {
    expect(suggest(['名称', '客户名称', 'Name'])).toEqual({ 名称: 'customer.name', 客户名称: 'ignore', Name: 'ignore' });
  });

  it('offers history fields only in pass 2, and master fields other than the customer keys only in pass 1', () => {
    expect(suggest(['客户编号', '日期', '类型', '内容', '邮箱', '等级'], 'open_items')).toEqual({
      客户编号: 'customer.code',
      日期: 'history.occurredAt',
      类型: 'history.kind',
      内容: 'history.summary',
      邮箱: 'contact.emails',
      等级: 'ignore',
    });
    expect(suggest(['名称', '日期', '内容'])).toEqual({ 名称: 'customer.name', 日期: 'ignore', 内容: 'ignore' });
  });

  it('recognises custom fields by label or key', () => {
    const definitions = [{ key: 'contract_no', label: '合同编号' }];
    expect(suggestMapping(['名称', '合同编号', 'contract_no'], 'master', definitions)).toEqual({
      名称: 'customer.name',
      合同编号: 'custom.contract_no',
      contract_no: 'ignore',
    });
  });
});
