import { type DigestContent, formatKpi, kpiTrend } from '@heard/domain';
import { type DigestLinks, digestTitle, insightFacts, KIND_LABEL, periodLabel } from './links';

const esc = (value: string) =>
  value.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Content id of goal `id`'s chart image, attached inline (mail clients do not draw SVG). */
export const chartCid = (goalId: string) => `kpi-${goalId}@heard`;

const H2 = 'style="font-size:16px;margin:24px 0 8px;color:#1d2433"';
const MUTED = 'color:#5b6475;font-size:13px';

/** The digest as an email: HTML (inline styles, as mail clients need) and a plain-text part. */
export function renderEmailDigest(
  content: DigestContent,
  links: DigestLinks,
  timeZone: string,
): RenderedEmail {
  const title = digestTitle(content);
  const period = periodLabel(content.period, timeZone);
  const html: string[] = [];
  const text: string[] = [title, period, content.changes, ''];

  html.push(
    `<h1 style="font-size:20px;margin:0 0 4px;color:#1d2433">${esc(title)}</h1>`,
    `<p style="${MUTED};margin:0 0 16px">${esc(period)} · ${esc(content.changes)}</p>`,
  );
  if (content.insights.length) {
    const heading = `Most important of ${content.counts.insights} new insights`;
    html.push(`<h2 ${H2}>${esc(heading)}</h2>`);
    text.push(heading.toUpperCase());
    for (const i of content.insights) {
      html.push(
        `<div style="margin:0 0 14px"><a href="${esc(links.insight(i.id))}" style="font-weight:bold;color:#2f5bd3">${esc(i.title)}</a> <span style="${MUTED}">· ${esc(KIND_LABEL[i.kind] ?? i.kind)}</span>` +
          `<div>${esc(i.excerpt)}</div><div style="${MUTED}">${esc(insightFacts(i))}</div></div>`,
      );
      text.push(
        `- ${i.title} (${KIND_LABEL[i.kind] ?? i.kind})`,
        `  ${i.excerpt}`,
        `  ${insightFacts(i)}`,
        `  ${links.insight(i.id)}`,
      );
    }
    text.push('');
  }
  if (content.stories.length) {
    html.push(`<h2 ${H2}>Stories</h2>`);
    text.push('STORIES');
    for (const s of content.stories) {
      html.push(
        `<div style="margin:0 0 16px">${
          s.imageUrl
            ? `<img src="${esc(links.image(s.imageUrl))}" alt="${esc(s.headline)}" width="560" style="max-width:100%;border-radius:6px;display:block;margin-bottom:6px">`
            : ''
        }<a href="${esc(links.insight(s.insightId))}" style="font-weight:bold;color:#2f5bd3">${esc(s.headline)}</a><div>${esc(s.summary)}</div>${
          s.pullQuote
            ? `<blockquote style="margin:6px 0;padding-left:10px;border-left:3px solid #c9d1e0;${MUTED}">${esc(s.pullQuote)}</blockquote>`
            : ''
        }</div>`,
      );
      text.push(
        `- ${s.headline}`,
        `  ${s.summary}`,
        ...(s.pullQuote ? [`  “${s.pullQuote}”`] : []),
        `  ${links.insight(s.insightId)}`,
      );
    }
    text.push('');
  }
  if (content.goals.length) {
    html.push(`<h2 ${H2}>KPI progress</h2>`);
    text.push('KPI PROGRESS');
    for (const g of content.goals) {
      const trend = kpiTrend(g);
      const now = g.current === null ? 'not measured yet' : formatKpi(g.current, g.unit);
      const line = `${g.kpiName}: ${now}${trend.arrow} (target ${formatKpi(g.target, g.unit)})`;
      html.push(
        `<div style="margin:0 0 16px"><a href="${esc(links.goal(g.id))}" style="font-weight:bold;color:#2f5bd3">${esc(g.title)}</a>` +
          `<div style="${MUTED}">${esc(line)}</div>` +
          `<img src="cid:${chartCid(g.id)}" alt="${esc(line)}" width="480" height="160" style="display:block;margin-top:6px"></div>`,
      );
      text.push(`- ${g.title}: ${line}`, `  ${links.goal(g.id)}`);
    }
    text.push('');
  }
  const actions = [
    ...content.actionsOpened.map((a) => ({ ...a, verb: 'Opened' })),
    ...content.actionsCompleted.map((a) => ({ ...a, verb: 'Done' })),
  ];
  if (actions.length) {
    html.push(`<h2 ${H2}>Actions</h2><ul style="padding-left:18px;margin:0">`);
    text.push('ACTIONS');
    for (const a of actions) {
      html.push(
        `<li>${a.verb}: <a href="${esc(links.goal(a.goalId))}" style="color:#2f5bd3">${esc(a.title)}</a> <span style="${MUTED}">(${esc(a.assigneeName)})</span></li>`,
      );
      text.push(`- ${a.verb}: ${a.title} (${a.assigneeName}) ${links.goal(a.goalId)}`);
    }
    html.push('</ul>');
    text.push('');
  }
  if (content.evaluations.length) {
    html.push(`<h2 ${H2}>Evaluations</h2><ul style="padding-left:18px;margin:0">`);
    text.push('EVALUATIONS');
    for (const e of content.evaluations) {
      const kpi = e.kpiValue === null ? '' : ` (KPI ${e.kpiValue})`;
      html.push(
        `<li><a href="${esc(links.goal(e.goalId))}" style="color:#2f5bd3">${esc(e.actionTitle ?? e.goalTitle)}</a>: <strong>${esc(e.result)}</strong>${esc(kpi)} – ${esc(e.note)}</li>`,
      );
      text.push(`- ${e.actionTitle ?? e.goalTitle}: ${e.result}${kpi} – ${e.note}`);
    }
    html.push('</ul>');
    text.push('');
  }
  html.push(
    `<p style="${MUTED};margin-top:28px;border-top:1px solid #e3e7ef;padding-top:12px">` +
      `<a href="${esc(links.webVersion)}" style="color:#2f5bd3">Read this digest on the web</a> · ` +
      `<a href="${esc(links.manage)}" style="color:#2f5bd3">Manage subscriptions</a> · ` +
      `<a href="${esc(links.unsubscribe)}" style="color:#2f5bd3">Unsubscribe</a></p>`,
  );
  text.push(
    `Read on the web: ${links.webVersion}`,
    `Manage subscriptions: ${links.manage}`,
    `Unsubscribe: ${links.unsubscribe}`,
  );
  return {
    subject: `${title} (${period})`,
    html: `<!doctype html><html><body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45;color:#1d2433;max-width:600px;margin:0 auto;padding:16px">${html.join('\n')}</body></html>`,
    text: text.join('\n'),
  };
}
