import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { z } from "zod";
import { searchCatalogue } from "../../../../workflows/steps/catalogue";
import { findShopLocationId } from "../../../../workflows/steps/context";
import { POS_READERS } from "../roles";

const querySchema = z.object({
  q: z.string().trim().max(80).optional(),
  /** An exact barcode, SKU, EAN or UPC (what a scanner sends). */
  code: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
}).refine((v) => !!v.q || !!v.code, { message: "give q (search) or code (exact)", path: ["q"] });

/** Counter search over products and services: exact code first, then name/SKU/barcode text. */
export const GET = staffRoute(POS_READERS, async (req, res) => {
  const query = parseOrThrow(querySchema, req.query);
  const items = await searchCatalogue(req.scope, query, await findShopLocationId(req.scope));
  res.json({ items: items.map(({ inventory_item_id: _i, required_quantity: _r, ...item }) => item) });
});
