/** Small server-rendered SVG charts for the process-health page: weekly stacked bars and weekly lines. */

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { left: 34, right: 10, top: 12, bottom: 22 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const weekLabel = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });

function WeekAxis({ weeks }: { weeks: string[] }) {
  const first = weeks[0];
  const last = weeks.at(-1);
  return (
    <>
      <line
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={HEIGHT - PAD.bottom}
        y2={HEIGHT - PAD.bottom}
        className="hc-axis-line"
      />
      {first && (
        <text x={PAD.left} y={HEIGHT - 6} className="hc-axis">
          {weekLabel(first)}
        </text>
      )}
      {last && (
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="hc-axis">
          wk of {weekLabel(last)}
        </text>
      )}
    </>
  );
}

/** Stacked weekly bars, one colour per series, with a legend. */
export function StackedBarChart({
  weeks,
  series,
  label,
  unit,
}: {
  weeks: string[];
  series: { name: string; values: number[]; className: string }[];
  label: string;
  unit: string;
}) {
  const totals = weeks.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = PLOT_W / weeks.length;
  const barW = slot * 0.7;
  const y = (v: number) => PAD.top + PLOT_H - (v / max) * PLOT_H;
  return (
    <figure className="health-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <text x={PAD.left - 5} y={PAD.top + 4} textAnchor="end" className="hc-axis">
          {max}
        </text>
        <text x={PAD.left - 5} y={HEIGHT - PAD.bottom} textAnchor="end" className="hc-axis">
          0
        </text>
        {weeks.map((week, i) => {
          let base = 0;
          return (
            <g key={week}>
              <title>{`Week of ${weekLabel(week)}: ${totals[i]} ${unit}`}</title>
              {series.map((s) => {
                const v = s.values[i] ?? 0;
                if (v === 0) return null;
                const top = y(base + v);
                const height = y(base) - top;
                base += v;
                return (
                  <rect
                    key={s.name}
                    x={PAD.left + i * slot + (slot - barW) / 2}
                    y={top}
                    width={barW}
                    height={height}
                    className={s.className}
                  />
                );
              })}
            </g>
          );
        })}
        <WeekAxis weeks={weeks} />
      </svg>
      <ul className="hc-legend">
        {series.map((s) => (
          <li key={s.name}>
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" className={s.className} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** One weekly value as a line (gaps where a week has no value), with an optional dashed "good" line. */
export function WeeklyLineChart({
  weeks,
  values,
  label,
  format,
  max,
  good,
  bars = false,
}: {
  weeks: string[];
  values: (number | null)[];
  label: string;
  format: (v: number) => string;
  /** Top of the scale; defaults to the largest value. */
  max?: number;
  good?: number;
  /** Draw bars instead of a line (for counts). */
  bars?: boolean;
}) {
  const known = values.filter((v): v is number => v !== null);
  const top = Math.max(max ?? 0, ...known, good ?? 0) || 1;
  const slot = PLOT_W / weeks.length;
  const x = (i: number) => PAD.left + i * slot + slot / 2;
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
  });
  if (current) segments.push(current);
  return (
    <figure className="health-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <text x={PAD.left - 5} y={PAD.top + 4} textAnchor="end" className="hc-axis">
          {format(top)}
        </text>
        <text x={PAD.left - 5} y={HEIGHT - PAD.bottom} textAnchor="end" className="hc-axis">
          {format(0)}
        </text>
        {good !== undefined && (
          <>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(good)} y2={y(good)} className="hc-good" />
            <text x={WIDTH - PAD.right} y={y(good) - 4} textAnchor="end" className="hc-axis">
              good {format(good)}
            </text>
          </>
        )}
        {bars
          ? values.map((v, i) =>
              v === null || v === 0 ? null : (
                <rect
                  key={weeks[i]}
                  x={x(i) - slot * 0.35}
                  y={y(v)}
                  width={slot * 0.7}
                  height={y(0) - y(v)}
                  className="hc-bar"
                >
                  <title>{`Week of ${weekLabel(weeks[i]!)}: ${format(v)}`}</title>
                </rect>
              ),
            )
          : segments.map((d) => <path key={d} d={d} className="hc-line" />)}
        {!bars &&
          values.map((v, i) =>
            v === null ? null : (
              <circle key={weeks[i]} cx={x(i)} cy={y(v)} r={3} className="hc-point">
                <title>{`Week of ${weekLabel(weeks[i]!)}: ${format(v)}`}</title>
              </circle>
            ),
          )}
        <WeekAxis weeks={weeks} />
      </svg>
    </figure>
  );
}

/** Two weekly counts side by side (e.g. opened and done). */
export function PairedBarChart({
  weeks,
  a,
  b,
  label,
}: {
  weeks: string[];
  a: { name: string; values: number[] };
  b: { name: string; values: number[] };
  label: string;
}) {
  const top = Math.max(1, ...a.values, ...b.values);
  const slot = PLOT_W / weeks.length;
  const barW = slot * 0.35;
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  return (
    <figure className="health-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <text x={PAD.left - 5} y={PAD.top + 4} textAnchor="end" className="hc-axis">
          {top}
        </text>
        <text x={PAD.left - 5} y={HEIGHT - PAD.bottom} textAnchor="end" className="hc-axis">
          0
        </text>
        {weeks.map((week, i) => (
          <g key={week}>
            <title>{`Week of ${weekLabel(week)}: ${a.values[i]} ${a.name}, ${b.values[i]} ${b.name}`}</title>
            <rect
              x={PAD.left + i * slot + slot * 0.15}
              y={y(a.values[i] ?? 0)}
              width={barW}
              height={y(0) - y(a.values[i] ?? 0)}
              className="hc-bar"
            />
            <rect
              x={PAD.left + i * slot + slot * 0.5}
              y={y(b.values[i] ?? 0)}
              width={barW}
              height={y(0) - y(b.values[i] ?? 0)}
              className="hc-bar-done"
            />
          </g>
        ))}
        <WeekAxis weeks={weeks} />
      </svg>
      <ul className="hc-legend">
        <li>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" className="hc-bar" />
          </svg>
          {a.name}
        </li>
        <li>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" className="hc-bar-done" />
          </svg>
          {b.name}
        </li>
      </ul>
    </figure>
  );
}
