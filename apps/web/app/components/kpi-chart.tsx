/** A KPI over time as a small line chart: baseline and target as reference lines, measurements as points. */
export function KpiChart({
  baseline,
  target,
  unit,
  start,
  due,
  points,
}: {
  baseline: number;
  target: number;
  unit: string;
  start: string;
  due: string;
  points: { at: string; value: number }[];
}) {
  const width = 560;
  const height = 200;
  const pad = { left: 48, right: 16, top: 16, bottom: 28 };
  const t0 = Date.parse(start);
  const t1 = Math.max(Date.parse(due), ...points.map((p) => Date.parse(p.at)), t0 + 1);
  const values = [baseline, target, ...points.map((p) => p.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo) * 0.15 || 1;
  const x = (t: number) => pad.left + ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
  const y = (v: number) =>
    pad.top + (1 - (v - (lo - margin)) / (hi - lo + 2 * margin)) * (height - pad.top - pad.bottom);
  const series = [{ at: start, value: baseline }, ...points];
  const path = series
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(Date.parse(p.at)).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const label = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)}`;
  const fmt = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { month: 'short', year: '2-digit' });
  const latest = points.at(-1);
  return (
    <figure className="kpi-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`KPI from ${label(baseline)} towards ${label(target)} ${unit}; latest ${latest ? label(latest.value) : 'not measured yet'}`}
      >
        <line x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} className="kpi-target" />
        <text x={pad.left - 6} y={y(target) + 4} textAnchor="end" className="kpi-axis">
          {label(target)}
        </text>
        <text x={width - pad.right} y={y(target) - 5} textAnchor="end" className="kpi-note">
          target
        </text>
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(baseline)}
          y2={y(baseline)}
          className="kpi-baseline"
        />
        <text x={pad.left - 6} y={y(baseline) + 4} textAnchor="end" className="kpi-axis">
          {label(baseline)}
        </text>
        <text x={width - pad.right} y={y(baseline) - 5} textAnchor="end" className="kpi-note">
          baseline
        </text>
        <path d={path} className="kpi-line" />
        {series.map((p) => (
          <circle key={p.at} cx={x(Date.parse(p.at))} cy={y(p.value)} r={4} className="kpi-point">
            <title>{`${fmt(p.at)}: ${label(p.value)} ${unit}`}</title>
          </circle>
        ))}
        <text x={pad.left} y={height - 8} className="kpi-axis">
          {fmt(start)}
        </text>
        <text x={width - pad.right} y={height - 8} textAnchor="end" className="kpi-axis">
          due {fmt(due)}
        </text>
      </svg>
      <figcaption className="muted">
        {latest ? `Latest: ${label(latest.value)} ${unit}` : 'Not measured yet'} · aim {label(target)} {unit}
      </figcaption>
    </figure>
  );
}
