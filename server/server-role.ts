/**
 * Issue 8: which part of the server a process runs. `all` (the default) is the one-process
 * embedded setup; production runs N `api` and M `worker` processes against one PostgreSQL.
 */
export const serverRoles = ['all', 'api', 'worker'] as const;
export type ServerRole = (typeof serverRoles)[number];

/** `--role api|worker|all` on the command line, else CRM_ROLE, else all. */
export function serverRoleFrom(argv: readonly string[], env: NodeJS.ProcessEnv): ServerRole {
  const flag = argv.indexOf('--role');
  const inline = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
  const value = inline ?? (flag >= 0 ? argv[flag + 1] : undefined) ?? env.CRM_ROLE ?? 'all';
  const role = serverRoles.find((r) => r === value);
  if (!role) throw new Error(`unknown server role "${value}": use one of ${serverRoles.join(', ')}`);
  return role;
}
