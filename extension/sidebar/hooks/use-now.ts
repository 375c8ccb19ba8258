import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs` while mounted (live countdowns). */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
