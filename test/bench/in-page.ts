/**
 * Runs `fn(arg)` in a page, frame or worker. tsx compiles this bench with esbuild's keepNames,
 * which wraps nested functions in a `__name(...)` helper that does not exist in the browser; the
 * function is therefore sent as source text with a no-op __name in scope.
 */
type Target = { evaluate(expression: string): Promise<unknown> };

export async function inPage<A, R>(target: Target, fn: (arg: A) => R, arg?: A): Promise<Awaited<R>> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
  return (await target.evaluate(source)) as Awaited<R>;
}
