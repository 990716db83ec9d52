/**
 * How many trial workers this machine can actually run. More workers than cores only slice the
 * same CPU thinner, so every trial overruns its time limit; more than free memory holds lets the
 * process be killed by the system before the memory guard can stop a trial (the guard allows
 * each running trial its whole memory limit).
 */
import { availableParallelism, freemem } from 'node:os';

export interface MachineCapacity {
  readonly cores: number;
  /** Memory available to new allocations, in MiB. */
  readonly freeMb: number;
}

export function currentCapacity(): MachineCapacity {
  return { cores: availableParallelism(), freeMb: freemem() / 2 ** 20 };
}

export interface WorkerCap {
  readonly workers: number;
  /** One line saying why fewer workers than requested run; undefined when none were cut. */
  readonly warning: string | undefined;
}

/** Caps `requested` workers (0 = in-process, left alone) by cores and by free memory / per-trial limit. */
export function capWorkers(requested: number, memoryLimitMb: number, capacity: MachineCapacity): WorkerCap {
  if (requested === 0) return { workers: 0, warning: undefined };
  const byCores = Math.max(1, capacity.cores);
  const byMemory = Math.max(1, Math.floor(capacity.freeMb / memoryLimitMb));
  const workers = Math.min(requested, byCores, byMemory);
  if (workers === requested) return { workers, warning: undefined };
  const reason =
    workers === byCores
      ? `this machine has ${capacity.cores} cores, and more trials at once than cores would all slow down and time out`
      : `${Math.round(capacity.freeMb)} MiB of memory is free, room for ${byMemory} trials of the ${memoryLimitMb} MiB memory limit (lower it to run more)`;
  return { workers, warning: `running ${workers} workers instead of ${requested}: ${reason}` };
}
