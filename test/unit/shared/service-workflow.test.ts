import { describe, expect, it } from 'vitest';
import { legalSteps, serviceStepProblems, stageAfter, typeChangeProblem, type ServiceStep } from '../../../shared/domain/service-workflow';
import type { ServiceStage, ServiceType } from '../../../shared/schemas/service-item';

const RECEIVED = '2026-12-03T01:00:00.000Z';
const item = (type: ServiceType, stage: ServiceStage, chosenOptionId: string | null = null) => ({ type, stage, receivedAt: RECEIVED, chosenOptionId });
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, text: `方案 ${i + 1}` }));

const steps: Record<ServiceStep['step'], ServiceStep> = {
  commit: { step: 'commit', promisedReplyAt: '2026-12-04T01:00:00.000Z' },
  options: { step: 'options', options: options(3), chosenOptionId: null },
  resolve: { step: 'resolve', reply: '已电话告知客户', result: '补发 200 件' },
  close: { step: 'close', returnVisits: [] },
};
const codes = (i: ReturnType<typeof item>, s: ServiceStep) => serviceStepProblems(i, s).map((p) => p.code);

describe('complaint state machine: received → committed → options → resolved → return_visit → closed', () => {
  it('complaint state machine: walks the whole path and says which stage follows each step', () => {
    expect(codes(item('complaint', 'received'), steps.commit)).toEqual([]);
    expect(stageAfter(item('complaint', 'received'), 'commit')).toBe('committed');
    expect(codes(item('complaint', 'committed'), steps.options)).toEqual([]);
    expect(stageAfter(item('complaint', 'committed'), 'options')).toBe('options');
    expect(codes(item('complaint', 'options', 'o2'), steps.resolve)).toEqual([]);
    // Resolution starts the return visits at once.
    expect(stageAfter(item('complaint', 'options', 'o2'), 'resolve')).toBe('return_visit');
    expect(codes(item('complaint', 'return_visit', 'o2'), steps.close)).toEqual([]);
    expect(stageAfter(item('complaint', 'return_visit'), 'close')).toBe('closed');
  });

  it('complaint state machine: a new promise is allowed until resolved and keeps a later stage', () => {
    expect(codes(item('complaint', 'committed'), steps.commit)).toEqual([]);
    expect(stageAfter(item('complaint', 'committed'), 'commit')).toBe('committed');
    expect(codes(item('complaint', 'options'), steps.commit)).toEqual([]);
    expect(stageAfter(item('complaint', 'options'), 'commit')).toBe('options');
  });

  it('complaint state machine: rejects illegal transitions with what is needed first', () => {
    expect(serviceStepProblems(item('complaint', 'received'), steps.options)).toEqual([
      { code: 'commit_first', field: null, message: 'Promise the customer a reply time first (commit), then record the options.' },
    ]);
    expect(codes(item('complaint', 'received'), steps.resolve)).toEqual(['options_first']);
    expect(codes(item('complaint', 'committed'), steps.resolve)).toEqual(['options_first']);
    expect(codes(item('complaint', 'options'), steps.close)).toEqual(['resolve_first']);
    expect(codes(item('complaint', 'received'), steps.close)).toEqual(['resolve_first']);
    expect(codes(item('complaint', 'return_visit'), steps.commit)).toEqual(['already_resolved']);
    expect(codes(item('complaint', 'return_visit'), steps.resolve)).toEqual(['already_resolved']);
    expect(codes(item('complaint', 'return_visit'), steps.options)).toEqual(['already_resolved']);
    for (const step of Object.values(steps)) expect(codes(item('complaint', 'closed'), step)).toEqual(['already_closed']);
  });

  it('complaint state machine: offers exactly the legal steps of each stage', () => {
    expect(legalSteps(item('complaint', 'received'))).toEqual(['commit']);
    expect(legalSteps(item('complaint', 'committed'))).toEqual(['commit', 'options']);
    expect(legalSteps(item('complaint', 'options'))).toEqual(['commit', 'options', 'resolve']);
    expect(legalSteps(item('complaint', 'return_visit'))).toEqual(['close']);
    expect(legalSteps(item('complaint', 'closed'))).toEqual([]);
    expect(legalSteps(item('request', 'received'))).toEqual(['resolve']);
    expect(legalSteps(item('request', 'resolved'))).toEqual(['close']);
  });

  it('complaint state machine: resolve requires a reply AND a result, and the customer’s choice', () => {
    expect(serviceStepProblems(item('complaint', 'options'), { step: 'resolve', reply: '  ', result: '' })).toEqual([
      { code: 'choice_required', field: 'chosenOptionId', message: 'Record which option the customer chose before resolving.' },
      { code: 'reply_required', field: 'reply', message: 'Record the reply given to the customer.' },
      { code: 'result_required', field: 'result', message: 'Record the result: what was done.' },
    ]);
    expect(codes(item('complaint', 'options', 'o1'), { step: 'resolve', reply: '已回复', result: '' })).toEqual(['result_required']);
    expect(codes(item('complaint', 'options', 'o1'), { step: 'resolve', reply: '', result: '已补发' })).toEqual(['reply_required']);
  });

  it('complaint state machine: options need 3 to 4 texts, distinct ids, and a choice among them', () => {
    const at = item('complaint', 'committed');
    expect(serviceStepProblems(at, { step: 'options', options: options(2), chosenOptionId: null })).toEqual([
      { code: 'options_count', field: 'options', message: 'Prepare 3 to 4 options (2 given).', params: { count: 2 } },
    ]);
    expect(codes(at, { step: 'options', options: options(4), chosenOptionId: 'o4' })).toEqual([]);
    expect(codes(at, { step: 'options', options: options(5), chosenOptionId: null })).toEqual(['options_count']);
    expect(codes(at, { step: 'options', options: [...options(2), { id: 'o3', text: ' ' }], chosenOptionId: null })).toEqual(['option_text']);
    expect(codes(at, { step: 'options', options: [...options(2), { id: 'o1', text: 'x' }], chosenOptionId: null })).toEqual(['option_ids']);
    expect(codes(at, { step: 'options', options: options(3), chosenOptionId: 'o9' })).toEqual(['choice_unknown']);
  });

  it('complaint state machine: a promise cannot be earlier than the complaint', () => {
    expect(codes(item('complaint', 'received'), { step: 'commit', promisedReplyAt: '2026-12-03T00:59:00Z' })).toEqual(['promise_before_received']);
  });

  it('complaint state machine: closing waits for every return visit, saying how many are open and when the first is due', () => {
    const problems = serviceStepProblems(item('complaint', 'return_visit'), {
      step: 'close',
      returnVisits: [
        { status: 'done', dueAt: '2026-12-06T01:00:00.000Z' },
        { status: 'open', dueAt: '2026-12-17T01:00:00.000Z' },
      ],
    });
    expect(problems).toEqual([
      {
        code: 'return_visits_open',
        field: null,
        message: '1 return visit(s) still open (the first due 2026-12-17T01:00:00.000Z): complete or skip them first.',
        params: { count: 1, due: '2026-12-17T01:00:00.000Z' },
      },
    ]);
    const skipped = { step: 'close' as const, returnVisits: [{ status: 'skipped' as const, dueAt: RECEIVED }, { status: 'done' as const, dueAt: RECEIVED }] };
    expect(codes(item('complaint', 'return_visit'), skipped)).toEqual([]);
  });
});

describe('request state machine: received → resolved → closed', () => {
  it('request state machine: resolves and closes; has no promise or options; resolve still needs both texts', () => {
    expect(codes(item('request', 'received'), steps.resolve)).toEqual([]);
    expect(stageAfter(item('request', 'received'), 'resolve')).toBe('resolved');
    expect(codes(item('request', 'resolved'), steps.close)).toEqual([]);
    expect(codes(item('request', 'received'), steps.commit)).toEqual(['not_for_requests']);
    expect(codes(item('request', 'received'), steps.options)).toEqual(['not_for_requests']);
    expect(codes(item('request', 'received'), steps.close)).toEqual(['resolve_first']);
    expect(codes(item('request', 'resolved'), steps.resolve)).toEqual(['already_resolved']);
    expect(codes(item('request', 'received'), { step: 'resolve', reply: '已答复', result: '' })).toEqual(['result_required']);
  });

  it('the type changes only while the item is still received', () => {
    expect(typeChangeProblem(item('request', 'received'), 'complaint')).toBeNull();
    expect(typeChangeProblem(item('complaint', 'committed'), 'complaint')).toBeNull();
    expect(typeChangeProblem(item('complaint', 'committed'), 'request')?.code).toBe('type_locked');
  });
});
