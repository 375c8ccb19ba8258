import type { FakeEventSpec } from './mail-spec';

export type StoredOccurrence = {
  id: string;
  seriesId: string | null;
  spec: FakeEventSpec;
  start: Date;
  end: Date;
  originalStart: Date | null;
  seq: number;
  cancelled: boolean;
  updated: Date;
};

export type FakeCalendar = {
  id: string;
  name: string;
  primary: boolean;
  /** Raised to invalidate every sync token / delta link of this calendar. */
  generation: number;
  seq: number;
  occurrences: Map<string, StoredOccurrence>;
};

const WEEK = 7 * 24 * 3600 * 1000;
const compact = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Calendars as both fakes keep them: occurrences with a change sequence. Weekly series are
 * expanded here into occurrences (what Google's singleEvents and Graph's calendarView return),
 * each with the series id and its original start.
 */
export class FakeCalendarBook {
  readonly calendars = new Map<string, FakeCalendar>();

  calendar(id: string, name = id, primary = false): FakeCalendar {
    let calendar = this.calendars.get(id);
    if (!calendar) {
      calendar = { id, name, primary, generation: 1, seq: 0, occurrences: new Map() };
      this.calendars.set(id, calendar);
    }
    return calendar;
  }

  primary(): FakeCalendar {
    return [...this.calendars.values()].find((c) => c.primary) ?? this.calendar('primary', 'Calendar', true);
  }

  add(calendarId: string, spec: FakeEventSpec): string[] {
    const calendar = this.calendar(calendarId);
    const count = spec.weeklyCount ?? 0;
    const ids: string[] = [];
    const occurrences = count > 0 ? Array.from({ length: count }, (_, i) => i) : [null];
    for (const index of occurrences) {
      const shift = (index ?? 0) * WEEK;
      const start = new Date(spec.start.getTime() + shift);
      const id = index === null ? spec.id : `${spec.id}_${compact(start)}`;
      calendar.occurrences.set(id, {
        id,
        seriesId: index === null ? null : spec.id,
        spec,
        start,
        end: new Date(spec.end.getTime() + shift),
        originalStart: index === null ? null : start,
        seq: ++calendar.seq,
        cancelled: false,
        updated: new Date(),
      });
      ids.push(id);
    }
    return ids;
  }

  cancel(calendarId: string, occurrenceId: string): void {
    const calendar = this.calendar(calendarId);
    const occurrence = calendar.occurrences.get(occurrenceId);
    if (!occurrence) throw new Error(`no event ${occurrenceId}`);
    occurrence.cancelled = true;
    occurrence.seq = ++calendar.seq;
    occurrence.updated = new Date();
  }

  /** Occurrences changed after `seq`, in change order (cancelled ones included). */
  changedSince(calendar: FakeCalendar, seq: number): StoredOccurrence[] {
    return [...calendar.occurrences.values()].filter((o) => o.seq > seq).sort((a, b) => a.seq - b.seq);
  }

  expireTokens(calendarId?: string): void {
    for (const calendar of this.calendars.values()) if (!calendarId || calendar.id === calendarId) calendar.generation++;
  }
}
