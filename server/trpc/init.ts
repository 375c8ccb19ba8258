import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError } from '../domain/errors';
import type { Context } from './context';
import { describeIssues, flattenIssues, hasIssues } from './zod-message';
import { isDatabaseUnavailable } from '../storage/database-unavailable';

const t = initTRPC.context<Context>().create({
  // Never put stack traces in responses, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' && hasIssues(error.cause) ? flattenIssues(error.cause.issues) : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    return {
      ...shape,
      message: internal ? 'internal error' : shape.message,
      data: { ...data, ...(issues ? { zodError: issues } : {}) },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns what services and validators throw into client-facing errors, for HTTP and createCaller
 * alike: domain refusals keep their message, input errors name the field, anything else is
 * logged with the request id and leaves as a bare "internal error" (no SQL, no stack).
 */
const errorTranslation = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  const cause = error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message });
  if (error.code === 'BAD_REQUEST' && hasIssues(cause)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: describeIssues(cause.issues), cause });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(cause)) {
    // Issue 8: a database restart is the client's cue to retry (503), not a bug report.
    ctx.log?.warn({ reqId: ctx.requestId, path, err: cause }, 'database unavailable');
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    if (ctx.log) ctx.log.error({ reqId: ctx.requestId, path, err: cause ?? error }, 'procedure failed');
    else console.error(`[${ctx.requestId}] ${path} failed:`, cause ?? error);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
  }
  return result;
});

export const DATABASE_UNAVAILABLE = 'the database is unavailable; try again shortly';

export const publicProcedure = t.procedure.use(errorTranslation);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.token) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first: missing, expired or revoked token' });
  }
  return next({ ctx: { ...ctx, user: ctx.user, token: ctx.token } });
});
