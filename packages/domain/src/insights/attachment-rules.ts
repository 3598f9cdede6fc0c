import type { IssueCollector } from '../shared/errors';
import type { AttachmentMeta } from './insight';

export type MediaKind = 'image' | 'video';

/** What a file really is, read from its first bytes (never from its name or the browser's word). */
export interface MediaType {
  kind: MediaKind;
  contentType: string;
  extension: string;
}

const MB = 1024 * 1024;
/** Largest file accepted per kind, checked before anything is stored. */
export const ATTACHMENT_MAX_BYTES: Record<MediaKind, number> = { image: 10 * MB, video: 100 * MB };
export const MAX_ATTACHMENTS = 6;
export const ACCEPTED_MEDIA = 'PNG, JPEG, GIF or WebP images and MP4, MOV or WebM videos';

const ascii = (head: Uint8Array, at: number, text: string) =>
  [...text].every((char, i) => head[at + i] === char.charCodeAt(0));
const bytes = (head: Uint8Array, values: number[]) => values.every((v, i) => head[i] === v);

/** Recognises the accepted formats by their magic numbers; anything else is null. */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  if (bytes(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', contentType: 'image/png', extension: 'png' };
  if (bytes(head, [0xff, 0xd8, 0xff])) return { kind: 'image', contentType: 'image/jpeg', extension: 'jpg' };
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a'))
    return { kind: 'image', contentType: 'image/gif', extension: 'gif' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP'))
    return { kind: 'image', contentType: 'image/webp', extension: 'webp' };
  if (bytes(head, [0x1a, 0x45, 0xdf, 0xa3]))
    return { kind: 'video', contentType: 'video/webm', extension: 'webm' };
  if (ascii(head, 4, 'ftyp')) {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (brand === 'qt  ') return { kind: 'video', contentType: 'video/quicktime', extension: 'mov' };
    // HEIC/AVIF images share the container; they are not videos.
    if (/^(heic|heix|mif1|avif)$/.test(brand)) return null;
    return { kind: 'video', contentType: 'video/mp4', extension: 'mp4' };
  }
  return null;
}

/** One file as it arrived: its name, its size and its first bytes. */
export interface IncomingFile {
  fileName: string;
  sizeBytes: number;
  head: Uint8Array;
}

const size = (n: number) => `${(n / MB).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Checks uploads against the accepted formats, the size per kind and the number per
 * insight, adding one issue per bad file under `field`; returns the type of each file.
 */
export function checkUploads(
  issues: IssueCollector,
  files: readonly IncomingFile[],
  options: { field: string; alreadyAttached?: number; only?: MediaKind },
): (MediaType | null)[] {
  const total = (options.alreadyAttached ?? 0) + files.length;
  if (total > MAX_ATTACHMENTS) {
    issues.add(
      options.field,
      'ATTACHMENT.TOO_MANY',
      `An insight holds at most ${MAX_ATTACHMENTS} files; ${options.alreadyAttached ? `it has ${options.alreadyAttached} and ` : ''}you chose ${files.length}.`,
    );
  }
  return files.map((file) => {
    const type = sniffMediaType(file.head);
    const name = `“${file.fileName || 'the file'}”`;
    if (!type || (options.only && type.kind !== options.only)) {
      const accepted = options.only === 'image' ? 'PNG, JPEG, GIF or WebP images' : ACCEPTED_MEDIA;
      issues.add(options.field, 'ATTACHMENT.TYPE', `${name} is not a file we accept: choose ${accepted}.`);
      return null;
    }
    const max = ATTACHMENT_MAX_BYTES[type.kind];
    if (file.sizeBytes > max) {
      issues.add(
        options.field,
        'ATTACHMENT.TOO_LARGE',
        `${name} is ${size(file.sizeBytes)}; ${type.kind === 'image' ? 'images' : 'videos'} may be up to ${size(max)}.`,
      );
      return null;
    }
    if (file.sizeBytes === 0) {
      issues.add(options.field, 'ATTACHMENT.EMPTY', `${name} is empty.`);
      return null;
    }
    return type;
  });
}

/** The stored attachment's kind, from its content type. */
export const mediaKindOf = (attachment: Pick<AttachmentMeta, 'contentType'>): MediaKind =>
  attachment.contentType.startsWith('video/') ? 'video' : 'image';
