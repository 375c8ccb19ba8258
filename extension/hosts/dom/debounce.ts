/**
 * Coalesces bursts: the first call schedules `fn` after `ms`, later calls until then are absorbed.
 * Unlike a trailing debounce it still runs while a page mutates continuously (Gmail does).
 */
export function coalesce(fn: () => void, ms: number): { run: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
