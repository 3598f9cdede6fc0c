/** Paired bars per customer band: the share of value it brings and the share of what Heard hears from it. */
const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 12, top: 16, bottom: 40 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

export interface ParetoChartBand {
  label: string;
  valueShare: number;
  insightShare: number;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

export function ParetoChart({ bands }: { bands: ParetoChartBand[] }) {
  const slot = PLOT_W / Math.max(1, bands.length);
  const bar = Math.min(36, slot / 3);
  const y = (share: number) => PAD.top + PLOT_H * (1 - share);
  return (
    <figure className="pareto-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="pareto-chart-title">
        <title id="pareto-chart-title">
          {bands
            .map((b) => `${b.label}: ${pct(b.valueShare)} of value, ${pct(b.insightShare)} of insights`)
            .join('; ')}
        </title>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="pc-grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="pc-axis">
              {t * 100}%
            </text>
          </g>
        ))}
        {bands.map((b, i) => {
          const x = PAD.left + i * slot + slot / 2;
          return (
            <g key={b.label}>
              <rect
                x={x - bar - 2}
                y={y(b.valueShare)}
                width={bar}
                height={PLOT_H * b.valueShare}
                className="pc-value"
              />
              <text x={x - bar / 2 - 2} y={y(b.valueShare) - 4} textAnchor="middle" className="pc-label">
                {pct(b.valueShare)}
              </text>
              <rect
                x={x + 2}
                y={y(b.insightShare)}
                width={bar}
                height={PLOT_H * b.insightShare}
                className="pc-heard"
              />
              <text x={x + bar / 2 + 2} y={y(b.insightShare) - 4} textAnchor="middle" className="pc-label">
                {pct(b.insightShare)}
              </text>
              <text x={x} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" className="pc-axis">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="pc-legend">
        <span className="pc-key pc-value" /> share of yearly value <span className="pc-key pc-heard" /> share
        of what we hear (insights about them)
      </figcaption>
    </figure>
  );
}
