import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryingFetch } from './retrying-fetch';

const answers: Array<() => Response> = [];
let calls = 0;
const server = setupServer(
  http.post('https://slack.com/api/chat.postMessage', () => {
    calls++;
    const next = answers.shift();
    if (!next) return HttpResponse.json({ ok: true });
    return next();
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  answers.length = 0;
  calls = 0;
});

function client(attempts = 4) {
  const waits: number[] = [];
  const fetch = retryingFetch(pino({ level: 'silent' }), {
    attempts,
    baseDelayMs: 100,
    maxRetryAfterMs: 30_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return {
    waits,
    post: () => fetch('https://slack.com/api/chat.postMessage', { method: 'POST', body: 'x=1' }),
  };
}

describe('the Slack client’s retries', () => {
  it('waits exactly what a 429’s Retry-After asks, then sends again', async () => {
    answers.push(() => HttpResponse.json({ ok: false }, { status: 429, headers: { 'retry-after': '7' } }));
    const { waits, post } = client();
    const response = await post();
    expect(response.status).toBe(200);
    expect(waits).toEqual([7000]);
    expect(calls).toBe(2);
  });

  it('backs off, doubling, on server errors', async () => {
    answers.push(
      () => new HttpResponse(null, { status: 503 }),
      () => new HttpResponse(null, { status: 502 }),
    );
    const { waits, post } = client();
    expect((await post()).status).toBe(200);
    expect(waits).toEqual([100, 200]);
  });

  it('retries a request that never reached Slack', async () => {
    answers.push(() => HttpResponse.error());
    const { waits, post } = client();
    expect((await post()).status).toBe(200);
    expect(waits).toEqual([100]);
  });

  it('hands back the last failure once the attempts are spent, so the job fails and is retried later', async () => {
    for (let i = 0; i < 3; i++) answers.push(() => new HttpResponse(null, { status: 500 }));
    const { post } = client(3);
    expect((await post()).status).toBe(500);
    expect(calls).toBe(3);
  });

  it('does not sit out a Retry-After longer than it allows; the queue retries instead', async () => {
    answers.push(() => HttpResponse.json({ ok: false }, { status: 429, headers: { 'retry-after': '3600' } }));
    const { waits, post } = client();
    expect((await post()).status).toBe(429);
    expect(waits).toEqual([]);
  });

  it('throws when Slack stays unreachable', async () => {
    for (let i = 0; i < 2; i++) answers.push(() => HttpResponse.error());
    const { post } = client(2);
    await expect(post()).rejects.toThrow();
  });
});
