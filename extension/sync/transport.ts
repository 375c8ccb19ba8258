import type { PullInput, PullOutput, PushInput, PushOutput } from '../../shared/schemas/sync';

/** The engine's view of the server; the tRPC client implements it, tests pass a fake. */
export type SyncTransport = {
  push(input: PushInput): Promise<PushOutput>;
  pull(input: PullInput): Promise<PullOutput>;
};

/**
 * 'invalid': the server refused the request's shape (BAD_REQUEST), e.g. after a version skew or
 * a corrupt stored cursor. 'too-large': it refused the request's size (413); retrying the same
 * request can never succeed.
 */
export type TransportErrorKind = 'offline' | 'unauthorized' | 'invalid' | 'too-large' | 'error';

/** Thrown by a transport so the engine can tell "no network" and "token refused" apart. */
export class SyncTransportError extends Error {
  override name = 'SyncTransportError';
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
  ) {
    super(message);
  }
}
