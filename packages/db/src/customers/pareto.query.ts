import type { Db } from '../repositories/db';

/** One band of customers ranked by value: the top 1 %, the next 4 % … */
export interface ParetoBand {
  label: string;
  /** Share of all customers with a value in this band (0 … 1). */
  customerShare: number;
  customers: number;
  /** Share of the total value this band brings. */
  valueShare: number;
  value: number;
  /** Share of what Heard hears (insights about them, as subject or evidence) that comes from this band. */
  insightShare: number;
  insights: number;
}

export interface ParetoView {
  bands: ParetoBand[];
  /** Customers without a value, and what is heard from them. */
  unvalued: { customers: number; insights: number; insightShare: number };
  totalValue: number;
  totalInsights: number;
  /** Value per segment, largest first. */
  segments: { segment: string; customers: number; value: number; insights: number }[];
}

/** Bands by cumulative share of customers, top first. */
export const PARETO_BANDS = [
  { label: 'Top 1 %', upTo: 0.01 },
  { label: 'Next 4 %', upTo: 0.05 },
  { label: 'Next 15 %', upTo: 0.2 },
  { label: 'Next 30 %', upTo: 0.5 },
  { label: 'Bottom 50 %', upTo: 1 },
];

/**
 * Which share of customers brings which share of value, and how much of what is heard comes
 * from each band. Counts every insight (as aggregates, no content), like the process-health view.
 */
export async function loadParetoView(db: Db): Promise<ParetoView> {
  const uppers = PARETO_BANDS.map((b) => b.upTo);
  const rows = await db`
    with heard as (
      select customer_id, count(distinct insight_id)::int as n from (
        select customer_id, insight_id from insight_customers
        union all select customer_id, insight_id from evidence) x
      group by customer_id
    ), ranked as (
      select c.id, c.value, coalesce(h.n, 0) as heard,
             (row_number() over (order by c.value desc, c.id))::float / count(*) over () as rank_share
      from customers c left join heard h on h.customer_id = c.id
      where c.value is not null and c.value > 0
    ), banded as (
      select *, (select min(u) from unnest(${uppers}::float[]) u where rank_share <= u + 1e-9) as band from ranked
    )
    select band, count(*)::int as customers, coalesce(sum(value), 0)::float as value, coalesce(sum(heard), 0)::int as heard
    from banded group by band order by band`;
  const [unvalued] = await db`
    select count(*)::int as customers,
           coalesce(sum((select count(*) from insight_customers ic where ic.customer_id = c.id)
                      + (select count(*) from evidence e where e.customer_id = c.id)), 0)::int as heard
    from customers c where c.value is null or c.value <= 0`;
  const segments = await db`
    select coalesce(c.segment, 'No segment') as segment, count(*)::int as customers, coalesce(sum(c.value), 0)::float as value,
           coalesce(sum((select count(*) from insight_customers ic where ic.customer_id = c.id)), 0)::int as insights
    from customers c group by 1 order by value desc, segment`;
  const totalValue = rows.reduce((s, r) => s + Number(r.value), 0);
  const valuedHeard = rows.reduce((s, r) => s + Number(r.heard), 0);
  const totalInsights = valuedHeard + Number(unvalued!.heard);
  const valuedCustomers = rows.reduce((s, r) => s + Number(r.customers), 0);
  const share = (n: number, total: number) => (total > 0 ? n / total : 0);
  return {
    bands: PARETO_BANDS.map((b) => {
      const r = rows.find((x) => Math.abs(Number(x.band) - b.upTo) < 1e-9);
      const customers = Number(r?.customers ?? 0);
      const value = Number(r?.value ?? 0);
      const insights = Number(r?.heard ?? 0);
      return {
        label: b.label,
        customers,
        customerShare: share(customers, valuedCustomers),
        value,
        valueShare: share(value, totalValue),
        insights,
        insightShare: share(insights, totalInsights),
      };
    }),
    unvalued: {
      customers: Number(unvalued!.customers),
      insights: Number(unvalued!.heard),
      insightShare: share(Number(unvalued!.heard), totalInsights),
    },
    totalValue,
    totalInsights,
    segments: segments.map((s) => ({
      segment: s.segment as string,
      customers: Number(s.customers),
      value: Number(s.value),
      insights: Number(s.insights),
    })),
  };
}
