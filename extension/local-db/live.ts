import { liveQuery } from 'dexie';

/** What the UI subscribes to; keeps Dexie's Observable type out of the sidebar. */
export type Live<T> = {
  subscribe(next: (value: T) => void, error?: (error: unknown) => void): () => void;
};

/** Re-runs `query` whenever a table it read changes, in any context of this origin. */
export function live<T>(query: () => Promise<T>): Live<T> {
  const observable = liveQuery(query);
  return {
    subscribe(next, error) {
      const subscription = observable.subscribe({ next, error: error ?? ((e) => console.warn('[inbox-crm]', e)) });
      return () => subscription.unsubscribe();
    },
  };
}
