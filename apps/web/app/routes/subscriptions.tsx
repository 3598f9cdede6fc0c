import { WEEKDAYS } from '@heard/domain';
import { useEffect, useRef } from 'react';
import { data, Form } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/subscriptions';
import { SubscriptionList } from './subscription-list';
import { handleSubscriptionForm, timeZones } from './subscriptions.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const [subscriptions, goals, teams, segments] = await Promise.all([
    context.hub.digests.subscriptionsOf(actor.id),
    context.hub.lookups.activeGoals(),
    context.hub.lookups.teams(),
    context.hub.lookups.segments(),
  ]);
  const asked = url.searchParams;
  const scopeKind = asked.get('goal')
    ? 'goal'
    : asked.get('tag')
      ? 'tag'
      : asked.get('team')
        ? 'team'
        : asked.get('segment')
          ? 'segment'
          : asked.has('stories')
            ? 'stories'
            : 'goal';
  return {
    subscriptions: subscriptions.map(({ id, scopeLabel, cadenceLabel, channel }) => ({
      id,
      scopeLabel,
      cadenceLabel,
      channel,
    })),
    goals: goals.map((g) => ({ id: g.id, title: g.title })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    segments,
    zones: timeZones(),
    preset: {
      scopeKind,
      goalId: asked.get('goal') ?? '',
      tag: asked.get('tag') ?? '',
      teamId: asked.get('team') ?? '',
      segment: asked.get('segment') ?? '',
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const result = await handleSubscriptionForm(context, actor, await request.formData());
  return data(result, { status: Object.keys(result.errors).length > 0 ? 422 : 200 });
}

/** One line per choice: the radio, its name, and the field that goes with it. */
const CHOICE = {
  display: 'flex',
  flexDirection: 'row',
  alignItems: 'center',
  gap: '0.6rem',
  flexWrap: 'wrap',
} as const;
const RADIO = { width: 'auto', margin: 0 } as const;

export const meta: Route.MetaFunction = () => [{ title: 'Digest subscriptions · Heard' }];

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

/** A scope kind to follow: its radio, its name, and the select that picks which one. */
function ScopeSelect(props: {
  kind: string;
  label: string;
  name: string;
  value?: string;
  checked: boolean;
  placeholder: string;
  choices: { value: string; label: string }[];
}) {
  const { kind, label, name, value, checked, placeholder, choices } = props;
  return (
    <label style={CHOICE}>
      <input style={RADIO} type="radio" name="scopeKind" value={kind} defaultChecked={checked} /> {label}{' '}
      <select name={name} defaultValue={value} aria-label={label}>
        <option value="">{placeholder}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function Subscriptions({ loaderData, actionData }: Route.ComponentProps) {
  const { subscriptions, goals, teams, segments, zones, preset } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const zoneRef = useRef<HTMLSelectElement>(null);
  // The server cannot know the reader's zone; the browser does, so it preselects it.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zoneRef.current && zone && zones.includes(zone) && zoneRef.current.value === 'UTC') {
      zoneRef.current.value = zone;
    }
  }, [zones]);
  return (
    <section className="panel stack subscriptions">
      <h1>Digests</h1>
      <p className="muted">
        A digest gathers what happened in a scope you follow — the most important new insights, stories, KPI
        progress, actions and evaluations — and comes at the time you choose, in your time zone. Empty periods
        send nothing. Past digests stay in <a href="/digests">your archive</a>.
      </p>
      {actionData?.subscribed && (
        <p className="notice" role="status">
          {actionData.subscribed.existed
            ? `You already follow ${actionData.subscribed.scopeLabel} this way.`
            : `Subscribed to ${actionData.subscribed.scopeLabel}.`}
        </p>
      )}
      {actionData?.unsubscribed && (
        <p className="notice" role="status">
          Unsubscribed. Digests already received stay in your archive.
        </p>
      )}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <h2>What you follow</h2>
      <SubscriptionList subscriptions={subscriptions} />

      <h2 id="subscribe">Subscribe</h2>
      <Form method="post" className="stack subscribe-form" noValidate>
        <input type="hidden" name="intent" value="subscribe" />
        <fieldset className="stack">
          <legend>Follow</legend>
          <ScopeSelect
            kind="goal"
            label="Goal"
            name="goalId"
            value={preset.goalId}
            checked={preset.scopeKind === 'goal'}
            placeholder="Choose a goal…"
            choices={goals.map((g) => ({ value: g.id, label: g.title }))}
          />
          <label style={CHOICE}>
            <input
              style={RADIO}
              type="radio"
              name="scopeKind"
              value="tag"
              defaultChecked={preset.scopeKind === 'tag'}
            />{' '}
            Tag <input name="tag" defaultValue={preset.tag} placeholder="e.g. billing" aria-label="Tag" />
          </label>
          <ScopeSelect
            kind="team"
            label="Team"
            name="teamId"
            value={preset.teamId}
            checked={preset.scopeKind === 'team'}
            placeholder="Choose a team…"
            choices={teams.map((t) => ({ value: t.id, label: t.name }))}
          />
          <ScopeSelect
            kind="segment"
            label="Customer segment"
            name="segment"
            value={preset.segment}
            checked={preset.scopeKind === 'segment'}
            placeholder="Choose a segment…"
            choices={segments.map((s) => ({ value: s, label: s }))}
          />
          <label style={CHOICE}>
            <input
              style={RADIO}
              type="radio"
              name="scopeKind"
              value="stories"
              defaultChecked={preset.scopeKind === 'stories'}
            />{' '}
            All published stories
          </label>
          <FieldError id="scope-error" message={errors.scope ?? errors.scopeKind} />
        </fieldset>
        <div className="row wrap">
          <label>
            How often
            <select name="cadence" defaultValue="weekly">
              <option value="weekly">Weekly</option>
              <option value="daily">Daily</option>
            </select>
          </label>
          <label>
            On (weekly)
            <select name="weekday" defaultValue="1">
              {WEEKDAYS.map((day, n) => (
                <option key={day} value={n}>
                  {day}
                </option>
              ))}
            </select>
          </label>
          <label>
            At
            <input
              type="time"
              name="localTime"
              defaultValue="09:00"
              required
              aria-invalid={Boolean(errors.localTime)}
              aria-describedby="localTime-error"
            />
          </label>
          <label>
            Time zone
            <select
              name="timeZone"
              defaultValue="UTC"
              ref={zoneRef}
              aria-invalid={Boolean(errors.timeZone)}
              aria-describedby="timeZone-error"
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          <label>
            Deliver by
            <select name="channel" defaultValue="email">
              <option value="email">Email</option>
              <option value="slack">Slack DM</option>
              <option value="teams">Teams chat</option>
              <option value="web">Web only (archive)</option>
            </select>
          </label>
        </div>
        <FieldError id="localTime-error" message={errors.localTime} />
        <FieldError id="timeZone-error" message={errors.timeZone} />
        <FieldError id="channel-error" message={errors.channel} />
        <div className="row end">
          <button type="submit" className="button button-primary">
            Subscribe
          </button>
        </div>
      </Form>
    </section>
  );
}
