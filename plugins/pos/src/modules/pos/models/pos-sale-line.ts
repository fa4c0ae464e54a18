import { model } from "@medusajs/framework/utils";

/** One line of a sale as sold: prices, discounts and its share of the SST frozen in sen. */
export const PosSaleLine = model
  .define("pos_sale_line", {
    id: model.id({ prefix: "psline" }).primaryKey(),
    sale_id: model.text(),
    position: model.number(),
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    title: model.text(),
    sku: model.text().nullable(),
    kind: model.enum(["product", "service"]),
    quantity: model.number(),
    unit_price_sen: model.number(),
    gross_sen: model.number(),
    line_discount_sen: model.number(),
    promotion_sen: model.number(),
    cart_discount_sen: model.number(),
    net_sen: model.number(),
    sst_rate_bp: model.number(),
    sst_sen: model.number(),
    total_sen: model.number(),
    returned_quantity: model.number().default(0),
    stock_override: model.boolean().default(false),
  })
  .indexes([{ on: ["sale_id"] }, { on: ["variant_id"] }]);
