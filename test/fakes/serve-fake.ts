import { benchMessages, BENCH_MAILBOX } from '../bench/ingest-mailbox';
import { startFakeGoogle } from './fake-providers';

/**
 * A fake Google in its own process (its CPU is then not the measured process's):
 *   tsx test/fakes/serve-fake.ts MESSAGES UNITS_PER_SECOND
 * prints one JSON line {"url": …} once it listens; stops on SIGTERM.
 */
const [messages = '1000', units = '0'] = process.argv.slice(2);
const google = await startFakeGoogle();
for (const m of benchMessages(Number(messages))) google.addMessage(BENCH_MAILBOX, m);
google.faults.configure({ unitsPerSecond: Number(units) });
console.log(JSON.stringify({ url: google.url }));
process.on('SIGTERM', () => void google.close().then(() => process.exit(0)));
