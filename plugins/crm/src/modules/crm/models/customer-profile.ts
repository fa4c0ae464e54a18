import { model } from "@medusajs/framework/utils";
import { CUSTOMER_TYPES } from "@voltura/domain";
import { CustomerNote } from "./customer-note";

/**
 * What the shop knows about a customer beyond Medusa's customer record (linked 1:1 by
 * links/customer-profile.ts): how it deals with them, free tags, and when they last came in.
 */
export const CustomerProfile = model
  .define("customer_profile", {
    id: model.id({ prefix: "cprof" }).primaryKey(),
    customer_type: model.enum([...CUSTOMER_TYPES]).default("walk_in"),
    /** Normalised (lowercase, deduplicated) strings; see normaliseTags in @voltura/domain. */
    tags: model.json<string[]>(),
    last_visit_at: model.dateTime().nullable(),
    notes: model.hasMany(() => CustomerNote, { mappedBy: "profile" }),
  })
  .indexes([{ on: ["customer_type"] }, { on: ["last_visit_at"] }, { on: ["tags"], type: "GIN" }]);
