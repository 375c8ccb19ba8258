import type { WorkStats } from '../storage/repositories/work-stats';

/** Per-process HTTP counters, by status class; the request logger feeds them. */
export type HttpCounters = { requests: Map<string, number>; record(status: number): void };

export function createHttpCounters(): HttpCounters {
  const requests = new Map<string, number>();
  return {
    requests,
    record(status) {
      const cls = `${Math.floor(status / 100)}xx`;
      requests.set(cls, (requests.get(cls) ?? 0) + 1);
    },
  };
}

/**
 * Prometheus text exposition (version 0.0.4): cluster-wide work figures read from the database
 * (any process reports the same) and this process's own HTTP and memory figures.
 */
export function metricsText(work: WorkStats, http: HttpCounters, role: string): string {
  const lines: string[] = [];
  const gauge = (name: string, help: string, samples: [labels: string, value: number][], type = 'gauge') => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) lines.push(`${name}${labels} ${Number.isFinite(value) ? round(value) : 0}`);
  };
  gauge('crm_queue_depth', 'Work due and waiting for a worker.', [
    ['{queue="mail_channels"}', work.channelsDue],
    ['{queue="jobs"}', work.jobsDue],
  ]);
  gauge('crm_queue_oldest_seconds', 'How long the longest-waiting due mail channel has waited.', [['{queue="mail_channels"}', work.oldestDueSeconds]]);
  gauge('crm_sync_lag_seconds_max', 'Largest time since a mail channel of an active account last completed a run.', [['', work.syncLagSecondsMax]]);
  gauge('crm_sync_channels', 'Mail channels of active accounts by state.', [
    ['{state="running"}', work.channelsRunning],
    ['{state="failing"}', work.channelsFailing],
    ['{state="never_synced"}', work.channelsNeverSynced],
  ]);
  gauge('crm_http_requests_total', 'HTTP requests answered by this process, by status class.', [...http.requests].map(([cls, n]) => [`{class="${cls}",role="${role}"}`, n]), 'counter');
  const memory = process.memoryUsage();
  gauge('process_resident_memory_bytes', 'Resident memory of this process.', [[`{role="${role}"}`, memory.rss]]);
  gauge('process_uptime_seconds', 'Seconds since this process started.', [[`{role="${role}"}`, process.uptime()]]);
  return `${lines.join('\n')}\n`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
