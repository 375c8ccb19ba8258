import { useEffect, useState } from 'preact/hooks';
import type { HostContext } from '../../../shared/schemas/host-context';

/** Where the sidebar gets the page's context: the content script's port (iframe) or the active tab (side panel). */
export type HostContextFeed = {
  current(): HostContext | undefined;
  subscribe(listener: (context: HostContext | undefined) => void): () => void;
};

/** The page's current context from the feed started before render; undefined = nothing yet. */
export function useHostContext(feed: HostContextFeed): HostContext | undefined {
  const [context, setContext] = useState<HostContext | undefined>(feed.current());
  useEffect(() => {
    setContext(feed.current());
    return feed.subscribe(setContext);
  }, [feed]);
  return context;
}
