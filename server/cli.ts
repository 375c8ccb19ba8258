import { parseArgs } from 'node:util';
import { emailAddressSchema } from '../shared/schemas/common';
import { roleSchema } from '../shared/schemas/member';
import { cliCommand } from './cli-command';
import { defaultTimeZone } from './domain/default-time-zone';
import type { Services } from './domain/services';
import { databaseConfigFromEnv, openServices } from './open-services';

/**
 * Admin commands on the same database as the server (DATABASE_URL / CRM_DATA_DIR). Run them
 * while the server is stopped: PGlite's folder belongs to one process at a time.
 *   tsx server/cli.ts create-org --name N --admin-email E [--admin-name X] [--time-zone Z] [--json]
 *   tsx server/cli.ts add-user (--org-id ID | --email-of-admin E) --email E --name N --role R [--json]
 *   tsx server/cli.ts issue-code --email E [--org-id ID] [--json]
 */
const CLI = cliCommand();
const USAGE = `usage:
  ${CLI} create-org --name NAME --admin-email EMAIL [--admin-name NAME] [--time-zone ZONE] [--json]
  ${CLI} add-user (--org-id ID | --email-of-admin EMAIL) --email EMAIL --name NAME --role ROLE [--json]
  ${CLI} issue-code --email EMAIL [--org-id ID] [--json]
roles: ${roleSchema.options.join(', ')}`;

type Output = { orgId: string; userId: string; email: string; code: string };
type Flags = Record<string, string | boolean | undefined>;

class UsageError extends Error {}

const commands: Record<string, (services: Services, flags: Flags) => Promise<Output>> = {
  'create-org': (services, f) =>
    services.auth.createOrganisation({
      name: required(f, 'name'),
      adminEmail: email(f, 'admin-email'),
      adminName: optional(f, 'admin-name'),
      // --time-zone, else CRM_TIME_ZONE, else this machine's zone.
      timeZone: timeZone(optional(f, 'time-zone') ?? process.env.CRM_TIME_ZONE),
    }),

  async 'add-user'(services, f) {
    const role = roleSchema.safeParse(required(f, 'role'));
    if (!role.success) throw new UsageError(`--role must be one of: ${roleSchema.options.join(', ')}`);
    let orgId = optional(f, 'org-id');
    if (!orgId) {
      const admins = (await services.auth.findUsersByEmail(required(f, 'email-of-admin'))).filter(
        (u) => u.role === 'admin',
      );
      if (admins.length !== 1) {
        throw new UsageError(admins.length ? 'that admin is in several organisations: use --org-id' : 'no such admin');
      }
      orgId = admins[0]!.orgId;
    }
    return services.auth.addUser(orgId, { email: email(f, 'email'), displayName: required(f, 'name'), role: role.data });
  },

  async 'issue-code'(services, f) {
    const orgId = optional(f, 'org-id');
    const users = (await services.auth.findUsersByEmail(required(f, 'email'))).filter((u) => !orgId || u.orgId === orgId);
    if (users.length === 0) throw new UsageError('no user with that email');
    if (users.length > 1) {
      throw new UsageError(`that email exists in several organisations (${users.map((u) => u.orgId).join(', ')}): use --org-id`);
    }
    const user = users[0]!;
    return { orgId: user.orgId, userId: user.id, email: user.email, code: await services.auth.reissueCode(user.id) };
  },
};

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}
/** The CLI is a trust boundary like tRPC input: the same address rule applies. */
function email(flags: Flags, name: string): string {
  const parsed = emailAddressSchema.safeParse(required(flags, name));
  if (!parsed.success) throw new UsageError(`--${name} must be an email address`);
  return parsed.data;
}
function timeZone(configured: string | undefined): string {
  try {
    return defaultTimeZone(configured);
  } catch (error) {
    throw new UsageError((error as Error).message.replace('CRM_TIME_ZONE=', '--time-zone / CRM_TIME_ZONE '));
  }
}
function optional(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(
      ['name', 'admin-email', 'admin-name', 'time-zone', 'org-id', 'email-of-admin', 'email', 'role'].map((n) => [
        n,
        { type: 'string' as const },
      ]),
    ) as Record<string, { type: 'string' }>,
    strict: false,
  });
  const json = process.argv.includes('--json');
  const command = commands[positionals[0] ?? ''];
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  const { db, services } = await openServices(databaseConfigFromEnv());
  try {
    const out = await command(services, values);
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(`organisation: ${out.orgId}\nuser:         ${out.userId} <${out.email}>`);
      console.log(`one-time sign-in code (valid 24 hours, single use): ${out.code}`);
    }
    return 0;
  } catch (err) {
    const known = err instanceof UsageError || (err instanceof Error && err.name === 'DomainError');
    console.error(known ? `error: ${(err as Error).message}` : err);
    if (err instanceof UsageError) console.error(USAGE);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
