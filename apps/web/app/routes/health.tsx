import type { HealthSource } from '@heard/db';
import { data } from 'react-router';
import { PairedBarChart, StackedBarChart, WeeklyLineChart } from '../components/health-charts';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/health';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  if (!actor.roles.some((r) => r === 'leader' || r === 'admin'))
    throw data('Only leaders and admins can read the process-health dashboard.', { status: 403 });
  // Aggregates over all insights, restricted ones included: counts and shares reveal no content.
  return context.hub.views.processHealth();
}

export const meta: Route.MetaFunction = () => [{ title: 'Process health · Heard' }];

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
const pctAxis = (v: number) => `${Math.round(v * 100)}%`;
const one = (v: number | null, unit: string) =>
  v === null ? '–' : `${v < 10 ? v.toFixed(1).replace(/\.0$/, '') : Math.round(v)} ${unit}`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const latest = <T,>(values: (T | null)[]) => [...values].reverse().find((v) => v !== null) ?? null;

/** In display order; a local copy so the client bundle never imports @heard/db. */
const HEALTH_SOURCES: HealthSource[] = ['slack', 'teams', 'web', 'api', 'import', 'email'];
const SOURCE_NAMES: Record<HealthSource, string> = {
  slack: 'Slack',
  teams: 'Teams',
  web: 'Web',
  api: 'API',
  import: 'Import',
  email: 'Email',
};

function Metric({
  title,
  value,
  good,
  children,
}: {
  title: string;
  value: string;
  good: string;
  children?: React.ReactNode;
}) {
  return (
    <article className="panel health-metric">
      <h3>{title}</h3>
      <p className="health-value">{value}</p>
      {children}
      <p className="health-good">
        <strong>Good:</strong> {good}
      </p>
    </article>
  );
}

