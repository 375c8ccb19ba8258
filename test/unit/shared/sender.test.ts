import { describe, expect, it } from 'vitest';
import { pickCounterpart } from '../../../shared/domain/sender';
import type { Participant } from '../../../shared/schemas/host-context';

const p = (email: string, role: Participant['role'], name = ''): Participant => ({ email, role, name });

describe('pickCounterpart', () => {
  it('picks the latest sender who is not me', () => {
    const ps = [p('ann@acme.example', 'from'), p('me@us.example', 'to'), p('bob@acme.example', 'from'), p('Me@Us.example', 'from')];
    expect(pickCounterpart(ps, 'me@us.example')?.email).toBe('bob@acme.example');
  });
  it('falls back to the first other recipient for a thread I started', () => {
    const ps = [p('me@us.example', 'from'), p('carol@client.example', 'to'), p('dan@client.example', 'cc')];
    expect(pickCounterpart(ps, '\u200bME@us.example')?.email).toBe('carol@client.example');
  });
  it('returns null when only I am in the thread, and works without knowing the account', () => {
    expect(pickCounterpart([p('me@us.example', 'from')], 'me@us.example')).toBeNull();
    expect(pickCounterpart([p('ann@acme.example', 'to'), p('me@us.example', 'from')], null)?.email).toBe('me@us.example');
  });
});

describe('pickCounterpart and colleagues', () => {
  it('chooses the customer side when a colleague wrote last', () => {
    const ps = [p('hans@bergmann.example', 'from'), p('ben@us.example', 'from'), p('me@us.example', 'cc')];
    expect(pickCounterpart(ps, 'me@us.example')?.email).toBe('hans@bergmann.example');
  });
  it('chooses the customer among recipients of a thread a colleague started', () => {
    const ps = [p('ben@us.example', 'from'), p('ann@us.example', 'to'), p('carol@client.example', 'to')];
    expect(pickCounterpart(ps, 'me@us.example')?.email).toBe('carol@client.example');
  });
  it('returns null for a thread among colleagues only', () => {
    expect(pickCounterpart([p('ben@us.example', 'from'), p('me@us.example', 'to')], 'me@us.example')).toBeNull();
  });
  it('does not treat people at the same free-mail provider as colleagues', () => {
    const ps = [p('friend@gmail.com', 'from'), p('me@gmail.com', 'to')];
    expect(pickCounterpart(ps, 'me@gmail.com')?.email).toBe('friend@gmail.com');
  });
});
