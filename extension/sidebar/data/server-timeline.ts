import type { TimelinePage, TimelinePageRequest } from '../../../shared/schemas/timeline-page';
import type { ImportResult } from '../../messaging/import-protocol';
import { sendToBackground } from '../../messaging/runtime-client';

/** Both data modes ask the background, which holds the token (the sidebar never does). */
export async function serverTimelinePage(input: TimelinePageRequest): Promise<ImportResult<TimelinePage>> {
  try {
    return (await sendToBackground({ type: 'timeline-page', input })) ?? { ok: false, error: 'error', reason: 'the background did not answer' };
  } catch (error) {
    return { ok: false, error: 'error', reason: error instanceof Error ? error.message : String(error) };
  }
}
