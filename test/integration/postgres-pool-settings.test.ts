import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/storage/postgres-database';

/** A wrong pool setting stops the start with a message, instead of quietly becoming the default. */
describe('PostgreSQL pool settings', () => {
  const saved = process.env.CRM_DB_POOL_IDLE_SECONDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.CRM_DB_POOL_IDLE_SECONDS;
    else process.env.CRM_DB_POOL_IDLE_SECONDS = saved;
  });

  it('refuses an idle timeout that is not a whole number of seconds, naming the variable', () => {
    for (const given of ['0', '-5', '2.5', 'five', '']) {
      process.env.CRM_DB_POOL_IDLE_SECONDS = given;
      expect(() => openPostgres('postgres://nobody@127.0.0.1:1/none')).toThrow(`CRM_DB_POOL_IDLE_SECONDS=${given} is not a whole number of seconds`);
    }
  });

  it('takes a valid one (no connection is made until the first query)', async () => {
    process.env.CRM_DB_POOL_IDLE_SECONDS = '600';
    const db = openPostgres('postgres://nobody@127.0.0.1:1/none');
    await db.close();
  });
});
