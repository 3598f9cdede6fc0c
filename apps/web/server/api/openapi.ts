// The OpenAPI 3.1 document, generated from the zod schemas the handlers parse with
// (schemas.ts), so the document cannot describe a body the API would refuse.
import { z } from 'zod';
import {
  ActionListSchema,
  AddEvidenceBodySchema,
  apiSchemas,
  ErrorSchema,
  EvidenceSchema,
  GoalListSchema,
  GoalSchema,
  InsightPageSchema,
  InsightSchema,
  ListGoalsQuerySchema,
  ListInsightsQuerySchema,
  PostInsightBodySchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

// OpenAPI places the schemas itself; a `$schema` or a fragment `$id` inside a component is noise.
const bare = ({ $schema: _s, $id: _i, ...rest }: JsonSchema): JsonSchema => rest;

function ref(schema: z.ZodType): { $ref: string } {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('Only schemas registered in apiSchemas can be referenced.');
  return { $ref: `#/components/schemas/${meta.id}` };
}

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: ref(schema) } },
});

const ERRORS = {
  400: 'Malformed JSON, or a body or query that does not match the schema.',
  401: 'No API token, or one that is unknown or revoked.',
  403: 'The token’s person may not do this.',
  404: 'Not found, or not visible to the token’s person (the same answer).',
  409: 'Conflicts with what is already there.',
  422: 'Breaks a rule of the domain (length, unknown goal or customer …); see fields.',
} as const;

const errors = (...statuses: (keyof typeof ERRORS)[]) =>
  Object.fromEntries(statuses.map((status) => [status, { $ref: `#/components/responses/Error${status}` }]));

const pathId = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', format: 'uuid' },
});

/** Each field of a query schema as one query parameter. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...rest } = bare(z.toJSONSchema(field as z.ZodType, { io: 'input' }) as JsonSchema);
    return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest };
  });
}

function buildDocument() {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Heard REST API',
      version: '1.0.0',
      description:
        'Post and read insights, add evidence, read goals and actions. Every call acts as the person ' +
        'who created the token (Settings in the hub), with exactly their visibility and rights.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/insights': {
        get: {
          operationId: 'listInsights',
          summary: 'Insights the token’s person may read, newest first, one page at a time',
          parameters: queryParameters(ListInsightsQuerySchema),
          responses: { 200: json('One page of insights.', InsightPageSchema), ...errors(400, 401) },
        },
        post: {
          operationId: 'postInsight',
          summary: 'Post an insight as the token’s person',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(PostInsightBodySchema) } },
          },
          responses: {
            201: json('Posted.', InsightSchema),
            200: json('Posted before with the same source.externalId: the earlier insight.', InsightSchema),
            ...errors(400, 401, 409, 422),
          },
        },
      },
      '/insights/{id}': {
        get: {
          operationId: 'getInsight',
          summary: 'One insight',
          parameters: [pathId('The insight’s id.')],
          responses: { 200: json('The insight.', InsightSchema), ...errors(401, 404) },
        },
      },
      '/insights/{id}/evidence': {
        post: {
          operationId: 'addEvidence',
          summary: 'Record that a further customer says the same thing',
          parameters: [pathId('The insight’s id.')],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(AddEvidenceBodySchema) } },
          },
          responses: { 201: json('Recorded.', EvidenceSchema), ...errors(400, 401, 404, 422) },
        },
      },
      '/goals': {
        get: {
          operationId: 'listGoals',
          summary: 'Every goal, with its KPI, owner and mandate',
          parameters: queryParameters(ListGoalsQuerySchema),
          responses: { 200: json('The goals.', GoalListSchema), ...errors(400, 401) },
        },
      },
      '/goals/{id}': {
        get: {
          operationId: 'getGoal',
          summary: 'One goal',
          parameters: [pathId('The goal’s id.')],
          responses: { 200: json('The goal.', GoalSchema), ...errors(401, 404) },
        },
      },
      '/goals/{id}/actions': {
        get: {
          operationId: 'listGoalActions',
          summary: 'The actions assigned under a goal',
          parameters: [pathId('The goal’s id.')],
          responses: { 200: json('The actions.', ActionListSchema), ...errors(401, 404) },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [],
          responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema)])),
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `Error${status}`,
          json(description, ErrorSchema),
        ]),
      ),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (heard_…) created under Settings in the hub.',
        },
      },
    },
  };
}

let document: ReturnType<typeof buildDocument> | undefined;

/** The document, built on first use: the schemas do not change while the process runs. */
export function openApiDocument() {
  document ??= buildDocument();
  return document;
}
