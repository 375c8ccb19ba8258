// addons-linter ships no types; this is the part of its API the Firefox build test uses.
declare module 'addons-linter' {
  type Config = Record<string, unknown> & { _: string[] };
  const linter: { createInstance(options: { config: Config; runAsBinary?: boolean }): { run(): Promise<unknown> } };
  export default linter;
}
