import { randomUUID } from 'node:crypto';
import type { AuthedUser } from '../domain/auth-service';
import type { Services } from '../domain/services';
import type { Logger } from '../observability/logger';

export type Context = {
  services: Services;
  /** Null when no valid bearer token came with the request. */
  user: AuthedUser | null;
  /** The raw bearer token, kept only so signOut can revoke exactly this session. */
  token: string | null;
  requestId: string;
  /** The client's network address (sign-in rate limit); null when unknown (createCaller). */
  clientAddress: string | null;
  /** Issue 8: the server's structured log (HTTP); absent under createCaller in tests. */
  log?: Logger;
};

/** Shared by the HTTP adapter and tests (createCaller), so both authenticate the same way. */
export async function createContext(
  services: Services,
  authorization: string | undefined | null,
  requestId: string = randomUUID(),
  clientAddress: string | null = null,
  log?: Logger,
): Promise<Context> {
  const token = bearerTokenOf(authorization);
  const user = token ? await services.auth.authenticate(token) : null;
  return { services, user, token: user ? token : null, requestId, clientAddress, ...(log ? { log } : {}) };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerTokenOf(authorization: string | undefined | null): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}
