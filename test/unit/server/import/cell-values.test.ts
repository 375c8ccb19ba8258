import { describe, expect, it } from 'vitest';
import { isEmptyCell, parseCell, parseNumber } from '../../../../server/domain/import/cell-values';
import type { ValueKind } from '../../../../server/domain/import/targets';

const value = (kind: ValueKind, text: string, offset = 0) => {
  const r = parseCell(kind, text, offset);
  return r.ok ? r.value : `error: ${r.message}`;
};

describe('cell values', () => {
  it('reads amounts as people write them', () => {
    expect(['1,234.5', '¥12,000', '12.5万', '3亿', '1 234', '-7', '.5', '100元'].map((t) => {
      const r = parseNumber(t);
      return r.ok ? r.value : null;
    })).toEqual([1234.5, 12000, 125000, 300000000, 1234, -7, 0.5, 100]);
    expect(value('number', '12,34')).toMatch(/not a number/);
    expect(value('integer', '3.5')).toMatch(/not a whole number/);
  });

  it('reads dates, birthdays and moments', () => {
    expect(['2024-03-15', '2024/3/5', '2024.3.5', '2024年3月5日'].map((t) => value('date', t))).toEqual([
      '2024-03-15',
      '2024-03-05',
      '2024-03-05',
      '2024-03-05',
    ]);
    expect(value('date', '2024-02-30')).toMatch(/not a date/);
    expect(['1980-05-17', '05-17', '5/7', '5月17日'].map((t) => value('birthday', t))).toEqual(['1980-05-17', '05-17', '05-07', '05-17']);
    expect(value('birthday', '13-01')).toMatch(/not a date/);
    expect(value('instant', '2024/3/5 14:30', 480)).toBe('2024-03-05T06:30:00.000Z');
    expect(value('instant', '2024-03-05', -300)).toBe('2024-03-05T05:00:00.000Z');
    expect(value('instant', '2024-03-05T14:30:00+08:00')).toBe('2024-03-05T06:30:00.000Z');
    expect(value('instant', '2024-03-05 25:00')).toMatch(/not a date and time/);
  });

  it('reads the closed sets in English and Chinese', () => {
    expect(['A', 'b类', 'C级客户', '甲', 'a class'].map((t) => value('customerClass', t))).toEqual(['A', 'B', 'C', 'A', 'A']);
    expect(value('customerClass', 'D')).toBe('error: "D" is not a class (A, B or C)');
    expect(['战略', 'Important', '普通客户', '潜在'].map((t) => value('valueTier', t))).toEqual(['strategic', 'important', 'general', 'potential']);
    expect(['线索客户', '成交', 'strategic'].map((t) => value('pyramidStage', t))).toEqual(['lead', 'transacting', 'strategic']);
    expect(['突破期', '休眠', 'Defense'].map((t) => value('relationshipStage', t))).toEqual(['breakthrough', 'hibernation', 'defence']);
    expect(['转介绍', '展会', 'Web Research'].map((t) => value('leadSource', t))).toEqual(['referral', 'event', 'web_research']);
    expect(['决策人', 'Decision-Maker', '使用者'].map((t) => value('buyingRole', t))).toEqual(['decision_maker', 'decision_maker', 'user']);
    expect(['微信', 'E-mail', '拜访'].map((t) => value('preferredChannel', t))).toEqual(['wechat', 'email', 'visit']);
    expect(['电话', '拜访', '会议', '备注'].map((t) => value('historyKind', t))).toEqual(['call', 'visit', 'meeting', 'note']);
    expect(['是', 'Y', 'true', '√', '否', 'No', '0'].map((t) => value('boolean', t))).toEqual([true, true, true, true, false, false, false]);
    expect(['人民币', 'usd', '美元', 'gbp'].map((t) => value('currency', t))).toEqual(['CNY', 'USD', 'USD', 'GBP']);
  });

  it('splits list cells and takes domains from addresses, never a free-mail domain', () => {
    expect(value('list', '重点;华东，VIP、重点')).toEqual(['重点', '华东', 'VIP']);
    expect(value('emails', 'a@x.com; b@x.com\nc@x.com')).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
    expect(value('phones', '021-1234 5678；138 0013 8000')).toEqual(['021-1234 5678', '138 0013 8000']);
    expect(value('domains', '@acme.com, https://www.acme.cn/about')).toEqual(['acme.com', 'acme.cn']);
    expect(value('companyEmail', 'info@Acme.com; boss@qq.com')).toEqual(['acme.com']);
    expect(value('companyEmail', 'not mail')).toMatch(/not an email address/);
  });

  it('treats placeholders for "nothing" as empty cells', () => {
    expect(['', '  ', '-', '—', '/', '无', 'N/A', 'null'].every(isEmptyCell)).toBe(true);
    expect(['0', 'A', '-5'].some(isEmptyCell)).toBe(false);
  });
});
