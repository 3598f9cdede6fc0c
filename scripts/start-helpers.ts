import { type Database, demoSignIns } from '@heard/db';
import type { serve as honoServe } from '@hono/node-server';

type Server = ReturnType<typeof honoServe>;

/** Listens, and turns "port in use" into a sentence instead of a stack trace. */
export function listen(
  serve: typeof honoServe,
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  what: string,
  hostname?: string,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, ...(hostname ? { hostname } : {}) }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} for the ${what} is in use: stop what uses it or set another port.`
            : error.message,
        ),
      ),
    );
  });
}

export async function hasDemoPeople(sql: Database['sql']): Promise<boolean> {
  const emails = demoSignIns().map((p) => p.email);
  const [row] = await sql`select count(*)::int as n from people where email::text = any(${emails}::text[])`;
  return Number(row?.n) === emails.length;
}

export function printBanner(info: {
  web: number;
  webProcesses: number;
  bot: number;
  integrations: string[];
  demo: { signIns: { name: string; email: string; role: string }[]; password: string } | null;
  seconds: number;
}): void {
  const lines = [
    '',
    `Heard is running (started in ${info.seconds.toFixed(1)} s).`,
    `  Web hub: http://localhost:${info.web}  (${info.webProcesses === 1 ? '1 process' : `${info.webProcesses} processes`}; WEB_PROCESSES)`,
    `  Bot:     http://localhost:${info.bot}  (health: /healthz)`,
    ...info.integrations.map((l) => `  ${l}`),
  ];
  if (info.demo) {
    lines.push('', `Demo sign-ins (password for all: ${info.demo.password}):`);
    for (const p of info.demo.signIns) lines.push(`  ${p.email.padEnd(28)} ${p.name} — ${p.role}`);
  }
  lines.push('', 'Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
}
