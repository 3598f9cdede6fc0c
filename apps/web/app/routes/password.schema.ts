import { z } from 'zod';

/** A new password, from the reset and invitation pages. */
export const NewPasswordSchema = z.object({
  password: z
    .string()
    .min(10, 'Use at least 10 characters.')
    .max(200, 'Keep the password under 200 characters.'),
});

/** Field errors for the new-password form, keyed by field. */
export function newPasswordErrors(form: FormData): { password?: string } | null {
  const parsed = NewPasswordSchema.safeParse({ password: String(form.get('password') ?? '') });
  return parsed.success ? null : { password: parsed.error.issues[0]!.message };
}
