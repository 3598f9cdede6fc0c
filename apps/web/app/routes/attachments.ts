import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { loadReadableInsight } from '@heard/domain';
import { data } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { rethrowAsResponse } from '../lib/errors.server';
import type { Route } from './+types/attachments';
import { storedFile } from './attachments.server';

/** Serves an attachment (or its thumbnail, `?thumb`) only to people who may read its insight. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const insight = await loadReadableInsight(context.hub.deps, actor, params.id).catch(rethrowAsResponse);
  const meta = insight.attachments.find((a) => a.id === params.attachmentId);
  if (!meta) throw data('No such file on this insight.', { status: 404 });
  const thumb = new URL(request.url).searchParams.has('thumb');
  const file = await storedFile(context.hub.uploadsDir, meta, thumb);
  if (!file) throw data('This file is no longer stored.', { status: 404 });
  const isThumb = thumb && !meta.contentType.startsWith('video/');
  const headers: Record<string, string> = {
    'content-type': isThumb ? 'image/webp' : meta.contentType,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, max-age=3600',
    'accept-ranges': 'bytes',
  };
  // Browsers fetch video in ranges, which lets people skip through a recording.
  const range = byteRange(request.headers.get('range'), file.size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${file.size}` } });
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  const body = Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream;
  headers['content-length'] = String(end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${file.size}`;
  return new Response(body, { status: range ? 206 : 200, headers });
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; several ranges are answered whole. */
function byteRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}
