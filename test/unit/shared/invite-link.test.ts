import { describe, expect, it } from 'vitest';
import { inviteLink, parseInviteLink } from '../../../shared/domain/invite-link';

describe('invite links', () => {
  it('carry server, address and code, and read back exactly', () => {
    const invite = { serverUrl: 'https://crm.example.cn/api/', email: '王芳+crm@例子.中国', code: 'ABCD-EFGH-JKMN' };
    const link = inviteLink(invite);
    expect(link.startsWith('https://crm.example.cn/api/join#')).toBe(true);
    expect(parseInviteLink(`  ${link}\n`)).toEqual({ ...invite, serverUrl: 'https://crm.example.cn/api' });
    expect(parseInviteLink(inviteLink({ serverUrl: 'http://127.0.0.1:8787', email: 'a@b.example', code: 'X' }))).toEqual({
      serverUrl: 'http://127.0.0.1:8787',
      email: 'a@b.example',
      code: 'X',
    });
  });

  it('are not mistaken for anything else', () => {
    for (const text of ['ABCD2345EFGH', 'javascript:alert(1)//join#email=a&code=b', 'https://x.example/join', 'https://x.example/other#email=a@b.c&code=1', 'ftp://x.example/join#email=a@b.c&code=1']) {
      expect(parseInviteLink(text)).toBeNull();
    }
  });
});
