import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { importMappingSchema, MAX_IMPORT_BYTES, type ImportMapping } from '../../shared/schemas/import';
import type { AppRouter } from '../trpc/app-router';
import { hasWork, reportText, resultText } from './report-text';
import { cliCommand } from '../cli-command';

/**
 * `npm run import -- FILE [options]`: imports a CSV or .xlsx into a RUNNING server, as the
 * options page does: dry run first, the report, then the write only after --yes or a "y".
 */
const USAGE = `usage: npm run import -- FILE [options]
  --server URL        the server (default $CRM_SERVER_URL or http://127.0.0.1:8787)
  --token TOKEN       a session token (default $CRM_TOKEN), or sign in with:
  --email E --code C  a one-time code from \`${cliCommand()} issue-code --email E\`
                      (run while the server is stopped); prints a token to reuse as CRM_TOKEN
  --mapping JSON      column → field overrides, e.g. '{"电话":"contact.phones","备注":"ignore"}'
                      or @mapping.json; other columns keep the suggested mapping
  --pass P            master (default; customers and contacts) or open-items (timeline history, open requests and complaints)
  --duplicates D      skip (default) or create rows that look like existing customers
  --yes               apply without asking
  --json              print the report as JSON
Only managers and admins may import.`;

class UsageError extends Error {}

function options() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      email: { type: 'string' },
      code: { type: 'string' },
      mapping: { type: 'string' },
      pass: { type: 'string' },
      duplicates: { type: 'string' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new UsageError('');
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE');
  const pass = ({ master: 'master', 'open-items': 'open_items', open_items: 'open_items' } as const)[values.pass ?? 'master'];
  if (!pass) throw new UsageError('--pass must be master or open-items');
  const duplicates = values.duplicates ?? 'skip';
  if (duplicates !== 'skip' && duplicates !== 'create') throw new UsageError('--duplicates must be skip or create');
  return { ...values, file, pass, duplicates, mapping: readMapping(values.mapping) } as const;
}

function readMapping(raw: string | undefined): ImportMapping {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw);
  } catch (error) {
    throw new UsageError(`--mapping is not JSON: ${(error as Error).message}`);
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`--mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

const client = (server: string, token: string | null) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.replace(/\/+$/, '')}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const o = options();
  const server = o.server ?? process.env.CRM_SERVER_URL ?? 'http://127.0.0.1:8787';
  const size = statSync(o.file).size;
  if (size > MAX_IMPORT_BYTES) {
    throw new UsageError(`${o.file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files`);
  }
  let token = o.token ?? process.env.CRM_TOKEN ?? null;
  if (o.email && o.code) {
    const session = await client(server, null).auth.signIn.mutate({ email: o.email, code: o.code, deviceName: 'import cli' });
    token = session.token;
    console.error(`signed in as ${session.user.email}; reuse this session with CRM_TOKEN=${token}`);
  }
  if (!token) throw new UsageError('no token: pass --token, set CRM_TOKEN, or sign in with --email and --code');
  const api = client(server, token);
  const report = await api.imports.plan.mutate({
    fileName: path.basename(o.file),
    contentBase64: readFileSync(o.file).toString('base64'),
    pass: o.pass,
    mapping: o.mapping,
    duplicates: o.duplicates,
    utcOffsetMinutes: -new Date().getTimezoneOffset(),
  });
  console.log(o.json ? JSON.stringify(report, null, 2) : reportText(report));
  if (!hasWork(report)) {
    console.log('\nNothing to import.');
    return 0;
  }
  const go = o.yes || (await confirm('\nApply this import? Rows with errors are left out. [y/N] '));
  if (!go) {
    console.log(`\nNothing was written${process.stdin.isTTY ? '.' : ' (not a terminal: re-run with --yes to apply).'}`);
    return 0;
  }
  console.log(`\n${resultText(await api.imports.applyPlan.mutate({ planId: report.planId }))}`);
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(`error: ${error.message}`);
      console.error(USAGE);
      process.exitCode = 2;
    } else if (error instanceof TRPCClientError) {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error(error instanceof Error && 'code' in error && error.code === 'ENOENT' ? `error: ${error.message}` : error);
      process.exitCode = 1;
    }
  });
