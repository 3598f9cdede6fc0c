import { DIGEST_CHANNELS, type Person, SCOPE_KINDS, type SubscriptionRequest } from '@heard/domain';
import type { AppLoadContext } from 'react-router';
import { z } from 'zod';
import { type FieldErrors, toFieldErrors } from '../lib/errors.server';

const text = z.string().trim().optional().default('');

/** The subscribe form as posted; scope fields beyond the chosen kind are ignored. */
export const SubscribeFormSchema = z.object({
  intent: z.literal('subscribe'),
  scopeKind: z.enum(SCOPE_KINDS, {
    message: 'Choose what to follow: a goal, a tag, a team, a segment or all stories.',
  }),
  goalId: text,
  tag: text,
  teamId: text,
  segment: text,
  cadence: z.enum(['daily', 'weekly'], { message: 'Choose daily or weekly.' }),
  weekday: z.coerce.number().int().min(0).max(6).optional().default(1),
  localTime: z.string().trim(),
  timeZone: z.string().trim().min(1, 'Choose your time zone.'),
  channel: z.enum(DIGEST_CHANNELS, { message: 'Choose Slack, Teams, email or web.' }),
});
const UnsubscribeFormSchema = z.object({
  intent: z.literal('unsubscribe'),
  subscriptionId: z.string().min(1),
});
const FormSchema = z.discriminatedUnion('intent', [SubscribeFormSchema, UnsubscribeFormSchema]);

function toRequest(
  f: z.infer<typeof SubscribeFormSchema>,
): { request: SubscriptionRequest } | { errors: FieldErrors } {
  const scope =
    f.scopeKind === 'goal'
      ? f.goalId
        ? { kind: 'goal' as const, goalId: f.goalId }
        : null
      : f.scopeKind === 'team'
        ? f.teamId
          ? { kind: 'team' as const, teamId: f.teamId }
          : null
        : f.scopeKind === 'tag'
          ? { kind: 'tag' as const, tag: f.tag.replace(/^#/, '') }
          : f.scopeKind === 'segment'
            ? { kind: 'segment' as const, segment: f.segment }
            : { kind: 'stories' as const };
  if (!scope) return { errors: { scope: `Choose the ${f.scopeKind} to follow.` } };
  const request: SubscriptionRequest = {
    scope,
    cadence: f.cadence === 'daily' ? { kind: 'daily' } : { kind: 'weekly', weekday: f.weekday as 0 },
    localTime: f.localTime,
    timeZone: f.timeZone,
    channel: f.channel,
  };
  return { request };
}

export interface SubscriptionFormResult {
  errors: FieldErrors;
  subscribed?: { scopeLabel: string; existed: boolean };
  unsubscribed?: boolean;
}

/** Subscribes or unsubscribes the actor from the subscriptions page, the settings page or a digest. */
export async function handleSubscriptionForm(
  context: AppLoadContext,
  actor: Person,
  form: FormData,
): Promise<SubscriptionFormResult> {
  const parsed = FormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { errors: { [String(issue.path[0] ?? 'form')]: issue.message } };
  }
  const digests = context.hub.digests;
  try {
    if (parsed.data.intent === 'unsubscribe') {
      await digests.unsubscribe(actor, parsed.data.subscriptionId);
      return { errors: {}, unsubscribed: true };
    }
    const checked = toRequest(parsed.data);
    if ('errors' in checked) return { errors: checked.errors };
    const { subscription, created } = await digests.subscribe(actor, checked.request);
    const [view] = (await digests.subscriptionsOf(actor.id)).filter((v) => v.id === subscription.id);
    return { errors: {}, subscribed: { scopeLabel: view?.scopeLabel ?? '', existed: !created } };
  } catch (error) {
    return { errors: toFieldErrors(error) };
  }
}

/** Every IANA zone the server knows, for the time-zone picker. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
