import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AttachmentMeta,
  checkUploads,
  type IncomingFile,
  IssueCollector,
  type MediaKind,
  type MediaType,
} from '@heard/domain';
import sharp from 'sharp';

/** The whole upload request may not exceed this, so an oversized body is refused before it is read. */
export const MAX_UPLOAD_REQUEST_BYTES = 6 * 100 * 1024 * 1024 + 1024 * 1024;

const THUMB_EDGE = 480;

/** A file from a form, with what the domain needs to judge it. */
export interface Upload {
  file: File;
  incoming: IncomingFile;
}

/** The files chosen in a file field; an empty field (no file chosen) gives none. */
export async function readUploads(form: FormData, field: string): Promise<Upload[]> {
  const files = form
    .getAll(field)
    .filter((f): f is File => typeof f === 'object' && f !== null && f.size > 0);
  return Promise.all(
    files.map(async (file) => ({
      file,
      incoming: {
        fileName: file.name,
        sizeBytes: file.size,
        head: new Uint8Array(await file.slice(0, 16).arrayBuffer()),
      },
    })),
  );
}

/** Checks type by magic bytes, size and count; throws the domain's field errors. Nothing is stored. */
export function checkNewUploads(uploads: Upload[], field: string, only?: MediaKind): MediaType[] {
  const issues = new IssueCollector();
  const types = checkUploads(
    issues,
    uploads.map((u) => u.incoming),
    { field, only },
  );
  issues.throwIfAny();
  return types as MediaType[];
}

/** Names people gave their files, kept readable but safe to show and to put in a header. */
const cleanName = (name: string) =>
  name
    .replace(/[\\/]/g, '_')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '')
    .slice(0, 120) || 'file';

export const storedName = (meta: Pick<AttachmentMeta, 'id' | 'contentType'>, thumb = false) =>
  thumb
    ? `${meta.id}.thumb.webp`
    : `${meta.id}.${meta.contentType.split('/')[1]?.replace('quicktime', 'mov') ?? 'bin'}`;

/**
 * Makes every thumbnail in memory first (a file that claims to be an image but does not decode is
 * refused before anything is written), then writes the files under `dir`.
 */
export async function storeUploads(
  dir: string,
  uploads: Upload[],
  types: MediaType[],
): Promise<AttachmentMeta[]> {
  const prepared = await Promise.all(
    uploads.map(async (upload, i) => {
      const type = types[i]!;
      const bytes = Buffer.from(await upload.file.arrayBuffer());
      const thumb =
        type.kind === 'image'
          ? await sharp(bytes, { animated: false })
              .rotate()
              .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
              .webp({ quality: 75 })
              .toBuffer()
              .catch(() => {
                const issues = new IssueCollector();
                issues.add(
                  'attachments',
                  'ATTACHMENT.UNREADABLE',
                  `“${upload.file.name}” could not be read as an image.`,
                );
                issues.throwIfAny();
                return null;
              })
          : null;
      const meta: AttachmentMeta = {
        id: randomUUID(),
        fileName: cleanName(upload.file.name),
        contentType: type.contentType,
        sizeBytes: upload.file.size,
        url: null,
      };
      return { meta, bytes, thumb };
    }),
  );
  await mkdir(dir, { recursive: true });
  for (const { meta, bytes, thumb } of prepared) {
    await writeFile(join(dir, storedName(meta)), bytes, { flag: 'wx' });
    if (thumb) await writeFile(join(dir, storedName(meta, true)), thumb, { flag: 'wx' });
  }
  return prepared.map((p) => p.meta);
}

/** Removes stored files again (the insight they were for was refused). */
export async function removeStored(dir: string, metas: AttachmentMeta[]): Promise<void> {
  for (const meta of metas) {
    await rm(join(dir, storedName(meta)), { force: true });
    await rm(join(dir, storedName(meta, true)), { force: true });
  }
}

/** The stored file for an attachment, or null when it is missing on disk. */
export async function storedFile(dir: string, meta: AttachmentMeta, thumb: boolean) {
  const path = join(dir, storedName(meta, thumb && !meta.contentType.startsWith('video/')));
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? { path, size: info.size } : null;
}

/** The request's declared size is over the limit: refuse it without reading the body. */
export function isOversizedRequest(request: Request): boolean {
  const length = Number(request.headers.get('content-length') ?? 0);
  return Number.isFinite(length) && length > MAX_UPLOAD_REQUEST_BYTES;
}
