import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { isTrackingToken, publicFirstName, REPAIR_STATUS_LABELS, type RepairStatus } from "@voltura/domain";
import type { PublicTracking } from "@voltura/contracts";
import { publicRoute } from "@voltura/medusa-kit";

// /public is not under Medusa's authenticated prefixes; said out loud all the same.
export const AUTHENTICATE = false;

const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "No repair job with this tracking link");

/**
 * The customer's tracking page: for the holder of the job slip's link, only what the slip already
 * says — number, status, ETA, last update, the device and the customer's first name. Never the
 * phone, the surname, the issue, prices or notes. Looked up by the token's unique index.
 */
export const GET = publicRoute(async (req, res) => {
  const token = String(req.params.token ?? "");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Robots-Tag", "noindex");
  if (!isTrackingToken(token)) throw notFound();
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "repair_job",
    fields: ["job_number", "status", "eta", "updated_at", "brand", "model", "customer_name", "tracking_token", "customer.first_name"],
    filters: { tracking_token: token },
  });
  const row = data[0] as
    | { job_number: string; status: RepairStatus; eta: Date | string | null; updated_at: Date | string; brand: string; model: string;
        customer_name: string; tracking_token: string; customer?: { first_name?: string | null } | null }
    | undefined;
  // The index found it; compare again so a collation or filter surprise can never answer another job.
  if (!row || row.tracking_token !== token) throw notFound();
  const tracking: PublicTracking = {
    job_number: row.job_number,
    status: row.status,
    status_label: REPAIR_STATUS_LABELS[row.status],
    eta: row.eta ? new Date(row.eta).toISOString() : null,
    updated_at: new Date(row.updated_at).toISOString(),
    brand: row.brand,
    model: row.model,
    customer_first_name: publicFirstName(row.customer?.first_name, row.customer_name),
  };
  res.json({ tracking });
});
