import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_FIELDS } from '@heard/db';
import { isAdmin, type Person } from '@heard/domain';
import { type AppLoadContext, data } from 'react-router';

/** Uploads above this go through `pnpm heard import`, which streams any size from disk. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function requireImporter(actor: Person): void {
  if (!isAdmin(actor)) throw data('Only admins can import customers and insights.', { status: 403 });
}

/** "name = Company" lines → a mapping; lines that are not field = column are reported. */
export function parseMappingText(text: string): { map: Record<string, string>; problem: string | null } {
  const map: Record<string, string> = {};
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.indexOf('=');
    if (at < 1) return { map, problem: `"${line}" is not field = column (e.g. name = Company).` };
    map[line.slice(0, at).trim()] = line
      .slice(at + 1)
      .trim()
      .replace(/^"|"$/g, '');
  }
  return { map, problem: null };
}

/** Stores the upload in a temporary file and starts the import; answers the run to follow, or what to fix. */
export async function startUpload(context: AppLoadContext, actor: Person, form: FormData) {
  const file = form.get('file');
  const kind = form.get('kind');
  const source = String(form.get('source') ?? '').trim() || 'csv';
  const errors: Record<string, string> = {};
  if (kind !== 'customers' && kind !== 'insights')
    errors.kind = 'Choose whether the file holds customers or insights.';
  if (!(file instanceof File) || file.size === 0) errors.file = 'Choose a CSV file to import.';
  else if (file.size > MAX_UPLOAD_BYTES)
    errors.file = `The file is ${Math.round(file.size / 1e6)} MB; the page takes up to 200 MB. Import larger files with pnpm heard import.`;
  const { map, problem } = parseMappingText(String(form.get('mapping') ?? ''));
  if (problem) errors.mapping = problem;
  if (Object.keys(errors).length > 0 || !(file instanceof File)) return { ok: false as const, errors };
  const filePath = path.join(os.tmpdir(), `heard-upload-${randomUUID()}.csv`);
  await writeFile(filePath, Buffer.from(await file.arrayBuffer()));
  try {
    const runId = await context.hub.customers.startImport({
      kind: kind as 'customers' | 'insights',
      filePath,
      fileName: path.basename(file.name || 'upload.csv'),
      source,
      map,
      actorId: actor.id,
    });
    return { ok: true as const, runId };
  } catch (error) {
    return { ok: false as const, errors: { file: error instanceof Error ? error.message : String(error) } };
  }
}

/** The fields each kind of import knows, for the form's help. */
export function importFieldList() {
  return Object.fromEntries(
    Object.entries(IMPORT_FIELDS).map(([kind, fields]) => [
      kind,
      Object.entries(fields).map(([field, spec]) => ({
        field,
        label: spec.label,
        required: Boolean(spec.required),
      })),
    ]),
  );
}
