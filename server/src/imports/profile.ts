/**
 * Per-phase timings of an import (`MCBO_IMPORT_PROFILE=1`): each phase's total wall time and count,
 * printed by the CLI at the end. Off, a phase costs one branch.
 */
import { performance } from 'node:perf_hooks';

const enabled = !!process.env.MCBO_IMPORT_PROFILE;
const phases = new Map<string, { ms: number; count: number }>();

export function addPhase(name: string, ms: number) {
  if (!enabled) return;
  const phase = phases.get(name) ?? { ms: 0, count: 0 };
  phase.ms += ms;
  phase.count += 1;
  phases.set(name, phase);
}

/** Runs `work` and adds its wall time to `name`. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    addPhase(name, performance.now() - started);
  }
}

export function timedSync<T>(name: string, work: () => T): T {
  if (!enabled) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    addPhase(name, performance.now() - started);
  }
}

export const profiling = () => enabled;

/** One line per phase, in the order first met: `name  total ms  (count)`. */
export function profileReport(): string {
  return [...phases]
    .map(([name, p]) => `${name.padEnd(28)} ${p.ms.toFixed(1).padStart(9)} ms  (${p.count})`)
    .join('\n');
}
