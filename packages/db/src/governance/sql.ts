import type postgres from 'postgres';

/** A pool: governance work opens its own transactions. */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export type Sql = postgres.Sql<{}>;
