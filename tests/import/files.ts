import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-import-'));
let n = 0;

/** Windows-1252 is Latin-1 except in 0x80–0x9F, where it keeps € and typographic quotes. */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

/** Writes `text` as a file in `encoding` (optionally with a UTF-8 byte-order mark) and returns its path. */
export function csvFile(
  text: string,
  options: { encoding?: 'utf-8' | 'windows-1252' | 'utf-16le'; bom?: boolean; name?: string } = {},
): string {
  const file = path.join(dir, options.name ?? `file-${++n}.csv`);
  if (options.encoding === 'utf-16le') {
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    return file;
  }
  const body = options.encoding === 'windows-1252' ? windows1252(text) : Buffer.from(text, 'utf-8');
  writeFileSync(file, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return file;
}
