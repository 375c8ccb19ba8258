import { useEffect, useState } from 'preact/hooks';
import type { HostContext } from '../../../shared/schemas/host-context';
import type { startHostContextFeed } from '../host-context-feed';

export type HostContextFeed = ReturnType<typeof startHostContextFeed>;

/** The page's current context from the feed started before render; undefined = nothing yet. */
export function useHostContext(feed: HostContextFeed): HostContext | undefined {
  const [context, setContext] = useState<HostContext | undefined>(feed.current());
  useEffect(() => {
    setContext(feed.current());
    return feed.subscribe(setContext);
  }, [feed]);
  return context;
}
