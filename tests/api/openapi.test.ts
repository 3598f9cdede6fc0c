import { AddEvidenceBodySchema, PostInsightBodySchema } from '@heard/web';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useWebHub } from '../support/web-hub';

const hub = useWebHub({ insights: 5 });
// biome-ignore lint/suspicious/noExplicitAny: the document is checked by the assertions below
let doc: any;

beforeAll(async () => {
  const response = await hub.app.request(`${ORIGIN}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  doc = JSON.parse(await response.text());
});

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with a bearer security scheme, served without a token', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('describes every route the API serves, and nothing it does not', () => {
    const served = hub.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThanOrEqual(7);
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });

  it('takes request bodies from the zod schemas the handlers parse with', () => {
    const bodies = {
      '/insights': [PostInsightBodySchema, 'PostInsightBody'],
      '/insights/{id}/evidence': [AddEvidenceBodySchema, 'AddEvidenceBody'],
    } as const;
    for (const [path, [schema, id]] of Object.entries(bodies)) {
      const body = doc.paths[path].post.requestBody.content['application/json'].schema;
      expect(body).toEqual({ $ref: `#/components/schemas/${id}` });
      const component = doc.components.schemas[id];
      const direct = schema.toJSONSchema({ io: 'input' }) as unknown as {
        properties: object;
        required: string[];
      };
      expect(Object.keys(component.properties)).toEqual(Object.keys(schema.shape));
      expect(Object.keys(component.properties)).toEqual(Object.keys(direct.properties));
      expect(component.required).toEqual(direct.required);
      expect(component.additionalProperties).toBe(false);
    }
    expect(doc.components.schemas.PostInsightBody.properties.kind.enum).toContain('churn_risk');
    expect(doc.components.schemas.PostInsightBody.properties.visibility.$ref).toBe(
      '#/components/schemas/Visibility',
    );
  });

  it('resolves every reference, and gives every error response the one error object', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const [, , section, name] = ref.slice(8, -1).split('/');
      expect(doc.components[section!]?.[name!], ref).toBeDefined();
    }
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(
        ops as Record<string, { responses: Record<string, { $ref?: string }> }>,
      )) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(response.$ref).toBe(`#/components/responses/Error${status}`);
        }
      }
    }
    expect(doc.components.responses.Error422.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });
});
