import { randomBytes } from 'node:crypto';
import { ingestionConfigFromEnv, type IngestionConfig } from './ingestion-config';
import type { MessageLinkedListener } from './message-linked';
import { messageLinkedListeners } from './message-linked-listeners';
import { createProviderRegistry, type ProviderRegistry } from './registry';
import { createTokenCipher, type TokenCipher } from './token-cipher';

/** What the ingestion service is built with; start-server.ts makes it from the environment. */
export type IngestionDeps = {
  config: IngestionConfig;
  providers: ProviderRegistry;
  cipher: TokenCipher;
  /** The server's own URL as the user's browser reaches it (OAuth start and redirect URI). */
  publicUrl: string;
  /** Mutable so tests can add a listener to an already built service. */
  listeners: readonly MessageLinkedListener[];
};

export function createIngestionDeps(options: {
  config?: IngestionConfig;
  key?: Buffer;
  publicUrl?: string;
  listeners?: readonly MessageLinkedListener[];
}): IngestionDeps {
  const config = options.config ?? ingestionConfigFromEnv();
  return {
    config,
    providers: createProviderRegistry(config),
    // Without a configured key (tests, CLI): a key that lives as long as the process.
    cipher: createTokenCipher(options.key ?? randomBytes(32)),
    publicUrl: (options.publicUrl ?? 'http://127.0.0.1:8787').replace(/\/+$/, ''),
    listeners: options.listeners ?? messageLinkedListeners,
  };
}
