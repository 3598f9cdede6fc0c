export { auditEventsToCsv } from '@heard/db';

import { isAdmin, type Person } from '@heard/domain';
import { type AppLoadContext, data } from 'react-router';
import { z } from 'zod';
import { requireActor } from '../lib/auth.server';

/** Governance pages are for admins; anyone else gets a 403 page. */
export function requireAdmin(context: AppLoadContext, request: Request): Person {
  const actor = requireActor(context, request);
  if (!isAdmin(actor)) throw data('Only admins may see governance pages.', { status: 403 });
  return actor;
}

const dateOnly = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31.')
  .optional()
  .or(z.literal('').transform(() => undefined));

/** The audit search form, read from the query string. */
export const AuditSearchSchema = z.object({
  q: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  subject: z.string().trim().max(200).optional(),
  from: dateOnly,
  to: dateOnly,
  before: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export function parseAuditSearch(url: URL) {
  const raw = Object.fromEntries(
    [...url.searchParams.entries()].filter(([k]) => k in AuditSearchSchema.shape),
  );
  const parsed = AuditSearchSchema.safeParse(raw);
  const value = parsed.success ? parsed.data : {};
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
  return {
    form: value,
    errors,
    search: {
      text: value.q || undefined,
      action: value.action || undefined,
      subjectId: value.subject || undefined,
      from: value.from ? new Date(`${value.from}T00:00:00Z`) : undefined,
      // The "to" date is inclusive for people: up to the end of that day.
      to: value.to ? new Date(new Date(`${value.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
      before: value.before,
    },
  };
}
