import { z } from "zod";
import type { AnyRole } from "./roles.js";

/**
 * The dashboard's activity feed reads the audit trail. Each audit row's `entity` (an explicit name such
 * as `repair_job`, or the route of a generic `http.*` row such as `pos.sales`) falls into one activity
 * type, and each role reads only some types: the full trail stays with owners and managers.
 */
export const ACTIVITY_TYPES = ["job", "customer", "sale", "document", "stock", "messaging", "admin"] as const;
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityTypeSchema>;

/** First match wins; an entity no rule names is `admin` (settings, staff, operations, exports …). */
const ENTITY_RULES: ReadonlyArray<readonly [ActivityType, RegExp]> = [
  // `sales.*` entities are audit rows written before the invoicing routes left /admin/sales.
  ["admin", /^(pos\.settings|(sales|invoicing)\.(templates|einvoice_profile|mail_outbox))(\.|$)/],
  ["job", /^(repair_job|repair_jobs|repair_quote|repair_quotes|warranties|repair_warranty)(\.|$)/],
  ["customer", /^(customer|crm|device)(\.|$)/],
  ["sale", /^(pos_sale|pos_return|pos_shift|order|pos)(\.|$)/],
  ["document", /^(quotation|sales_invoice|sales|invoicing)(\.|$)/],
  ["stock", /^(inventory_item|variant|inventory|purchase_order|stock_take)(\.|$)/],
  ["messaging", /^(conversation|whatsapp|whatsapp_[a-z_]+|concierge|concierge_[a-z_]+|campaign|campaign_[a-z_]+|campaigns)(\.|$)/],
];

export function activityTypeOf(entity: string): ActivityType {
  return ENTITY_RULES.find(([, pattern]) => pattern.test(entity))?.[0] ?? "admin";
}

const READERS: Record<ActivityType, readonly AnyRole[]> = {
  job: ["owner", "manager", "cashier", "technician"],
  customer: ["owner", "manager", "cashier"],
  sale: ["owner", "manager", "cashier"],
  document: ["owner", "manager", "cashier"],
  stock: ["owner", "manager"],
  messaging: ["owner", "manager"],
  admin: ["owner", "manager"],
};

/** The activity types `role` may read, in display order (none for an unknown role). */
export function activityTypesFor(role: string | null | undefined): ActivityType[] {
  return ACTIVITY_TYPES.filter((type) => !!role && (READERS[type] as readonly string[]).includes(role));
}

/** True when `role` reads every type (then the feed needs no per-entity filter). */
export function readsAllActivity(role: string | null | undefined): boolean {
  return activityTypesFor(role).length === ACTIVITY_TYPES.length;
}

/**
 * The types a request asks for, within what the role may read: no `type` → all of the role's types;
 * a type the role may not read → null (the route answers 403, naming it).
 */
export function activityTypesAsked(role: string | null | undefined, asked: ActivityType | undefined): ActivityType[] | null {
  const allowed = activityTypesFor(role);
  if (!asked) return allowed;
  return allowed.includes(asked) ? [asked] : null;
}

/** Of the entity names found in the trail, those whose type is one of `types`. */
export function entitiesOfTypes(entities: readonly string[], types: readonly ActivityType[]): string[] {
  return entities.filter((entity) => types.includes(activityTypeOf(entity)));
}
