import type { Route } from './+types/admin-erasure-export';
import { requireAdmin } from './admin-audit.server';
import { resolveCustomer, uploadedFiles, zipBody } from './admin-erasure.server';

/** Everything Heard holds about one customer, as a zip download (customer.json + attachments). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireAdmin(context, request);
  const customerId = new URL(request.url).searchParams.get('customer') ?? '';
  const found = await resolveCustomer(context.hub.governance, '', customerId);
  if (!found.ok) return new Response(found.error, { status: 404 });
  const exported = await context.hub.governance.exportCustomer(
    found.customer,
    actor.id,
    uploadedFiles(context.hub.uploadsDir),
  );
  return new Response(zipBody(exported), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="heard-customer-${found.customer.id}.zip"`,
    },
  });
}
