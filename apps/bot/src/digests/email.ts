import { type DigestContent, kpiChartSvg } from '@heard/domain';
import nodemailer from 'nodemailer';
import sharp from 'sharp';
import type { DigestLinks } from './links';
import { chartCid, renderEmailDigest } from './render-email';

export interface DigestMailer {
  /** Sends the digest; resolves to the email's Message-ID. */
  send(
    to: string,
    digestId: string,
    content: DigestContent,
    links: DigestLinks,
    timeZone: string,
  ): Promise<string>;
  close(): void;
}

/** A KPI chart as a PNG: mail clients do not draw SVG, every one draws PNG. */
export async function kpiChartPng(goal: DigestContent['goals'][number]): Promise<Buffer> {
  return sharp(Buffer.from(kpiChartSvg(goal)), { density: 144 })
    .png()
    .toBuffer();
}

/** Email digests over SMTP (`SMTP_URL`) with nodemailer: HTML and text, charts inline, one-click unsubscribe. */
export function createDigestMailer(options: { smtpUrl: string; from?: string }): DigestMailer {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const from = options.from ?? 'Heard <heard@localhost>';
  return {
    async send(to, digestId, content, links, timeZone) {
      const email = renderEmailDigest(content, links, timeZone);
      const attachments = await Promise.all(
        content.goals.map(async (g) => ({
          filename: `kpi-${g.id}.png`,
          content: await kpiChartPng(g),
          contentType: 'image/png',
          cid: chartCid(g.id),
        })),
      );
      const domain = new URL(links.webVersion).hostname || 'heard';
      const info = await transport.sendMail({
        from,
        to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        attachments,
        // The same id on every retry, so a mail system that already took it can drop the repeat.
        messageId: `<digest-${digestId}@${domain}>`,
        // RFC 8058: mail clients show an unsubscribe button and POST to the link in one click.
        list: { unsubscribe: links.unsubscribe },
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}
