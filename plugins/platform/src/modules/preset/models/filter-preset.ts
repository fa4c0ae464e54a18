import { model } from "@medusajs/framework/utils";

/** A saved filter / sort of one console list: personal (its author only) or shared with the shop. */
export const FilterPreset = model
  .define("filter_preset", {
    id: model.id({ prefix: "fpre" }).primaryKey(),
    list: model.text(),
    name: model.text(),
    query: model.text(),
    owner_id: model.text(),
    shared: model.boolean().default(false),
  })
  .indexes([
    { on: ["list", "owner_id"], where: "deleted_at IS NULL" },
    { on: ["list"], where: "deleted_at IS NULL AND shared = true" },
  ]);
