import { cliCommand } from './cli-command';
import { serverRoleFrom } from './server-role';
import { startServer } from './start-server';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const role = serverRoleFrom(process.argv.slice(2), process.env);

const server = await startServer({
  port,
  host,
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.CRM_DATA_DIR,
  orgName: process.env.CRM_ORG_NAME,
  adminEmail: process.env.CRM_ADMIN_EMAIL,
  timeZone: process.env.CRM_TIME_ZONE,
  role,
});

console.log(`Inbox CRM server (${role === 'all' ? 'API and worker' : role}) listening on ${server.url}`);
console.log(`Database: ${server.database}`);
if (server.bootstrap.created) {
  console.log('');
  console.log('First start: created the organisation and its admin.');
  console.log(`  Admin email:         ${server.bootstrap.email}`);
  console.log(`  One-time sign-in code (valid 24 hours, single use): ${server.bootstrap.code}`);
  console.log(`  Lost it? Stop the server and run: ${cliCommand()} issue-code --email ${server.bootstrap.email}`);
}
console.log('');
console.log('Extension: .output/chrome-mv3 (`npm start` builds it; otherwise `npm run build`). Load it unpacked');
console.log('from chrome://extensions (Developer mode), then');
console.log(`open its options page and enter the server URL (${server.url}), your email and the sign-in code.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error('shutdown failed:', err);
        process.exit(1);
      },
    );
  });
}
