import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of processes from /proc, so the load bench can report CPU per
 * request: a figure the other work on a shared machine barely moves, unlike latencies.
 */
const TICK_MS = 10; // Linux USER_HZ is 100 on every architecture we run on

/** utime, stime, cutime, cstime (ms) and ppid of one process, or null once it is gone. */
function statOf(pid: number): { ppid: number; own: number; children: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may contain spaces).
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(f[i]) * TICK_MS;
    return { ppid: Number(f[1]), own: n(11) + n(12), children: n(13) + n(14) };
  } catch {
    return null;
  }
}

/** CPU ms one process has used so far (0 once it is gone). */
export function cpuMsOf(pid: number | null): number {
  return pid ? (statOf(pid)?.own ?? 0) : 0;
}

/**
 * CPU ms a process and all its descendants have used, including descendants that already
 * exited and were reaped (PostgreSQL backends come and go with pool connections; the
 * postmaster's cutime/cstime keep their share).
 */
export function treeCpuMsOf(rootPid: number): number {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = statOf(pid);
    if (stat) byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), pid]);
  }
  const walk = (pid: number): number => {
    const stat = statOf(pid);
    if (!stat) return 0;
    return stat.own + stat.children + (byParent.get(pid) ?? []).reduce((sum, child) => sum + walk(child), 0);
  };
  return walk(rootPid);
}
