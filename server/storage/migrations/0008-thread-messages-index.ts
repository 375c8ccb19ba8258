/**
 * Issue 4 (its reserved number): mail ingestion hands each newly linked message to the thread
 * rules (no-reply follow-ups, the service clock), which read the rest of that conversation
 * (repositories/thread-messages.ts). Only threads something watches are read, but without this
 * index each read would scan the organisation's whole timeline.
 */
export const migration0008 = {
  version: 8,
  name: 'thread-messages-index',
  sql: `
CREATE INDEX timeline_items_thread_ref_idx ON timeline_items (org_id, thread_ref)
  WHERE thread_ref IS NOT NULL AND deleted_at IS NULL
`,
};
