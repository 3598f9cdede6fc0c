import type { Cadence, Deps, DigestChannel, SubscriptionRequest, SubscriptionScope } from '@heard/domain';
import { isDomainError, isValidationError, WEEKDAYS } from '@heard/domain';

/** The scopes a chat form offers: every published story, each active goal, each team, a tag, a segment. */
export interface ScopeChoice {
  value: string;
  label: string;
}

export async function scopeChoices(deps: Pick<Deps, 'goals' | 'teams'>): Promise<ScopeChoice[]> {
  const [goals, teams] = await Promise.all([deps.goals.list({ status: 'active' }), deps.teams.list()]);
  return [
    { value: 'stories', label: 'All published stories' },
    ...goals.map((g) => ({ value: `goal:${g.id}`, label: `Goal: ${g.title}` })),
    ...teams.map((t) => ({ value: `team:${t.id}`, label: `Team: ${t.name}` })),
    { value: 'tag', label: 'A tag (name it below)' },
    { value: 'segment', label: 'A customer segment (name it below)' },
  ];
}

export const WEEKDAY_CHOICES = WEEKDAYS.map((label, i) => ({ value: String(i), label }));

/** What a chat form sends back, every field as text, before it is checked by the use case. */
export interface SubscriptionFormValues {
  scope?: string;
  scopeName?: string;
  cadence?: string;
  weekday?: string;
  localTime?: string;
  timeZone?: string;
  channel?: string;
}

/** A form field the person left empty or set to something unknown, said under that field. */
export class FormFieldError extends Error {
  constructor(
    readonly field: keyof SubscriptionFormValues,
    message: string,
  ) {
    super(message);
  }
}

function scopeOf(values: SubscriptionFormValues): SubscriptionScope {
  const scope = values.scope ?? '';
  const name = (values.scopeName ?? '').trim().replace(/^#/, '');
  if (scope === 'stories') return { kind: 'stories' };
  if (scope === 'tag') return { kind: 'tag', tag: name };
  if (scope === 'segment') return { kind: 'segment', segment: name };
  const [kind, id = ''] = scope.split(':');
  if (kind === 'goal' && id) return { kind: 'goal', goalId: id };
  if (kind === 'team' && id) return { kind: 'team', teamId: id };
  throw new FormFieldError('scope', 'Choose what the digest follows.');
}

/**
 * Turns form values into a subscription request; the use case checks the rest (time, zone, day).
 * Teams' time input may answer "08:30:00", so seconds are dropped.
 */
export function subscriptionRequestFrom(values: SubscriptionFormValues): SubscriptionRequest {
  const cadence: Cadence =
    values.cadence === 'weekly'
      ? { kind: 'weekly', weekday: (values.weekday ? Number(values.weekday) : Number.NaN) as 0 }
      : { kind: 'daily' };
  if (values.cadence !== 'daily' && values.cadence !== 'weekly')
    throw new FormFieldError('cadence', 'Choose daily or weekly.');
  return {
    scope: scopeOf(values),
    cadence,
    localTime: (values.localTime ?? '').trim().replace(/^(\d{2}:\d{2}):\d{2}$/, '$1'),
    timeZone: (values.timeZone ?? '').trim(),
    channel: (values.channel ?? '') as DigestChannel,
  };
}

/**
 * A refusal as one message per form field, or null when it is not one a person can fix.
 * The use case names tag/segment problems `scope`; they belong under the name field.
 */
export function subscriptionFieldErrors(
  error: unknown,
  values: SubscriptionFormValues,
): Partial<Record<keyof SubscriptionFormValues, string>> | null {
  if (error instanceof FormFieldError) return { [error.field]: error.message };
  if (!isDomainError(error)) return null;
  const named = values.scope === 'tag' || values.scope === 'segment';
  const issues = isValidationError(error) ? error.issues : [{ field: 'scope', message: error.message }];
  const errors: Partial<Record<keyof SubscriptionFormValues, string>> = {};
  for (const issue of issues) {
    const field: keyof SubscriptionFormValues =
      issue.field === 'scope'
        ? named
          ? 'scopeName'
          : 'scope'
        : issue.field in FIELD_NAMES
          ? (issue.field as keyof SubscriptionFormValues)
          : 'scope';
    errors[field] = errors[field] ? `${errors[field]} ${issue.message}` : issue.message;
  }
  return errors;
}

const FIELD_NAMES = { localTime: 1, timeZone: 1, channel: 1, weekday: 1, cadence: 1 };

export const CHANNEL_LABELS: Record<DigestChannel, string> = {
  slack: 'Slack direct message',
  teams: 'Teams chat',
  email: 'Email',
  web: 'Web only (the digest archive)',
};
