import type { IngestionConfig } from './ingestion-config';
import type { Provider } from './provider';
import { googleProvider } from './providers/google/google-provider';
import { microsoftProvider } from './providers/microsoft/microsoft-provider';

export type ProviderRegistry = ReadonlyMap<string, Provider>;

/** Every mail and calendar provider, one line each (DESIGN.md "Providers"; no switch elsewhere). */
export function createProviderRegistry(config: IngestionConfig): ProviderRegistry {
  const providers = [
    googleProvider(config),
    microsoftProvider(config),
  ];
  return new Map(providers.map((p) => [p.id, p]));
}

export function providerOf(registry: ProviderRegistry, id: string): Provider {
  const provider = registry.get(id);
  if (!provider) throw new Error(`no provider ${id}`);
  return provider;
}
