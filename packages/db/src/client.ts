// Connection pool creation and the one-sentence explanations operators see
// when PostgreSQL cannot be used.
import postgres from 'postgres';

/** Options for {@link connect}. */
export interface ConnectOptions {
  /** Pool size; defaults to 10. */
  max?: number;
  /** Seconds before an unused connection is closed; defaults to 30. */
  idleTimeout?: number;
  /** Seconds to wait for a new connection before failing; defaults to 10. */
  connectTimeout?: number;
  /** Shown in pg_stat_activity, which helps tell web, bot and worker apart. */
  applicationName?: string;
}

// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
type Sql = postgres.Sql<{}>;

/** Opens a lazy postgres.js pool; no transforms, so SQL stays snake_case and repositories map rows. */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: options.idleTimeout ?? 30,
    connect_timeout: options.connectTimeout ?? 10,
    // NOTICEs (e.g. "extension already exists, skipping") are not our logs.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'heard' },
  });
}

/** `url` with its password (and any `password` query parameter) replaced by `***`. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString().replaceAll('%2A%2A%2A', '***');
  } catch {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** `url` pointing at database `name` on the same server. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

interface PgLikeError {
  code?: string;
  message?: string;
  errors?: PgLikeError[];
  hostname?: string;
}

// Node reports a refused dual-stack connect (localhost -> ::1 and 127.0.0.1)
// as an AggregateError whose own code may be missing; look inside.
function codeOf(error: PgLikeError): string | undefined {
  return error.code ?? error.errors?.find((inner) => inner.code)?.code;
}

/** Turns a connection failure into one sentence naming the (masked) URL; never a stack trace. */
export function describeConnectionError(url: string, error: unknown): string {
  const where = maskUrl(url);
  const err: PgLikeError = typeof error === 'object' && error !== null ? (error as PgLikeError) : {};
  const detail = (err.message ?? String(error)).split('\n')[0]?.replace(/\.$/, '');
  let host = '';
  let database = '';
  let user = '';
  try {
    const parsed = new URL(url);
    host = parsed.hostname;
    database = decodeURIComponent(parsed.pathname.slice(1)) || parsed.username;
    user = decodeURIComponent(parsed.username);
  } catch {
    // An unparsable URL still gets a sentence below, just a less specific one.
  }
  switch (codeOf(err)) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where} (connection refused). Is the server running and is DATABASE_URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${where} (host "${err.hostname ?? host}" not found). Is DATABASE_URL right?`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot reach PostgreSQL at ${where} (connection timed out or host unreachable). Is the server reachable from here?`;
    case 'ECONNRESET':
    case 'CONNECTION_CLOSED':
    case 'CONNECTION_ENDED':
    case 'CONNECTION_DESTROYED':
      return `PostgreSQL at ${where} closed the connection (${detail}). Is it restarting, or does it require SSL (add ?sslmode=require)?`;
    case '28P01':
    case '28000':
    case 'SASL_SIGNATURE_MISMATCH':
      return `PostgreSQL at ${where} rejected the credentials for user "${user}" (${detail}). Check the user and password in DATABASE_URL.`;
    case '3D000':
      return `PostgreSQL at ${where} has no database "${database}". Create it (createdb ${database}) or fix DATABASE_URL.`;
    case '57P03':
      return `PostgreSQL at ${where} is starting up or shutting down. Try again in a moment.`;
    case '53300':
      return `PostgreSQL at ${where} has no free connection slots (too many clients). Lower pool sizes or raise max_connections.`;
    case 'ERR_INVALID_URL':
      return `DATABASE_URL ${where} is not a valid URL; expected postgres://user:password@host:5432/database.`;
    default:
      return `Cannot use PostgreSQL at ${where} (${detail}).`;
  }
}

/** Result of {@link checkDatabase}, shaped for a /healthz response. */
export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

/**
 * `select 1` that rejects with code CONNECT_TIMEOUT after `timeoutMs`. Needed
 * because postgres.js keeps a query queued forever (retrying the connection)
 * when a host accepts TCP but never speaks the protocol, despite connect_timeout.
 */
export async function ping(sql: Sql, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const error = Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'CONNECT_TIMEOUT' });
    timer = setTimeout(() => reject(error), timeoutMs);
  });
  const query = sql`select 1`;
  try {
    await Promise.race([query, deadline]);
  } finally {
    clearTimeout(timer);
    // A query that lost the race must not surface later as an unhandled rejection.
    query.catch(() => {});
  }
}

/** Runs `select 1` with a deadline; never throws, so /healthz can always answer. */
export async function checkDatabase(sql: Sql, timeoutMs = 2000): Promise<DatabaseHealth> {
  const began = performance.now();
  const { host, port, database, user } = sql.options;
  const url = `postgres://${user}@${host[0]}:${port[0]}/${database}`;
  try {
    await ping(sql, timeoutMs);
    return { ok: true, latencyMs: Math.round((performance.now() - began) * 10) / 10 };
  } catch (error) {
    if ((error as PgLikeError).code === 'CONNECT_TIMEOUT' && performance.now() - began >= timeoutMs) {
      return { ok: false, error: `PostgreSQL at ${url} did not answer within ${timeoutMs} ms.` };
    }
    return { ok: false, error: describeConnectionError(url, error) };
  }
}
