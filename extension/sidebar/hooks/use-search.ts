import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../../local-db/queries/search';

export type SearchFn = (text: string, limit: number) => Promise<SearchHit[]>;

export type SearchState =
  | { status: 'empty' }
  | { status: 'searching'; text: string }
  | { status: 'done'; text: string; hits: SearchHit[] }
  | { status: 'failed'; text: string; error: string };

/** Name of the User Timing measure around each query (DevTools performance panel; test/bench/search.ts reads it). */
export const SEARCH_MEASURE = 'inbox-crm:search';

/**
 * Searches as the user types. No fixed debounce delay: a query runs at once, and text typed
 * while one is running waits for it, so at most one query is in flight and the newest text is
 * always the next one asked (a query takes a few ms, typing ~100 ms per key). Answers for text
 * that has changed since are dropped, so an older answer never replaces a newer one.
 */
export function useSearch(search: SearchFn, text: string, limit: number): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'empty' });
  const latest = useRef(text);
  const running = useRef(false);
  latest.current = text;

  useEffect(() => {
    if (!text.trim()) {
      setState({ status: 'empty' });
      return;
    }
    if (running.current) return; // the running query picks up latest.current when it ends
    const run = async (asked: string): Promise<void> => {
      running.current = true;
      const start = performance.now();
      try {
        const hits = await search(asked, limit);
        performance.measure?.(SEARCH_MEASURE, { start, detail: { text: asked, hits: hits.length } });
        if (asked === latest.current) setState({ status: 'done', text: asked, hits });
      } catch (error) {
        if (asked === latest.current) setState({ status: 'failed', text: asked, error: String(error) });
      } finally {
        running.current = false;
      }
      if (latest.current !== asked && latest.current.trim()) void run(latest.current);
    };
    setState((s) => (s.status === 'done' ? s : { status: 'searching', text }));
    void run(text);
  }, [text, search, limit]);

  return state;
}
