import { existsSync } from 'node:fs';
import type { ServerBuild } from 'react-router';
import { SERVER_BUILD } from './static';

/** The production build of the hub (or a copy of it kept elsewhere); a missing one gets a sentence saying how to make it. */
export async function loadServerBuild(file: string = SERVER_BUILD): Promise<ServerBuild> {
  if (!existsSync(file)) {
    throw new Error(`The web hub is not built yet (${file} is missing). Run "pnpm build" first.`);
  }
  return (await import(file)) as ServerBuild;
}
