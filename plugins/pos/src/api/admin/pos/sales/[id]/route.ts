import { staffRoute } from "@voltura/medusa-kit";
import { loadSale } from "../../load-sale";
import { POS_READERS } from "../../roles";

export const GET = staffRoute(POS_READERS, async (req, res) => {
  res.json({ sale: await loadSale(req.scope, req.params.id!) });
});
