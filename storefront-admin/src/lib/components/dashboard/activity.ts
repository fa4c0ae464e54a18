import type { ActivityItem } from "@voltura/contracts";

/** The record an activity row links to, when the console has a page for it and the role may open it. */
export function activityHref(item: Pick<ActivityItem, "type" | "entity" | "entity_id">): string | null {
  const id = item.entity_id;
  if (!id) return null;
  const at = encodeURIComponent(id);
  const entity = item.entity;
  if (/^(repair_job|repair_jobs)$/.test(entity)) return `/jobs/${at}`;
  if (/^(customer|crm\.customers)$/.test(entity)) return `/customers/${at}`;
  if (/^(pos_sale|pos\.sales)$/.test(entity)) return `/pos/sales/${at}`;
  if (/^(quotation|(invoicing|sales)\.quotations)$/.test(entity)) return `/invoicing/quotations/${at}`;
  if (/^(sales_invoice|(invoicing|sales)\.invoices)$/.test(entity)) return `/invoicing/invoices/${at}`;
  if (/^(inventory_item|inventory\.items)$/.test(entity)) return `/inventory/${at}`;
  return null;
}

/** The verb of a row: its explicit action's last word, or the generic row's route and method. */
export type ActivityVerb = "created" | "changed" | "removed" | "status" | "signed_in" | "exported" | "other";

export function activityVerb(item: Pick<ActivityItem, "action" | "route">): ActivityVerb {
  const action = item.action;
  if (action === "auth.signin") return "signed_in";
  if (action.startsWith("export.")) return "exported";
  if (action === "status" || /status/.test(item.route ?? "") || action.endsWith("status_changed")) return "status";
  if (action === "http.delete" || /(delete|deleted|remove)$/.test(action)) return "removed";
  if (action === "http.post" && item.route && !/:[a-z_]+/.test(item.route)) return "created";
  if (/(create|created)$/.test(action)) return "created";
  if (action.startsWith("http.") || /(update|updated|changed)$/.test(action)) return "changed";
  return "other";
}

