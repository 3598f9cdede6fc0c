import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  HEARD_DATA_DIR: z.string().min(1).default('.heard'),
  /** Where attachments are kept; by default `uploads` inside HEARD_DATA_DIR. */
  HEARD_UPLOADS_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z.string().url().optional(),
  MEILI_URL: z.string().url().optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  /** Account mail (password resets, invitations); without it links are written to the server log. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WebConfig = z.infer<typeof EnvSchema>;

/** Reads the web hub's settings once; a bad value stops start-up with a sentence naming it. */
export function readWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  // An empty variable (`DATABASE_URL=` in an env file) means "not set".
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Environment variable ${String(issue.path[0])} is not valid: ${issue.message}.`);
  }
  return parsed.data;
}
