/** `crypto` is global in Node 20 and browsers, but the domain compiles without their typings. */
export const randomId = (): string =>
  (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
