// The REST API's shapes, defined once: handlers parse requests with them, presenters are typed
// by them, and openapi.ts turns the same objects into the OpenAPI document (z.toJSONSchema).
import {
  ACTION_STATUSES,
  GOAL_STATUSES,
  INSIGHT_KINDS,
  MAX_FEED_PAGE_SIZE,
  SENTIMENTS,
  SOURCE_KINDS,
  TRIAGE_STATES,
} from '@heard/domain';
import { z } from 'zod';

/** Schemas that become named components of the OpenAPI document, keyed by `id`. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  apiSchemas.add(schema, { id, description });
  return schema;
}

const Id = z.guid({ error: 'Must be an id (a UUID).' });
const Timestamp = z.iso.datetime({ offset: true });

export const VisibilitySchema = named(
  'Visibility',
  'Who may read the insight besides its reporter and admins.',
  z.discriminatedUnion(
    'scope',
    [
      z.strictObject({ scope: z.literal('everyone') }),
      z.strictObject({ scope: z.literal('team'), teamId: Id }),
      z.strictObject({ scope: z.literal('people'), personIds: z.array(Id) }),
    ],
    { error: 'Choose a scope: everyone, team (with teamId) or people (with personIds).' },
  ),
);

// Lengths, tag counts and whether goals, customers and audiences exist are the domain's rules
// (422 with a field message); the schema checks only the shape (400).
export const CustomerReferenceSchema = named(
  'CustomerReference',
  'A customer as another system names it: at least a name or one identifier.',
  z.strictObject({
    name: z.string().max(300).nullish(),
    kind: z.enum(['person', 'account']).nullish(),
    email: z.string().max(320).nullish(),
    phone: z.string().max(40).nullish(),
    domain: z.string().max(255).nullish(),
    identifiers: z
      .array(z.strictObject({ system: z.string().min(1).max(40), value: z.string().min(1).max(200) }))
      .max(20)
      .optional()
      .meta({ description: 'Ids in other systems, e.g. `{ "system": "crm", "value": "C-1042" }`.' }),
  }),
);

export const PostInsightBodySchema = named(
  'PostInsightBody',
  'An insight to post as the token’s person; its source kind is always `api`.',
  z.strictObject({
    body: z.string({ error: 'Write the text of the insight in `body` (markdown).' }).meta({
      description: 'What was heard, in markdown; at most 20,000 characters.',
    }),
    title: z
      .string()
      .nullish()
      .meta({ description: 'At most 140 characters; derived from the body when absent.' }),
    kind: z.enum(INSIGHT_KINDS),
    sentiment: z.enum(SENTIMENTS),
    customerIds: z.array(Id).max(100).optional().meta({ description: 'Customers the insight is about.' }),
    customers: z.array(CustomerReferenceSchema).max(20).optional().meta({
      description:
        'Customers as your system names them; each is matched to a customer Heard knows (or created) like every customer reference.',
    }),
    goalIds: z.array(Id).max(20).optional().meta({ description: 'Active goals the insight serves.' }),
    tags: z
      .array(z.string().max(100))
      .max(100)
      .optional()
      .meta({ description: 'At most 20 once normalised.' }),
    visibility: VisibilitySchema.optional().meta({ description: 'Everyone when absent.' }),
    source: z
      .strictObject({
        url: z.url({ protocol: /^https?$/, error: 'Must be an http(s) link.' }).nullish(),
        externalId: z.string().min(1).max(200).nullish().meta({
          description: 'The message’s id in your system: posting it again returns the first insight (200).',
        }),
      })
      .optional(),
  }),
);
export type PostInsightBody = z.infer<typeof PostInsightBodySchema>;

export const AddEvidenceBodySchema = named(
  'AddEvidenceBody',
  'A further customer who says the same thing.',
  z.strictObject({
    customerId: Id,
    note: z.string().nullish().meta({ description: 'At most 2,000 characters.' }),
  }),
);

/** `GET /insights`: the web feed's filters, with the same names, and a cursor. */
export const ListInsightsQuerySchema = z.object({
  after: z.string().optional().meta({ description: 'The `next` cursor of the previous page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FEED_PAGE_SIZE)
    .optional()
    .meta({ description: `Page size, 20 unless given; at most ${MAX_FEED_PAGE_SIZE}.` }),
  kind: z.enum(INSIGHT_KINDS).optional(),
  source: z.enum(SOURCE_KINDS).optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  triage: z.enum(TRIAGE_STATES).optional(),
  goal: Id.optional().meta({ description: 'Only insights linked to this goal.' }),
  team: Id.optional().meta({ description: 'Only insights reported by people of this team.' }),
  customer: Id.optional().meta({ description: 'Only insights about this customer, as subject or evidence.' }),
  tag: z.string().optional(),
});

export const ListGoalsQuerySchema = z.object({ status: z.enum(GOAL_STATUSES).optional() });

const Named = z.object({ id: z.string(), name: z.string() });

export const InsightSchema = named(
  'Insight',
  'One thing heard from or about customers.',
  z.object({
    id: z.string(),
    title: z.string(),
    body: z.string().meta({ description: 'Markdown, as written.' }),
    kind: z.enum(INSIGHT_KINDS),
    sentiment: z.enum(SENTIMENTS),
    source: z.object({ kind: z.enum(SOURCE_KINDS), url: z.string().nullable() }),
    reporter: Named,
    customers: z.array(Named),
    goals: z.array(z.object({ id: z.string(), title: z.string() })),
    tags: z.array(z.string()),
    visibility: VisibilitySchema,
    triage: z.enum(TRIAGE_STATES),
    hasStory: z.boolean(),
    evidenceCount: z.number().int(),
    reactionCount: z.number().int(),
    createdAt: Timestamp,
  }),
);
export type InsightResponse = z.infer<typeof InsightSchema>;

export const InsightPageSchema = named(
  'InsightPage',
  'Newest first. Pass `next` as `after` for the following page; null on the last one.',
  z.object({ items: z.array(InsightSchema), next: z.string().nullable() }),
);

export const EvidenceSchema = named(
  'Evidence',
  'A further customer recorded against an insight.',
  z.object({
    id: z.string(),
    insightId: z.string(),
    customerId: z.string(),
    addedBy: z.string(),
    note: z.string().nullable(),
    createdAt: Timestamp,
  }),
);
export type EvidenceResponse = z.infer<typeof EvidenceSchema>;

export const GoalSchema = named(
  'Goal',
  'A strategic goal, its KPI, its owner and their mandate.',
  z.object({
    id: z.string(),
    title: z.string(),
    why: z.string(),
    status: z.enum(GOAL_STATUSES),
    owner: Named,
    kpi: z.object({
      name: z.string(),
      unit: z.string(),
      baseline: z.number(),
      target: z.number(),
      current: z.number().nullable(),
      dueDate: z.iso.date(),
    }),
    mandate: z.object({ statement: z.string(), teamIds: z.array(z.string()) }),
    createdAt: Timestamp,
  }),
);
export type GoalResponse = z.infer<typeof GoalSchema>;

export const GoalListSchema = named('GoalList', 'Every goal.', z.object({ items: z.array(GoalSchema) }));

export const ActionSchema = named(
  'Action',
  'Work an owner assigned under a goal.',
  z.object({
    id: z.string(),
    goalId: z.string(),
    title: z.string(),
    assignee: Named,
    status: z.enum(ACTION_STATUSES),
    dueDate: z.iso.date().nullable(),
    citedInsightIds: z.array(z.string()).meta({ description: 'Only the cited insights you may read.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type ActionResponse = z.infer<typeof ActionSchema>;

export const ActionListSchema = named(
  'ActionList',
  'The actions of one goal.',
  z.object({ items: z.array(ActionSchema) }),
);

export const ErrorSchema = named(
  'Error',
  'Every refusal, whatever the status.',
  z.object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, e.g. INSIGHT.BODY.EMPTY; branch on this.' }),
      message: z.string().meta({ description: 'A sentence a person can act on.' }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: 'Per field of the request (dotted path), what is wrong with it.' }),
    }),
  }),
);
export type ErrorResponse = z.infer<typeof ErrorSchema>;
