import { migration0001 } from './0001-accounts';
import { migration0002 } from './0002-crm-records';
import { migration0003 } from './0003-customer-file';
import { migration0004 } from './0004-import-plans';
import { migration0005 } from './0005-follow-ups-service-visits';
import { migration0006 } from './0006-mail-ingestion';
// Issue 7
import { migration0007 } from './0007-trust';
import { migration0008 } from './0008-thread-messages-index';
import { migration0009 } from './0009-service-thread-index';
// Issue 8
import { migration0010 } from './0010-work-leases';
// Issue 9
import { migration0011 } from './0011-report-indexes';
// Thread ids per mailbox
import { migration0012 } from './0012-source-thread-ids';

export type Migration = { version: number; name: string; sql: string };

/** Append-only: add a file and one line here; never edit or reorder an applied migration. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  // Issue 4: follow-ups, service, visits, organisation settings.
  migration0005,
  // Issue 5: mail and calendar ingestion.
  migration0006,
  // Issue 7: departments, sharing, private notes, sign-in limits, audit trail.
  migration0007,
  // Issue 4 (0007 is reserved for issue 7): imported conversations by thread for the thread
  // rules; service items by thread (4B).
  migration0008,
  migration0009,
  // Issue 8: work leases for several worker processes.
  migration0010,
  // Issue 9: the dashboard's indexes (audit trail changes of customers, newest touch per customer).
  migration0011,
  // Thread rules read each mailbox's own thread id (per source, not the first importer's).
  migration0012,
];
