import { type DigestGoal, formatKpi } from './digest';

const axisNumber = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/**
 * A small KPI chart as SVG text: measured values as a line, baseline and target as dashed rules.
 * The web shows it as is; email turns it into a PNG (mail clients do not draw SVG).
 */
export function kpiChartSvg(goal: DigestGoal, size = { width: 480, height: 160 }): string {
  const { width, height } = size;
  const pad = { left: 84, right: 16, top: 28, bottom: 24 };
  const points = goal.measurements.map((m) => ({ t: Date.parse(m.at), v: m.value }));
  const values = [goal.baseline, goal.target, ...points.map((p) => p.v)];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const span = hi - lo;
  lo -= span * 0.1;
  hi += span * 0.1;
  const t0 = points[0]?.t ?? 0;
  const t1 = points.at(-1)?.t ?? 1;
  const x = (t: number) =>
    pad.left +
    (t1 === t0
      ? (width - pad.left - pad.right) / 2
      : ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - (v - lo) / (hi - lo)) * (height - pad.top - pad.bottom);
  const rule = (v: number, label: string, colour: string) =>
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${colour}" stroke-dasharray="4 3"/>` +
    `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="${colour}">${escapeXml(label)}</text>`;
  const line = points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const dots = points
    .map((p) => `<circle cx="${x(p.t).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="3" fill="#2f5bd3"/>`)
    .join('');
  const title = `${goal.kpiName}: ${goal.current === null ? 'not measured yet' : formatKpi(goal.current, goal.unit)} (target ${formatKpi(goal.target, goal.unit)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${pad.left}" y="16" font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#1d2433">${escapeXml(title)}</text>`,
    `<g font-family="Helvetica, Arial, sans-serif">`,
    // Axis labels carry the number only: a long unit ("complaints") would not fit the margin.
    rule(goal.baseline, `baseline ${axisNumber(goal.baseline)}`, '#8a94a6'),
    rule(goal.target, `target ${axisNumber(goal.target)}`, '#1f8a4c'),
    points.length > 1 ? `<polyline points="${line}" fill="none" stroke="#2f5bd3" stroke-width="2"/>` : '',
    dots,
    points.length === 0
      ? `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="12" fill="#8a94a6">No measurement yet</text>`
      : '',
    '</g></svg>',
  ].join('');
}
