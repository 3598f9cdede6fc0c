import type { Db } from '@heard/db';
import { ME_TOO } from '@heard/domain';

/** What a chat card about an insight shows, read in one query. */
export interface CardFacts {
  insightId: string;
  title: string;
  /** Only insights everyone may read show their title and goals on a card others can see. */
  isPublic: boolean;
  goalTitles: string[];
  meToo: number;
  reactions: number;
  evidence: number;
  story: { headline: string; summary: string; pullQuote: string | null } | null;
}

export async function loadCardFacts(db: Db, insightId: string): Promise<CardFacts | null> {
  const [row] = await db`
    select i.id, i.title, i.visibility_scope, i.reaction_count, i.evidence_count,
      (select count(*)::int from reactions r where r.insight_id = i.id and r.emoji = ${ME_TOO}) as me_too,
      coalesce((select array_agg(g.title order by g.title) from insight_goals ig join goals g on g.id = ig.goal_id
                where ig.insight_id = i.id), '{}') as goal_titles,
      s.headline, s.summary, s.pull_quote
    from insights i left join stories s on s.insight_id = i.id and s.status = 'published'
    where i.id::text = ${insightId}`;
  if (!row) return null;
  return {
    insightId: row.id as string,
    title: row.title as string,
    isPublic: row.visibility_scope === 'everyone',
    goalTitles: row.goal_titles as string[],
    meToo: row.me_too as number,
    reactions: row.reaction_count as number,
    evidence: row.evidence_count as number,
    story: row.headline
      ? {
          headline: row.headline as string,
          summary: row.summary as string,
          pullQuote: (row.pull_quote as string) ?? null,
        }
      : null,
  };
}
