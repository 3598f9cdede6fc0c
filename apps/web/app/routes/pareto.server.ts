import type { Person } from '@heard/domain';
import { data } from 'react-router';

/** Value per customer is for the people who rank what is heard by it: leaders, curators, admins. */
export function requireValueReader(actor: Person): void {
  if (!actor.roles.some((r) => r === 'leader' || r === 'curator' || r === 'admin'))
    throw data('Only leaders, curators and admins can see what customers are worth.', { status: 403 });
}
