import { model } from "@medusajs/framework/utils";

/** The last number handed out per series; the id is the series key (`VSH-2026`, `INV-2026`, `QUO-2026`, `RCP-2026`, `PO-2026`). */
export const NumberSeries = model.define("number_series", {
  id: model.text().primaryKey(),
  last_value: model.number(),
});
