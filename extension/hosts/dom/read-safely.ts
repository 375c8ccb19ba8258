import type { Host, HostContext, UnstampedContext } from '../../../shared/schemas/host-context';
import { hostContextSchema } from '../../../shared/schemas/host-context';
import { originOf } from '../host-origins';

/**
 * Thrown inside an adapter when the page lacks a part it needs (house rule 3: fail loudly
 * inside); the edge below turns it into kind 'unreadable'.
 */
export class HostReadError extends Error {
  override name = 'HostReadError';
}

export type ReadResult = { context: HostContext; error: Error | null };
export type HostReader = (doc: Document, href: string) => UnstampedContext;

/** The edge of every adapter: never throws; anything unreadable or invalid becomes 'unreadable'. */
export function readSafely(host: Host, read: HostReader, doc: Document, href: string, seq: number): ReadResult {
  try {
    const parsed = hostContextSchema.safeParse({ ...read(doc, href), seq });
    if (parsed.success) return { context: parsed.data, error: null };
    return { context: unreadableContext(host, href, seq, 'invalid'), error: new HostReadError(parsed.error.message) };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const reason = err instanceof HostReadError ? 'missing-parts' : 'error';
    return { context: unreadableContext(host, href, seq, reason), error: err };
  }
}

export function unreadableContext(host: Host, href: string, seq: number, reason: string): HostContext {
  // The URL itself could be hostile or too long; keep a bounded, valid stand-in of the same origin.
  const url = href.length <= 4096 ? href : `${originOf(href) ?? 'https://unknown.invalid'}/`;
  return { host, kind: 'unreadable', url, seq, reason };
}
