import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How much of the file is read to guess its encoding and delimiter. */
const SAMPLE_BYTES = 64 * 1024;

/** Reads the start of a file: its encoding (by byte-order mark, else UTF-8 if valid, else Windows-1252) and a text sample. */
export async function sampleFile(
  path: string,
): Promise<{ encoding: TextEncoding; sample: string; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(buffer, 0, buffer.length, 0);
    const encoding = detectEncoding(buffer, buffer.length < size);
    return { encoding, sample: iconv.decode(buffer, encoding), size };
  } finally {
    await handle.close();
  }
}

/** Windows-1252 is what spreadsheet programs on Windows write when they do not write UTF-8. */
export function detectEncoding(bytes: Buffer, truncated: boolean): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // A sample cut mid-character must not count against UTF-8: drop up to three trailing bytes.
  let end = bytes.length;
  if (truncated) while (end > 0 && end > bytes.length - 4 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  if (truncated && end > 0 && bytes[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The file as text (byte-order mark removed), with a callback counting the bytes read for progress. */
export function decodedStream(
  path: string,
  encoding: TextEncoding,
  onBytes: (bytes: number) => void,
): Readable {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  file.on('data', (chunk) => onBytes(chunk.length));
  const text = iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Readable &
    NodeJS.WritableStream;
  file.on('error', (error) => text.destroy(error));
  return file.pipe(text) as unknown as Readable;
}
