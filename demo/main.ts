import { randomBytes } from 'node:crypto';
import { startFixtureServer } from '../test/support/fixture-https-server';
import { extensionDir, makeTempDir } from '../test/support/paths';
import { startFakeGoogle, startFakeMicrosoft } from '../test/fakes/fake-providers';
import { fakeProviderEnv } from '../test/fakes/provider-config';
import { ingestionConfigFromEnv } from '../server/ingestion/ingestion-config';
import { createIngestionDeps } from '../server/ingestion/ingestion-deps';
import { ingestionJob } from '../server/ingestion/ingestion-job';
import { startServer } from '../server/start-server';
import { DEMO_ME, DEMO_ME_OUTLOOK, demoGoogleMailbox, demoOutlookMailbox } from './demo-data';
import { demoWebmailRoot } from './demo-webmail';
import { connectDemoAccount, seedDemoCustomers, signInForSeeding } from './seed-demo';

/**
 * `npm run demo`: the whole product with no Google or Microsoft account and no internet. Fake
 * Google and Microsoft servers (test/fakes) hold a generated mailbox and calendar, the real
 * server imports them with the real client libraries, and a Gmail-like page is served for
 * mail.google.com so the extension's sidebar can be tried on it.
 */
const port = Number(process.env.PORT ?? 8787);
const host = '127.0.0.1';
const temp = process.env.CRM_DATA_DIR ? null : makeTempDir('demo-data');
const dataDir = process.env.CRM_DATA_DIR ?? temp!.dir;

const google = await startFakeGoogle();
const microsoft = await startFakeMicrosoft();
const gmail = demoGoogleMailbox();
for (const m of gmail.messages) google.addMessage(DEMO_ME.address, m);
for (const e of gmail.events) google.addEvent(DEMO_ME.address, e);
const outlook = demoOutlookMailbox();
for (const m of outlook.messages) microsoft.addMessage(DEMO_ME_OUTLOOK.address, m);
for (const e of outlook.events) microsoft.addEvent(DEMO_ME_OUTLOOK.address, e);

const config = ingestionConfigFromEnv({ ...fakeProviderEnv({ google: google.url, microsoft: microsoft.url }), CRM_INGEST_INTERVAL_MS: '5000' });
// A throwaway demo: its tokens are sealed with a key that lives as long as the process.
const ingestion = createIngestionDeps({ config, key: randomBytes(32), publicUrl: `http://${host}:${port}` });
const server = await startServer({
  port,
  host,
  dataDir,
  orgName: 'OurCo 我们公司',
  adminEmail: DEMO_ME.address,
  ingestion,
  jobs: [ingestionJob(config.intervalMs)],
});
ingestion.publicUrl = server.url;
if (!server.bootstrap.created) throw new Error(`the demo needs an empty data folder; ${dataDir} already has an organisation`);
const seeding = await signInForSeeding(server.services, server.bootstrap.email, server.bootstrap.code);
await seedDemoCustomers(server.services, seeding.user);
await connectDemoAccount(server.services, seeding.user, 'google');
await server.services.auth.signOut(seeding.user, seeding.token);
await server.scheduler.runNow('mail-ingestion');
// The bootstrap code went to the seeding session; the person trying the demo gets a fresh one.
const signInCode = await server.services.auth.reissueCode(server.bootstrap.userId);

const webmail = demoWebmailRoot(gmail.messages);
const fixture = await startFixtureServer({ root: webmail.root });

console.log(`
Inbox CRM demo is running (Ctrl+C stops it and deletes its data).

  Server           ${server.url}  (${server.database})
  Fake Google      ${google.url}  Gmail + Calendar of ${DEMO_ME.address}: connected and imported
  Fake Microsoft   ${microsoft.url}  Outlook + Calendar of ${DEMO_ME_OUTLOOK.address}: connect it yourself (below)
  Demo webmail     https://mail.google.com → https://127.0.0.1:${fixture.port} (self-signed certificate)

Sign in with:  email ${server.bootstrap.email}   one-time code ${signInCode}

1. Start Chromium with the extension and the demo webmail (mail.google.com is mapped to the demo):

   chromium --user-data-dir="$(mktemp -d)" --disable-extensions-except=${extensionDir} --load-extension=${extensionDir} \\
     --host-resolver-rules="MAP mail.google.com 127.0.0.1:${fixture.port}" \\
     --ignore-certificate-errors-spki-list=${fixture.spki} https://mail.google.com/mail/u/0/#inbox

   (Or load ${extensionDir} unpacked from chrome://extensions in any Chromium-based browser.)
2. Open the extension's options page (chrome://extensions → Inbox CRM → Details → Extension options),
   keep the server URL ${server.url}, enter the email and code above, and sign in.
3. Open a conversation in the demo webmail: the sidebar shows the customer and its timeline with the
   imported mail and meetings (上海宝钢's complaint, the quote, Northwind's weekly calls).
4. On the options page, "Connect Microsoft 365": the fake approves at once and the Outlook mailbox is
   imported within seconds. The Google account's sync health is listed there too.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await server.close();
      await Promise.all([google.close(), microsoft.close(), fixture.close()]);
      webmail.cleanup();
      temp?.cleanup();
      process.exit(0);
    })();
  });
}
