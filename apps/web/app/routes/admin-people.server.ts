import type { PeopleAdminRefusal } from '@heard/db';
import { ROLES } from '@heard/domain';
import { z } from 'zod';

/** The invitation form; errors are keyed by field and shown beside it. */
export const InviteSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter an email address, e.g. alex@example.com.').max(320),
  name: z.string().trim().min(1, 'Enter the person’s name.').max(200, 'Keep the name under 200 characters.'),
  teamId: z
    .string()
    .trim()
    .transform((v) => v || null),
  roles: z.array(z.enum(ROLES, 'Choose roles from the list.')).min(1, 'Choose at least one role.'),
});

export function parseInvite(form: FormData) {
  const parsed = InviteSchema.safeParse({
    email: String(form.get('email') ?? ''),
    name: String(form.get('name') ?? ''),
    teamId: String(form.get('teamId') ?? ''),
    roles: form.getAll('roles').map(String),
  });
  if (parsed.success) return { ok: true as const, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false as const, errors };
}

/** Roles for one person, from the row's form. */
export const RolesSchema = z
  .array(z.enum(ROLES, 'Choose roles from the list.'))
  .min(1, 'Choose at least one role: a person without one could not use Heard.');

export const TeamNameSchema = z
  .string()
  .trim()
  .min(2, 'Give the team a name of at least two characters.')
  .max(80, 'Keep the team name under 80 characters.');

/** What each refusal of the people admin means to the admin who tried. */
export function refusalMessage(reason: PeopleAdminRefusal, name: string): string {
  switch (reason) {
    case 'last-admin':
      return `${name} is the last active admin: make someone else an admin first, so Heard always has one.`;
    case 'self':
      return 'You cannot deactivate yourself; ask another admin to do it.';
    case 'team-not-found':
      return 'Choose a team from the list.';
    case 'team-taken':
      return 'A team with that name already exists.';
    case 'not-found':
      return 'That person is no longer in Heard.';
  }
}
