import type { FollowUpStatus } from '../schemas/follow-up';
import type { ServiceOption, ServiceStage, ServiceType } from '../schemas/service-item';

/**
 * The complaint state machine (DOMAIN.md "Service: complaints and requests", seeds CMP-05/07):
 *
 *   complaint: received → committed → options → resolved → return_visit → closed
 *   request:   received → resolved → closed
 *
 * A complaint is committed to a reply time (again and again until solved: a new promise moves
 * the reminder), gets 3-4 options and the customer's choice, is resolved with a reply AND a
 * result (it then waits for its automatic return visits, so `resolved` passes straight on to
 * `return_visit`), and closes once every return visit is done or skipped. A request, the light
 * path for an inquiry answered at once, only needs the reply and the result. The sidebar runs
 * these checks before queueing a change and the server runs them again before applying it; every
 * refusal says what is needed, naming the field when one field is the problem.
 */
export type ServiceStep =
  | { step: 'commit'; promisedReplyAt: string }
  | { step: 'options'; options: readonly ServiceOption[]; chosenOptionId: string | null }
  | { step: 'resolve'; reply: string; result: string }
  | { step: 'close'; returnVisits: readonly { status: FollowUpStatus; dueAt: string }[] };
export type ServiceStepName = ServiceStep['step'];

export type ServiceProblemCode =
  | 'not_for_requests'
  | 'already_closed'
  | 'already_resolved'
  | 'commit_first'
  | 'options_first'
  | 'resolve_first'
  | 'promise_before_received'
  | 'options_count'
  | 'option_text'
  | 'option_ids'
  | 'choice_unknown'
  | 'choice_required'
  | 'reply_required'
  | 'result_required'
  | 'return_visits_open'
  | 'type_locked'
  | 'reply_before_received';

export type ServiceProblem = {
  code: ServiceProblemCode;
  /** The field to show the message beside; null when the item's stage is the problem. */
  field: string | null;
  /** English, saying what is needed (server rejections); the sidebar translates by code. */
  message: string;
  params?: Record<string, string | number>;
};

/** The stages each step may start from. */
const LEGAL_FROM: Record<ServiceType, Record<ServiceStepName, readonly ServiceStage[]>> = {
  complaint: {
    commit: ['received', 'committed', 'options'],
    options: ['committed', 'options'],
    resolve: ['options'],
    close: ['return_visit'],
  },
  request: { commit: [], options: [], resolve: ['received'], close: ['resolved'] },
};

export const MIN_OPTIONS = 3;
export const MAX_OPTIONS = 4;

type ItemState = {
  type: ServiceType;
  stage: ServiceStage;
  receivedAt: string;
  chosenOptionId: string | null;
};

const problem = (
  code: ServiceProblemCode,
  field: string | null,
  message: string,
  params?: ServiceProblem['params'],
): ServiceProblem => ({ code, field, message, ...(params ? { params } : {}) });

/** Steps the item can take now (the sidebar offers only these). */
export function legalSteps(item: Pick<ItemState, 'type' | 'stage'>): ServiceStepName[] {
  return (Object.keys(LEGAL_FROM[item.type]) as ServiceStepName[]).filter((s) => LEGAL_FROM[item.type][s].includes(item.stage));
}

/** Why the item's stage does not allow the step, or null. */
function stageProblem(item: ItemState, step: ServiceStepName): ServiceProblem | null {
  if (LEGAL_FROM[item.type][step].includes(item.stage)) return null;
  if (item.type === 'request' && (step === 'commit' || step === 'options')) {
    return problem('not_for_requests', null, 'Only complaints have a promised reply time and options; make it a complaint first.');
  }
  if (item.stage === 'closed') return problem('already_closed', null, 'It is already closed.');
  if (step === 'close') return problem('resolve_first', null, 'Resolve it first: record the reply and the result.');
  if (item.stage === 'resolved' || item.stage === 'return_visit') {
    return problem('already_resolved', null, 'It is already resolved.');
  }
  if (step === 'options') {
    return problem('commit_first', null, 'Promise the customer a reply time first (commit), then record the options.');
  }
  return problem('options_first', null, `Record ${MIN_OPTIONS}-${MAX_OPTIONS} options and the customer's choice before resolving.`);
}

