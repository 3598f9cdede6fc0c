import { type DigestContent, formatKpi, kpiTrend } from '@heard/domain';
import { type DigestLinks, digestTitle, insightFacts, KIND_LABEL, periodLabel } from './links';

/** Slack's mrkdwn treats these three as control characters. */
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (url: string, text: string) => `<${url}|${esc(text).replace(/\|/g, '¦')}>`;
/** Section text is limited to 3,000 characters; header text to 150. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type Block = Record<string, unknown>;
const section = (text: string, extra: Block = {}): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, 3000) },
  ...extra,
});
const divider: Block = { type: 'divider' };

/** The digest as Block Kit for a Slack DM: at most 50 blocks, every item linking to the hub. */
export function renderSlackDigest(content: DigestContent, links: DigestLinks, timeZone: string) {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(digestTitle(content), 150), emoji: true } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: esc(`${periodLabel(content.period, timeZone)} · ${content.changes}`) },
      ],
    },
  ];
  if (content.insights.length) {
    blocks.push(divider, section(`*Most important of ${content.counts.insights} new insights*`));
    for (const i of content.insights) {
      blocks.push(
        section(
          `*${link(links.insight(i.id), i.title)}* · ${KIND_LABEL[i.kind] ?? i.kind}\n${esc(i.excerpt)}\n_${esc(insightFacts(i))}_`,
        ),
      );
    }
  }
  if (content.stories.length) {
    blocks.push(divider, section('*Stories*'));
    for (const s of content.stories) {
      blocks.push(
        section(
          `*${link(links.insight(s.insightId), s.headline)}*\n${esc(s.summary)}${s.pullQuote ? `\n> ${esc(s.pullQuote)}` : ''}`,
          s.imageUrl
            ? {
                accessory: {
                  type: 'image',
                  image_url: links.image(s.imageUrl),
                  alt_text: clip(s.headline, 2000),
                },
              }
            : {},
        ),
      );
    }
  }
  if (content.goals.length) {
    blocks.push(divider, section('*KPI progress*'));
    for (const g of content.goals) {
      const trend = kpiTrend(g);
      const now = g.current === null ? 'not measured yet' : formatKpi(g.current, g.unit);
      const was = g.before !== null && g.before !== g.current ? `${formatKpi(g.before, g.unit)} → ` : '';
      blocks.push(
        section(
          `*${link(links.goal(g.id), g.title)}*\n${esc(g.kpiName)}: ${esc(was)}*${esc(now)}*${trend.arrow}${
            trend.improving === null ? '' : trend.improving ? ' (improving)' : ' (worsening)'
          } · target ${esc(formatKpi(g.target, g.unit))}`,
        ),
      );
    }
  }
  const actionLines = [
    ...content.actionsOpened.map(
      (a) => `• Opened: ${link(links.goal(a.goalId), a.title)} (${esc(a.assigneeName)})`,
    ),
    ...content.actionsCompleted.map(
      (a) => `• Done: ${link(links.goal(a.goalId), a.title)} (${esc(a.assigneeName)})`,
    ),
  ];
  if (actionLines.length) blocks.push(divider, section(`*Actions*\n${actionLines.join('\n')}`));
  if (content.evaluations.length) {
    const lines = content.evaluations.map(
      (e) =>
        `• ${link(links.goal(e.goalId), e.actionTitle ?? e.goalTitle)}: *${e.result}*${
          e.kpiValue === null ? '' : ` (KPI ${e.kpiValue})`
        } – ${esc(e.note)}`,
    );
    blocks.push(divider, section(`*Evaluations*\n${lines.join('\n')}`));
  }
  blocks.push(divider, {
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Open in Heard' },
        url: links.webVersion,
        action_id: 'digest_open',
      },
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Unsubscribe' },
        url: links.unsubscribe,
        action_id: 'digest_unsubscribe',
      },
    ],
  });
  // Slack refuses more than 50 blocks: keep the head and the buttons.
  const fitted = blocks.length > 50 ? [...blocks.slice(0, 48), divider, blocks.at(-1)!] : blocks;
  return {
    text: `${digestTitle(content)}: ${content.changes}`,
    blocks: fitted,
  };
}
