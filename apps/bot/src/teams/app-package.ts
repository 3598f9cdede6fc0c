import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZipFile } from 'yazl';

/** The manifest template and icons, kept as files so they can be read and edited as Teams documents them. */
export const APP_PACKAGE_DIR = fileURLToPath(new URL('../../teams/app-package/', import.meta.url));

export interface TeamsPackageOptions {
  /** The Entra app (bot) id: the manifest's id and the bot's id. */
  appId: string;
  /** The hub's public https address, linked from Teams' app details. */
  hubUrl: string;
  /** Shown as the app's developer. */
  organisation?: string;
  /** Where to write the zip. */
  out: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest with this installation's values filled in; throws a sentence naming what to fix. */
export async function renderManifest(
  options: Omit<TeamsPackageOptions, 'out'>,
): Promise<Record<string, unknown>> {
  if (!GUID.test(options.appId))
    throw new Error(
      'MICROSOFT_APP_ID must be the Application (client) ID of the Entra app registration, a GUID.',
    );
  let hub: URL;
  try {
    hub = new URL(options.hubUrl);
  } catch {
    throw new Error(
      `PUBLIC_URL must be the hub's address, such as https://heard.example.com (got "${options.hubUrl}").`,
    );
  }
  if (hub.protocol !== 'https:')
    throw new Error("Teams only links to https addresses: set PUBLIC_URL to the hub's https address.");
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: options.appId.toLowerCase(),
    HEARD_HUB_URL: hub.origin,
    HEARD_HUB_DOMAIN: hub.host,
    HEARD_ORGANISATION: options.organisation ?? 'Heard',
  };
  const template = await readFile(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  // Values go in as JSON string contents, so a quote in the organisation's name cannot break the file.
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) =>
    name in values ? JSON.stringify(values[name]).slice(1, -1) : whole,
  );
  const leftover = /\{\{([A-Z_]+)\}\}/.exec(filled);
  if (leftover) throw new Error(`The manifest template uses {{${leftover[1]}}}, which nothing fills in.`);
  return JSON.parse(filled) as Record<string, unknown>;
}

/** Builds the zip Teams' "Upload a custom app" takes: manifest.json and both icons at its root. */
export async function buildTeamsPackage(
  options: TeamsPackageOptions,
): Promise<{ path: string; manifest: Record<string, unknown> }> {
  const manifest = await renderManifest(options);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  for (const icon of ['color.png', 'outline.png']) zip.addFile(path.join(APP_PACKAGE_DIR, icon), icon);
  zip.end();
  await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const file = createWriteStream(options.out);
    file.on('close', () => resolve());
    file.on('error', reject);
    zip.outputStream.on('error', reject).pipe(file);
  });
  return { path: path.resolve(options.out), manifest };
}
