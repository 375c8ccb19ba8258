import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's structured log: one JSON object per line on stdout (a process manager or log
 * shipper collects it), with the process's role and pid on every line. CRM_LOG_LEVEL sets the
 * level (default info; the test projects set warn). Secrets never reach it: the redaction list
 * covers the places a token or password could appear.
 */
export function createLogger(options: { role: string; level?: string | undefined; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level ?? process.env.CRM_LOG_LEVEL ?? 'info',
      base: { role: options.role, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', 'authorization', 'token', 'refreshToken', 'password'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination(1),
  );
}

/** The shape a `log(message, error)` callback takes (ingestion, scheduler) on top of a logger. */
export const errorLogOf = (logger: Logger) => (message: string, error: unknown) => logger.error({ err: error }, message);
