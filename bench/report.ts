import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  context?: Record<string, unknown>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/**
 * Writes bench/results/latest.json (for tools) and latest.md (for people). A partial run
 * (`pnpm bench search`) replaces its own figures and keeps the others from the last run.
 */
export async function writeReport(dir: string, fresh: BenchResult[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const previous = path.join(dir, 'latest.json');
  const kept: BenchResult[] = existsSync(previous)
    ? (JSON.parse(readFileSync(previous, 'utf8')).results as BenchResult[]).filter(
        (r) => !fresh.some((f) => f.name === r.name),
      )
    : [];
  const results = [...kept, ...fresh].sort((a, b) => a.name.localeCompare(b.name));
  const report = { machine: machine(), date: new Date().toISOString(), results };
  await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.value} | ${r.unit} | ${
        r.context
          ? Object.entries(r.context)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')
          : ''
      } |`,
  );
  const m = report.machine;
  const md = [
    '# Benchmarks',
    '',
    `Run ${report.date} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}. Shared machines are noisy: compare runs, not single figures.`,
    '',
    '| name | value | unit | context |',
    '| --- | ---: | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'latest.md'), md);
}
