import { describeCounts, GUARANTEE, type ImportRun } from '@heard/db';

/** The run's counts in words and what the import guarantees, as the command line says them. */
export function describeRun(run: ImportRun): { counts: string; guarantee: string } {
  return { counts: describeCounts(run.kind, run.counts), guarantee: GUARANTEE };
}
