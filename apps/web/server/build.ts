import { existsSync } from 'node:fs';
import type { ServerBuild } from 'react-router';
import { SERVER_BUILD } from './static';

/** The production build of the hub; a missing one gets a sentence saying how to make it. */
export async function loadServerBuild(): Promise<ServerBuild> {
  if (!existsSync(SERVER_BUILD)) {
    throw new Error(`The web hub is not built yet (${SERVER_BUILD} is missing). Run "pnpm build" first.`);
  }
  return (await import(SERVER_BUILD)) as ServerBuild;
}
