import { generateInsightText } from './insight-text';
import type { SeedCustomer, SeedPerson } from './people-and-customers';
import type { SeededRandom } from './random';

const DAY = 86_400_000;

export interface SeedInsight {
  row: Record<string, unknown>;
  customerIds: string[];
  goalIndex: number | null;
  reactions: { person_id: string; emoji: string; created_at: Date }[];
  evidence: { customer_id: string; added_by: string; note: string | null; created_at: Date }[];
}

function sourceFor(rnd: SeededRandom, at: Date, index: number) {
  const kind = rnd.weighted([
    ['slack', 38],
    ['teams', 20],
    ['web', 22],
    ['import', 10],
    ['api', 5],
    ['email', 5],
  ] as const);
  const ts = `${Math.floor(at.getTime() / 1000)}${String(index % 1_000_000).padStart(6, '0')}`;
  switch (kind) {
    case 'slack':
      return {
        kind,
        url: `https://heard-demo.slack.com/archives/C04CUSTVOICE/p${ts}`,
        externalId: `slack:${ts}`,
      };
    case 'teams':
      return {
        kind,
        url: `https://teams.microsoft.com/l/message/19:field-team@thread.tacv2/${ts}`,
        externalId: `teams:${ts}`,
      };
    case 'import':
      return { kind, url: null, externalId: `crm-export:${index}` };
    default:
      return { kind, url: null, externalId: null };
  }
}

/**
 * Yields `count` insights spread over the last 90 days, oldest first, one at a time, so a
 * million of them never sit in memory together (only their 8-byte ages do).
 */
export function* generateInsights(
  rnd: SeededRandom,
  count: number,
  people: SeedPerson[],
  customers: SeedCustomer[],
  now: Date,
): Generator<SeedInsight> {
  const reporters = people.filter((p) => p.roles.includes('frontline'));
  // At least a minute old and at most 90 days old, whatever the draw.
  const offsets = new Float64Array(count);
  for (let i = 0; i < count; i++) offsets[i] = rnd.next() * (90 * DAY - 60_000);
  offsets.sort();
  for (let index = 0; index < count; index++) {
    const offset = offsets[count - 1 - index]!;
    const at = new Date(now.getTime() - offset - 60_000);
    const reporter = rnd.pick(reporters);
    const customerIndex = rnd.index(customers.length);
    const customer = customers[customerIndex]!;
    const text = generateInsightText(rnd, customer.name, rnd.pick(customer.contacts));
    const ageDays = offset / DAY;
    const triage =
      ageDays > 14
        ? rnd.weighted([
            ['triaged', 75],
            ['archived', 10],
            ['new', 15],
          ] as const)
        : rnd.weighted([
            ['new', 80],
            ['triaged', 20],
          ] as const);
    const scope = rnd.weighted([
      ['everyone', 86],
      ['team', 9],
      ['people', 5],
    ] as const);
    const audience = scope === 'people' ? [...new Set(rnd.sample(people, 2).map((p) => p.id))] : [];
    const reactors = rnd.sample(
      people,
      rnd.weighted([
        [0, 30],
        [1, 25],
        [2, 18],
        [3, 12],
        [5, 10],
        [9, 5],
      ] as const),
    );
    // Evidence comes from other customers than the one the insight is about.
    const others = rnd
      .sampleIndices(
        customers.length,
        rnd.weighted([
          [0, 60],
          [1, 25],
          [2, 10],
          [4, 5],
        ] as const),
        customerIndex,
      )
      .map((i) => customers[i]!);
    const reactions = reactors.map((p) => ({
      person_id: p.id,
      emoji: rnd.chance(0.6) ? 'me-too' : rnd.pick(['fire', 'eyes', 'heart', 'bulb']),
      created_at: notAfter(now, at.getTime() + rnd.int(1, 48) * 3_600_000),
    }));
    const evidence = others.map((c) => ({
      customer_id: c.id,
      added_by: rnd.pick(reporters).id,
      note: rnd.chance(0.5) ? `Heard the same from ${c.contacts[0]} at ${c.name}.` : null,
      created_at: notAfter(now, at.getTime() + rnd.int(1, 72) * 3_600_000),
    }));
    const teamId = reporter.team;
    yield {
      row: {
        id: rnd.uuid(),
        title: text.title,
        body: text.body,
        kind: text.kind,
        sentiment: text.sentiment,
        ...prefixed(sourceFor(rnd, at, index)),
        reporter_id: reporter.id,
        tags: text.tags,
        visibility_scope: scope,
        visibility_team_slug: scope === 'team' ? teamId : null,
        visibility_person_ids: audience,
        triage,
        evidence_count: evidence.length,
        reaction_count: reactions.length,
        customer_value: customer.value,
        created_at: at,
        updated_at: at,
      },
      customerIds: [customer.id],
      goalIndex: text.goalIndex !== null && rnd.chance(0.7) ? text.goalIndex : null,
      reactions,
      evidence,
    };
  }
}

/** Reactions and evidence come after the insight, but never after the moment of seeding. */
const notAfter = (now: Date, ms: number) => new Date(Math.min(ms, now.getTime()));

function prefixed(source: { kind: string; url: string | null; externalId: string | null }) {
  return { source_kind: source.kind, source_url: source.url, source_external_id: source.externalId };
}
