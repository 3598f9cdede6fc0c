import { buildCustomer } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createApiToken } from '../support/api';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  api = apiClient(hub, await createApiToken(hub, 'sam.carter@example.com'));
});

describe('customer references through the REST API', () => {
  it('matches a customer named by another system to the one Heard knows', async () => {
    const known = await buildCustomer(hub.db.sql, {
      name: 'Vireo Labs',
      identifiers: [{ system: 'crm', value: 'V-88' }],
    });
    const answer = await api.post('/insights', {
      body: 'Vireo wants SSO for their contractors.',
      kind: 'request',
      sentiment: 'neutral',
      customers: [{ name: 'VIREO LABS GMBH', identifiers: [{ system: 'support', value: 'Z-12' }] }],
    });
    expect(answer.status).toBe(201);
    const [link] = await hub.db
      .sql`select customer_id from insight_customers where insight_id = ${answer.body.id}`;
    expect(link?.customer_id).toBe(known.id);
    const [id] = await hub.db
      .sql`select customer_id, source from customer_identifiers where system = 'support' and value = 'Z-12'`;
    expect(id).toEqual({ customer_id: known.id, source: 'api' });
  });

  it('refuses a reference that names nobody with the domain’s message', async () => {
    const answer = await api.post('/insights', {
      body: 'Text',
      kind: 'pain',
      sentiment: 'negative',
      customers: [{ name: ' ' }],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('CUSTOMER.REFERENCE.EMPTY');
  });
});
