import type { Context } from "@medusajs/framework/types";
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import type { CustomerType } from "@voltura/domain";
import { CustomerMerge } from "./models/customer-merge";
import { CustomerNote } from "./models/customer-note";
import { CustomerProfile } from "./models/customer-profile";
import { Device } from "./models/device";

export interface ProfileFilter {
  customer_type?: CustomerType;
  tag?: string;
  last_visit_before?: Date;
  last_visit_after?: Date;
}

class CrmModuleService extends MedusaService({ CustomerProfile, CustomerNote, Device, CustomerMerge }) {
  /** Ids of the profiles matching every given filter (tags with the jsonb containment operator). */
  @InjectManager()
  async listProfileIdsMatching(filter: ProfileFilter, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string[]> {
    const where = ["deleted_at IS NULL"];
    const params: unknown[] = [];
    if (filter.customer_type) {
      where.push("customer_type = ?");
      params.push(filter.customer_type);
    }
    if (filter.tag) {
      where.push("tags @> ?::jsonb");
      params.push(JSON.stringify([filter.tag]));
    }
    if (filter.last_visit_before) {
      where.push("last_visit_at < ?");
      params.push(filter.last_visit_before.toISOString());
    }
    if (filter.last_visit_after) {
      where.push("last_visit_at > ?");
      params.push(filter.last_visit_after.toISOString());
    }
    const rows: Array<{ id: string }> = await sharedContext.manager!.execute(
      `SELECT id FROM customer_profile WHERE ${where.join(" AND ")}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Every tag in use with the number of customers carrying it, most used first. */
  @InjectManager()
  async countTags(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Array<{ tag: string; count: number }>> {
    const rows: Array<{ tag: string; count: number | string }> = await sharedContext.manager!.execute(
      `SELECT t.tag AS tag, count(*) AS count
         FROM customer_profile p CROSS JOIN LATERAL jsonb_array_elements_text(p.tags) AS t(tag)
        WHERE p.deleted_at IS NULL
        GROUP BY t.tag
        ORDER BY count(*) DESC, t.tag ASC`,
    );
    return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
  }
}

export default CrmModuleService;