function optionProblems(options: readonly ServiceOption[], chosenOptionId: string | null): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    problems.push(
      problem('options_count', 'options', `Prepare ${MIN_OPTIONS} to ${MAX_OPTIONS} options (${options.length} given).`, {
        count: options.length,
      }),
    );
  }
  if (options.some((o) => o.text.trim() === '')) problems.push(problem('option_text', 'options', 'Every option needs a text.'));
  if (new Set(options.map((o) => o.id)).size !== options.length) {
    problems.push(problem('option_ids', 'options', 'Two options have the same id.'));
  }
  if (chosenOptionId !== null && !options.some((o) => o.id === chosenOptionId)) {
    problems.push(problem('choice_unknown', 'chosenOptionId', "The customer's choice must be one of the options."));
  }
  return problems;
}

/**
 * Everything that stops the step, empty when it may go ahead. Field problems are all listed
 * (a form shows each beside its field); a stage problem comes alone, since no field can fix it.
 */
export function serviceStepProblems(item: ItemState, step: ServiceStep): ServiceProblem[] {
  const stage = stageProblem(item, step.step);
  if (stage) return [stage];
  switch (step.step) {
    case 'commit':
      return Date.parse(step.promisedReplyAt) < Date.parse(item.receivedAt)
        ? [problem('promise_before_received', 'promisedReplyAt', 'The promised reply time must be after the complaint was received.')]
        : [];
    case 'options':
      return optionProblems(step.options, step.chosenOptionId);
    case 'resolve': {
      const problems: ServiceProblem[] = [];
      if (item.type === 'complaint' && item.chosenOptionId === null) {
        problems.push(problem('choice_required', 'chosenOptionId', 'Record which option the customer chose before resolving.'));
      }
      if (step.reply.trim() === '') problems.push(problem('reply_required', 'reply', 'Record the reply given to the customer.'));
      if (step.result.trim() === '') problems.push(problem('result_required', 'result', 'Record the result: what was done.'));
      return problems;
    }
    case 'close': {
      const open = step.returnVisits.filter((f) => f.status === 'open');
      if (open.length === 0) return [];
      const firstDue = open.map((f) => f.dueAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0]!;
      return [
        problem(
          'return_visits_open',
          null,
          `${open.length} return visit(s) still open (the first due ${firstDue}): complete or skip them first.`,
          { count: open.length, due: firstDue },
        ),
      ];
    }
  }
}

/** The stage after a legal step: a complaint's resolution moves on to its return visits. */
export function stageAfter(item: Pick<ItemState, 'type' | 'stage'>, step: ServiceStepName): ServiceStage {
  switch (step) {
    case 'commit':
      return item.stage === 'received' ? 'committed' : item.stage;
    case 'options':
      return 'options';
    case 'resolve':
      return item.type === 'complaint' ? 'return_visit' : 'resolved';
    case 'close':
      return 'closed';
  }
}

/** The type is what decides the path, so it can change only before the path has begun. */
export function typeChangeProblem(item: Pick<ItemState, 'type' | 'stage'>, type: ServiceType): ServiceProblem | null {
  if (type === item.type || item.stage === 'received') return null;
  return problem('type_locked', 'type', 'The type can change only while the item is still received.');
}

/** A first reply cannot come before the request it answers. */
export function firstReplyProblem(item: Pick<ItemState, 'receivedAt'>, repliedAt: string): ServiceProblem | null {
  return Date.parse(repliedAt) < Date.parse(item.receivedAt)
    ? problem('reply_before_received', 'repliedAt', 'The reply cannot be earlier than when the request was received.')
    : null;
}
