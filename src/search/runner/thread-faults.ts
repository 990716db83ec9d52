/**
 * Per-thread page-fault counters (Linux only). Worker threads share one address space, so no
 * per-thread memory figure exists; the number of minor page faults a thread has taken — pages it
 * touched for the first time — is the closest per-thread signal, and tells which running trial is
 * the one that made the process grow. Elsewhere every function returns null.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** Operating-system id of the calling thread, or null where /proc is not available. */
export function currentOsThreadId(): number | null {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Minor page faults taken so far by a thread of this process, or null if unknown. */
export function threadMinorFaults(osThreadId: number | null): number | null {
  if (osThreadId === null) return null;
  try {
    const stat = readFileSync(`/proc/self/task/${osThreadId}/stat`, 'utf8');
    // Fields after the parenthesised command name: state ppid pgrp session tty tpgid flags minflt ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const faults = Number(fields[7]);
    return Number.isFinite(faults) ? faults : null;
  } catch {
    return null;
  }
}

/**
 * Page faults a thread took over about the last second. When the process crosses its memory
 * budget, the trial growing it is the one faulting in new pages right now — a trial that has been
 * allocating and freeing for minutes has more faults in total, but not more recent ones.
 */
export class RecentFaults {
  private readonly samples: { readonly at: number; readonly faults: number }[] = [];

  constructor(private readonly windowSeconds = 1) {}

  /** Records a reading (seconds, fault count) and returns the faults over the window before it. */
  record(at: number, faults: number): number {
    this.samples.push({ at, faults });
    // Keep the newest reading that is at least a window old, as the base of the difference.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowSeconds) this.samples.shift();
    return faults - this.samples[0]!.faults;
  }
}
