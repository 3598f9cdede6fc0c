import type { Customer } from '../../customers/customer';
import type { Deps } from '../../deps';
import { ValidationError } from '../../shared/errors';

/** How many suggestions the type-ahead offers at once. */
export const CUSTOMER_SUGGESTIONS = 8;

/** Customers whose name or an identifier matches what someone is typing, best first. */
export async function suggestCustomers(
  deps: Pick<Deps, 'customers'>,
  input: { text: string },
): Promise<Customer[]> {
  const text = input.text.trim().slice(0, 200);
  if (text.length === 0) return [];
  return deps.customers.search(text, CUSTOMER_SUGGESTIONS);
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * The one customer a typed name or identifier means (the form without JavaScript
 * sends text, not an id): an exact name or identifier wins, a single match is taken,
 * anything else asks the person to be more precise.
 */
export async function pickCustomer(
  deps: Pick<Deps, 'customers'>,
  input: { text: string },
): Promise<Customer | null> {
  const text = input.text.trim();
  if (text.length === 0) return null;
  const matches = await suggestCustomers(deps, { text });
  const exact = matches.filter(
    (c) =>
      same(c.name, text) ||
      c.identifiers.some((i) => same(i.value, text) || same(`${i.system}:${i.value}`, text)),
  );
  if (exact.length === 1) return exact[0]!;
  if (matches.length === 1) return matches[0]!;
  const names = (exact.length > 1 ? exact : matches).slice(0, 4).map((c) => c.name);
  throw new ValidationError([
    matches.length === 0
      ? {
          field: 'customer',
          code: 'CUSTOMER.NO_MATCH',
          message: `No customer matches “${text}”: check the spelling, or type their CRM number or email.`,
        }
      : {
          field: 'customer',
          code: 'CUSTOMER.AMBIGUOUS',
          message: `Several customers match “${text}” (${names.join(', ')}): type the full name or an identifier.`,
        },
  ]);
}
