import { type DigestContent, formatKpi, kpiTrend } from '@heard/domain';
import { type DigestLinks, digestTitle, insightFacts, KIND_LABEL, periodLabel } from './links';

type Element = Record<string, unknown>;
const text = (value: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const heading = (value: string): Element =>
  text(value, { weight: 'Bolder', size: 'Medium', spacing: 'Large', separator: true });
/** Adaptive Card markdown: link text must not break the [text](url) syntax. */
const mdLink = (url: string, label: string) => `[${label.replace(/[[\]]/g, '')}](${url})`;

/** The digest as an Adaptive Card (1.5) for a Teams chat, every item linking to the hub. */
export function renderTeamsDigest(content: DigestContent, links: DigestLinks, timeZone: string) {
  const body: Element[] = [
    text(digestTitle(content), { size: 'Large', weight: 'Bolder' }),
    text(`${periodLabel(content.period, timeZone)} · ${content.changes}`, {
      isSubtle: true,
      spacing: 'None',
    }),
  ];
  if (content.insights.length) {
    body.push(heading(`Most important of ${content.counts.insights} new insights`));
    for (const i of content.insights) {
      body.push({
        type: 'Container',
        spacing: 'Medium',
        items: [
          text(`**${mdLink(links.insight(i.id), i.title)}** · ${KIND_LABEL[i.kind] ?? i.kind}`),
          text(i.excerpt, { spacing: 'Small' }),
          text(insightFacts(i), { isSubtle: true, size: 'Small', spacing: 'Small' }),
        ],
        selectAction: { type: 'Action.OpenUrl', url: links.insight(i.id) },
      });
    }
  }
  if (content.stories.length) {
    body.push(heading('Stories'));
    for (const s of content.stories) {
      body.push({
        type: 'ColumnSet',
        columns: [
          ...(s.imageUrl
            ? [
                {
                  type: 'Column',
                  width: 'auto',
                  items: [
                    { type: 'Image', url: links.image(s.imageUrl), size: 'Medium', altText: s.headline },
                  ],
                },
              ]
            : []),
          {
            type: 'Column',
            width: 'stretch',
            items: [
              text(`**${mdLink(links.insight(s.insightId), s.headline)}**`),
              text(s.summary, { spacing: 'Small' }),
              ...(s.pullQuote ? [text(`“${s.pullQuote}”`, { isSubtle: true, spacing: 'Small' })] : []),
            ],
          },
        ],
      });
    }
  }
  if (content.goals.length) {
    body.push(heading('KPI progress'));
    body.push({
      type: 'FactSet',
      facts: content.goals.map((g) => {
        const trend = kpiTrend(g);
        const now = g.current === null ? 'not measured yet' : formatKpi(g.current, g.unit);
        const was = g.before !== null && g.before !== g.current ? `${formatKpi(g.before, g.unit)} → ` : '';
        return {
          title: g.title,
          value: `${g.kpiName}: ${was}${now}${trend.arrow} · target ${formatKpi(g.target, g.unit)}`,
        };
      }),
    });
  }
  const actions = [
    ...content.actionsOpened.map(
      (a) => `- Opened: ${mdLink(links.goal(a.goalId), a.title)} (${a.assigneeName})`,
    ),
    ...content.actionsCompleted.map(
      (a) => `- Done: ${mdLink(links.goal(a.goalId), a.title)} (${a.assigneeName})`,
    ),
  ];
  if (actions.length) body.push(heading('Actions'), text(actions.join('\r')));
  if (content.evaluations.length) {
    body.push(
      heading('Evaluations'),
      text(
        content.evaluations
          .map(
            (e) =>
              `- ${mdLink(links.goal(e.goalId), e.actionTitle ?? e.goalTitle)}: **${e.result}**${
                e.kpiValue === null ? '' : ` (KPI ${e.kpiValue})`
              } – ${e.note}`,
          )
          .join('\r'),
      ),
    );
  }
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    actions: [
      { type: 'Action.OpenUrl', title: 'Open in Heard', url: links.webVersion },
      { type: 'Action.OpenUrl', title: 'Unsubscribe', url: links.unsubscribe },
    ],
  };
}
