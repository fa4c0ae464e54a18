import type { Context } from "@medusajs/framework/types";
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { CustomerMerge } from "./models/customer-merge";
import { CustomerNote } from "./models/customer-note";
import { CustomerProfile } from "./models/customer-profile";
import { Device } from "./models/device";

class CrmModuleService extends MedusaService({ CustomerProfile, CustomerNote, Device, CustomerMerge }) {
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
