/**
 * Errors that mean "the database cannot be reached right now" (restart, failover, network) rather
 * than "this request is wrong": clients should retry them. node-postgres reports socket errors by
 * errno code and server shutdowns by SQLSTATE class 08 (connection exception) and 57P01-57P03
 * (admin/crash shutdown, cannot connect now).
 */
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CODES.has(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(e.message)) return true;
  }
  return false;
}
