import { timelinePageSchema, type TimelinePage, type TimelinePageInput } from '../../shared/schemas/timeline-page';
import type { LocalDb } from '../local-db/db';
import type { ImportResult } from '../messaging/import-protocol';
import { callServer } from './server-call';

/** One page of a customer's timeline from the server for the sidebar; parsed before it reaches a page. */
export function serverTimelinePage(db: LocalDb, input: TimelinePageInput): Promise<ImportResult<TimelinePage>> {
  return callServer(db, async (api) => timelinePageSchema.parse(await api.timeline.page.query(input)));
}
