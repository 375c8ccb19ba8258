import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it, vi } from 'vitest';
import { createServices } from '../../server/domain/services';
import { migrate } from '../../server/storage/migrate';
import { wrapPglite } from '../../server/storage/pglite-database';
import { createStore } from '../../server/storage/repositories/index';
import { signedInAdmin } from './support/actors';

describe('unexpected failures', () => {
  it('reach the client as a bare "internal error" and are logged on the server', async () => {
    const db = wrapPglite(await PGlite.create(), 'memory');
    await migrate(db);
    const services = createServices(createStore(db));
    const admin = await signedInAdmin(services);
    const api = await admin.api();
    // Break the schema under the running service: the SQL error must not reach the client.
    await db.exec('ALTER TABLE customers RENAME TO customers_gone');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const err = await api.customers.list({ limit: 5 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
      expect(JSON.stringify(err)).not.toContain('customers');
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
      await db.close();
    }
  });
});
