import { useEffect, useState } from 'preact/hooks';
import type { Live } from '../../local-db/live';

/**
 * Subscribes to a local-db live query. The value is tied to the deps it was computed for, so a
 * new sender never shows the previous sender's customer while its query runs.
 */
export function useLive<T>(factory: () => Live<T>, deps: unknown[]): T | undefined {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<{ key: string; value: T } | undefined>(undefined);
  useEffect(() => factory().subscribe((value) => setState({ key, value })), [key]);
  return state?.key === key ? state.value : undefined;
}
