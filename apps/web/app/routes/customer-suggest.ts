import { suggestCustomers } from '@heard/domain';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/customer-suggest';

/** Customers matching what someone types in the post form's customer field (name or identifier). */
export async function loader({ request, context }: Route.LoaderArgs) {
  requireActor(context, request);
  const text = new URL(request.url).searchParams.get('q') ?? '';
  const customers = await suggestCustomers(context.hub.deps, { text });
  return {
    customers: customers.map((c) => ({
      id: c.id,
      name: c.name,
      segment: c.segment,
      identifier: c.identifiers[0] ? `${c.identifiers[0].system}:${c.identifiers[0].value}` : null,
    })),
  };
}
