import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Reads and removes the files stored for attachments: `<id>.<ext>` and their thumbnails `<id>.thumb.webp`. */
export interface AttachmentFiles {
  read(attachment: { id: string }): Promise<Buffer | null>;
  /** Removes every file stored for these attachments; returns how many files went. */
  remove(attachments: readonly { id: string }[]): Promise<number>;
}

/** The attachment files under the hub's uploads directory, found by the attachment's id. */
export function attachmentFilesIn(dir: string): AttachmentFiles {
  const filesOf = async (id: string) => {
    const names = await readdir(dir).catch(() => [] as string[]);
    return names.filter((name) => name.startsWith(`${id}.`));
  };
  return {
    async read(attachment) {
      const original = (await filesOf(attachment.id)).find((name) => !name.includes('.thumb.'));
      return original ? readFile(join(dir, original)) : null;
    },
    async remove(attachments) {
      let removed = 0;
      for (const a of attachments)
        for (const name of await filesOf(a.id)) {
          await rm(join(dir, name), { force: true });
          removed++;
        }
      return removed;
    },
  };
}
