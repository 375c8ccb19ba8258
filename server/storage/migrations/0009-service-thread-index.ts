/**
 * Issue 4 (service): mail ingestion tells the service rules about every message of a thread
 * (services.serviceMail.recordThreadMessages). The thread's items are read whether or not their
 * clock is still running (the inbound mail's arrival corrects when the clock started even after
 * the first reply), which 0005's index for waiting items alone cannot serve.
 */
export const migration0009 = {
  version: 9,
  name: 'service-thread-index',
  sql: `
CREATE INDEX service_items_thread_ref_idx ON service_items (org_id, thread_ref)
  WHERE thread_ref IS NOT NULL AND deleted_at IS NULL
`,
};
