import { describe, expect, it } from 'vitest';
import { editDistanceAtMost, namesNearlyEqual, normaliseCompanyName } from '../../../shared/domain/company-name';

describe('normaliseCompanyName', () => {
  it('ignores case, width, spaces, punctuation and legal-form suffixes', () => {
    const same = ['上海宝钢（集团）股份有限公司', '上海宝钢集团有限公司', '上海宝钢集团', '上海 宝钢', '上海宝钢公司'];
    expect(new Set(same.map(normaliseCompanyName))).toEqual(new Set(['上海宝钢']));
    const acme = ['ACME Co., Ltd.', 'Acme Inc', 'acme corporation', 'ＡＣＭＥ　GmbH', 'Acme Group Holdings'];
    expect(new Set(acme.map(normaliseCompanyName))).toEqual(new Set(['acme']));
  });

  it('keeps what tells two companies apart', () => {
    expect(normaliseCompanyName('西门子（中国）有限公司')).toBe('西门子中国');
    expect(normaliseCompanyName('华为技术有限公司北京分公司')).toBe('华为技术有限公司北京分');
    // A name that is only a suffix is kept whole rather than emptied.
    expect(normaliseCompanyName('Group')).toBe('group');
    expect(normaliseCompanyName('Co. Ltd.')).toBe('co');
  });
});

describe('near-identical names', () => {
  it('counts edits (with swaps) up to a bound', () => {
    expect(editDistanceAtMost('kitten', 'sitting', 5)).toBe(3);
    expect(editDistanceAtMost('kitten', 'sitting', 1)).toBe(2);
    expect(editDistanceAtMost('abcdef', 'abdcef', 1)).toBe(1);
    expect(editDistanceAtMost('东方钢铁', '东方钢材', 2)).toBe(1);
  });

  it('allows one edit from five letters on, or eight Chinese characters; none below', () => {
    expect(namesNearlyEqual('siemens', 'siemans')).toBe(true);
    expect(namesNearlyEqual('深圳市华强北电子科技', '深圳华强北电子科技')).toBe(true);
    expect(namesNearlyEqual('上海宏达贸易', '上海宏远贸易')).toBe(false);
    expect(namesNearlyEqual('acme', 'acne')).toBe(false);
    expect(namesNearlyEqual('东方钢铁', '东方钢材')).toBe(false);
    expect(namesNearlyEqual('siemens', 'simmans')).toBe(false);
  });
});
