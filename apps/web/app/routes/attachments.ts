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
  return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
    headers: {
      'content-type': isThumb ? 'image/webp' : meta.contentType,
      'content-length': String(file.size),
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    },
  });
}