export default function Health({ loaderData: h }: Route.ComponentProps) {
  const { weeks, acquisition: acq, transformation: tr, sharing: sh, reactivity: re } = h;
  const n = weeks.length;
  const period = `the last ${n} weeks`;
  return (
    <section className="health">
      <h1>Process health</h1>
      <p className="muted">
        How well the organisation hears, makes sense of, shares and acts on what customers say, week by week
        over {period}. Counts only: no insight content is shown here.
      </p>

      <h2>Acquisition</h2>
      <div className="health-grid">
        <Metric
          title="Insights per week by source"
          value={`${acq.insights} insights`}
          good="a steady or rising flow, fed by several channels rather than one."
        >
          <StackedBarChart
            weeks={weeks}
            unit="insights"
            label={`Insights per week by source over ${period}: ${acq.insights} in total (${HEALTH_SOURCES.map(
              (s) => `${SOURCE_NAMES[s]} ${sum(acq.insightsBySource.map((w) => w[s]))}`,
            ).join(', ')}); this week ${sum(Object.values(acq.insightsBySource.at(-1) ?? {}))}.`}
            series={HEALTH_SOURCES.map((s) => ({
              name: SOURCE_NAMES[s],
              values: acq.insightsBySource.map((w) => w[s]),
              className: `hc-src-${s}`,
            }))}
          />
        </Metric>
        <Metric
          title="Frontline staff who contributed"
          value={`${pct(acq.contributorShare)} of ${acq.frontlineStaff}`}
          good="most frontline staff share something every period, not a vocal few."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={acq.contributorShareByWeek}
            max={1}
            format={pctAxis}
            label={`Share of ${acq.frontlineStaff} frontline staff who posted, per week: latest ${pct(
              latest(acq.contributorShareByWeek),
            )}; ${pct(acq.contributorShare)} over ${period}.`}
          />
        </Metric>
        <Metric
          title="Dependence on a single source"
          value={
            acq.largestSource
              ? `${pct(acq.largestSource.share)} ${SOURCE_NAMES[acq.largestSource.source]}`
              : 'No insights yet'
          }
          good="the largest source brings under 50% of insights."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={acq.largestSourceShareByWeek}
            max={1}
            good={0.5}
            format={pctAxis}
            label={`Largest source's share of insights per week: latest ${pct(
              latest(acq.largestSourceShareByWeek),
            )}; ${acq.largestSource ? `${SOURCE_NAMES[acq.largestSource.source]} ${pct(acq.largestSource.share)}` : 'none'} over ${period}; good is under 50%.`}
          />
        </Metric>
      </div>

      <h2>Transformation</h2>
      <div className="health-grid">
        <Metric
          title="Insights linked to a goal"
          value={pct(tr.goalLinkedShare)}
          good="nearly every insight is tagged to a strategic goal, so an owner sees it."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={tr.goalLinkedShareByWeek}
            max={1}
            format={pctAxis}
            label={`Share of new insights linked to a goal, per week: latest ${pct(
              latest(tr.goalLinkedShareByWeek),
            )}; ${pct(tr.goalLinkedShare)} over ${period}.`}
          />
        </Metric>
        <Metric
          title="Median time to triage"
          value={one(tr.medianHoursToTriage, 'h')}
          good="curators triage new insights within a working day (under 24 hours)."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={tr.medianHoursToTriageByWeek}
            good={24}
            format={(v) => `${Math.round(v)}h`}
            label={`Median hours from posting to triage, per week triaged: latest ${one(
              latest(tr.medianHoursToTriageByWeek),
              'hours',
            )}; ${one(tr.medianHoursToTriage, 'hours')} over ${period}; good is under 24 hours.`}
          />
        </Metric>
        <Metric
          title="Goals without an owner or mandate"
          value={String(tr.goalsWithoutOwnerOrMandate)}
          good="0: every active goal has an owner and a written mandate with teams to act through."
        />
      </div>

      <h2>Sharing</h2>
      <div className="health-grid">
        <Metric
          title="Reach across teams"
          value={`${pct(sh.crossTeamReactionShare)} of ${sh.reactions} reactions`}
          good="above a third of reactions come from people outside the reporter's team."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={sh.crossTeamReactionShareByWeek}
            max={1}
            good={1 / 3}
            format={pctAxis}
            label={`Reactions from outside the reporter's team as a share of all reactions, per week: latest ${pct(
              latest(sh.crossTeamReactionShareByWeek),
            )}; ${pct(sh.crossTeamReactionShare)} of ${sh.reactions} over ${period}; good is above a third.`}
          />
        </Metric>
      </div>

      <h2>Reactivity</h2>
      <div className="health-grid">
        <Metric
          title="Actions opened and done"
          value={`${re.opened} opened · ${re.done} done`}
          good="actions keep being opened and finished; done keeps pace with opened."
        >
          <PairedBarChart
            weeks={weeks}
            a={{ name: 'opened', values: re.openedByWeek }}
            b={{ name: 'done', values: re.doneByWeek }}
            label={`Actions per week over ${period}: ${re.opened} opened and ${re.done} done; this week ${
              re.openedByWeek.at(-1) ?? 0
            } opened and ${re.doneByWeek.at(-1) ?? 0} done.`}
          />
        </Metric>
        <Metric
          title="From insight to action"
          value={one(re.medianDaysToAction, 'days')}
          good="an action follows the first insight that motivated it within weeks, not months."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={re.medianDaysToActionByWeek}
            format={(v) => `${Math.round(v)}d`}
            label={`Median days from the oldest cited insight to the action, per week opened: latest ${one(
              latest(re.medianDaysToActionByWeek),
              'days',
            )}; ${one(re.medianDaysToAction, 'days')} over ${period}.`}
          />
        </Metric>
        <Metric
          title="Done actions evaluated"
          value={pct(re.evaluatedShare)}
          good="every finished action is evaluated from the customer's side."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={re.evaluatedShareByWeek}
            max={1}
            good={1}
            format={pctAxis}
            label={`Share of done actions with an evaluation, per week done: latest ${pct(
              latest(re.evaluatedShareByWeek),
            )}; ${pct(re.evaluatedShare)} of ${re.done} over ${period}.`}
          />
        </Metric>
        <Metric
          title="Reporters told the outcome"
          value={`${re.reportersTold} people`}
          good="everyone whose insight led to an evaluated action hears what became of it."
        >
          <WeeklyLineChart
            weeks={weeks}
            values={re.reportersToldByWeek}
            bars
            format={(v) => String(Math.round(v))}
            label={`Reporters told the outcome of their insight, per week: ${re.reportersTold} people over ${period}; this week ${
              re.reportersToldByWeek.at(-1) ?? 0
            }.`}
          />
        </Metric>
      </div>
    </section>
  );
}
