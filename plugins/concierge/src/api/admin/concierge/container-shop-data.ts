import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import type { RepairStatus } from "@voltura/domain";
import { normaliseTokens } from "@voltura/knowledge";
import type { ConciergeSettings } from "@voltura/contracts";
import { findShopLocationId, loadShopSettings } from "@voltura/medusa-kit";
import { REPAIR_MODULE, type RepairModuleService } from "@voltura/plugin-repair/modules/repair";
import type { JobFact, KnowledgeFact, ShopData, StockFact } from "../../../domain/agent-types";
import type ConciergeModuleService from "../../../modules/concierge/service";
import { CONCIERGE_MODULE } from "../../../modules/concierge";

/** The repair job fields the concierge reads. */
interface RepairJobRow {
  job_number: string;
  status: RepairStatus;
  brand: string;
  model: string;
  customer_phone: string;
  eta: Date | string | null;
  updated_at: Date | string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const toFact = (j: RepairJobRow): JobFact => ({
  job_number: j.job_number,
  status: j.status,
  device: `${j.brand} ${j.model}`.trim(),
  customer_phone: j.customer_phone,
  eta: iso(j.eta),
  updated_at: iso(j.updated_at)!,
});

/** Words that say nothing about which product is meant. */
const STOP = new Set(["ada", "stock", "stok", "tak", "ke", "berapa", "the", "is", "in", "any", "you", "have", "for", "ini", "itu", "nak", "saya", "untuk"]);

/** Shop data for the concierge's tools, read through the Medusa container. */
export function containerShopData(container: MedusaContainer): ShopData {
  const concierge = () => container.resolve<ConciergeModuleService>(CONCIERGE_MODULE);
  const repair = () => container.resolve<RepairModuleService>(REPAIR_MODULE);
  return {
    async jobsByPhone(phone) {
      const rows = await repair().listRepairJobs({ customer_phone: phone }, { order: { updated_at: "DESC" }, take: 20 });
      return rows.map(toFact);
    },
    async jobByNumber(jobNumber) {
      const [row] = await repair().listRepairJobs({ job_number: jobNumber }, { take: 1 });
      return row ? toFact(row) : null;
    },
    async searchKnowledge(query, { kinds, k }): Promise<KnowledgeFact[]> {
      const hits = await concierge().searchKnowledge(query, { kinds, k });
      return hits.map((h) => ({
        document_id: h.documentId,
        kind: h.kind,
        title: h.title,
        content: h.content,
        score: Math.round(h.score * 1000) / 1000,
        ...(h.metadata.price ? { price: h.metadata.price } : {}),
      }));
    },
    async stockAtShop(query): Promise<StockFact[]> {
      const wanted = normaliseTokens(query).filter((t) => !STOP.has(t));
      if (wanted.length === 0) return [];
      const query_ = container.resolve(ContainerRegistrationKeys.QUERY);
      const { data: variants } = await query_.graph({
        entity: "variant",
        fields: ["sku", "title", "manage_inventory", "product.title", "inventory_items.inventory_item_id"],
        filters: { manage_inventory: true },
        pagination: { take: 500 },
      });
      // Every word the customer named must be in the title ("iphone 13 screen" is not the iPhone 13 battery).
      const need = wanted.length <= 3 ? wanted.length : Math.ceil(wanted.length * 0.75);
      const matches = variants
        .map((v) => {
          const title = v.product?.title ?? v.title ?? "";
          const have = new Set(normaliseTokens(title));
          return { v, title, score: wanted.filter((w) => have.has(w)).length };
        })
        .filter((m) => m.score >= need)
        .sort((a, b) => b.score - a.score)
        .slice(0, 5);
      if (matches.length === 0) return [];
      const locationId = await shopLocationIdOrNull(container);
      const inventory = container.resolve(Modules.INVENTORY);
      const out: StockFact[] = [];
      for (const m of matches) {
        const itemId = m.v.inventory_items?.[0]?.inventory_item_id;
        let available = 0;
        if (itemId && locationId) {
          const [level] = await inventory.listInventoryLevels({ inventory_item_id: itemId, location_id: locationId }, { take: 1 });
          if (level) available = Math.max(0, Number(level.stocked_quantity) - Number(level.reserved_quantity));
        }
        out.push({ title: m.title, sku: m.v.sku ?? null, available });
      }
      return out;
    },
    async settings(): Promise<ConciergeSettings> {
      return concierge().retrieveConciergeSettings();
    },
    async shopName() {
      try {
        return (await loadShopSettings(container)).business.name;
      } catch {
        return "Voltura";
      }
    },
  };
}

/** The Shop location's id; without one, every item counts as out of stock. */
async function shopLocationIdOrNull(container: MedusaContainer): Promise<string | null> {
  try {
    return await findShopLocationId(container, "the concierge answers stock from it");
  } catch (err) {
    if (err instanceof MedusaError && err.type === MedusaError.Types.NOT_FOUND) return null;
    throw err;
  }
}
