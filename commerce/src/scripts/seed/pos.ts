import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { addShopDays, shopDayOf, startOfShopDay, type PaymentMethod } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import { posCheckoutBodySchema } from "@voltura/contracts";
import { computeCartTotals, roundCashSen } from "@voltura/pos-rules";
import { checkoutPosSaleWorkflow, closePosShiftWorkflow, openPosShiftWorkflow, returnPosSaleWorkflow } from "@voltura/plugin-pos/workflows";
import { DEMO_ITEMS } from "./demo-data";

type Tender = "cash" | "card" | "duitnow_qr" | "ewallet" | "bank_transfer" | "card+cash" | "qr+cash";

/** A day at the counter: items by SKU × quantity, how it was paid, minutes after opening (10:00). */
const DAY: Array<{ day: 0 | 1; at: number; items: Array<[string, number]>; pay: Tender; phone?: string }> = [
  { day: 1, at: 15, items: [["ACC-TG-UNIV", 1]], pay: "cash" },
  { day: 1, at: 42, items: [["ACC-USBC-1M", 2], ["ACC-CHG-20W", 1]], pay: "duitnow_qr", phone: "012-345 6789" },
  { day: 1, at: 95, items: [["SVC-DIAG", 1]], pay: "card" },
  { day: 1, at: 130, items: [["ACC-TG-UNIV", 2], ["SVC-LAB-SCREEN", 1]], pay: "card+cash" },
  { day: 1, at: 190, items: [["PART-A54-PORT-CMP", 1], ["SVC-LAB-BATT", 1]], pay: "ewallet", phone: "016-220 1144" },
  { day: 1, at: 250, items: [["ACC-CHG-20W", 1]], pay: "cash" },
  { day: 1, at: 305, items: [["PART-SSD-512-NVME", 1], ["SVC-LAB-HOUR", 1]], pay: "bank_transfer", phone: "03-2141 1234" },
  { day: 1, at: 380, items: [["ACC-USBC-1M", 1], ["ACC-TG-UNIV", 1]], pay: "qr+cash" },
  { day: 0, at: 10, items: [["ACC-TG-UNIV", 1], ["ACC-USBC-1M", 1]], pay: "cash" },
  { day: 0, at: 35, items: [["ACC-CHG-20W", 2]], pay: "card", phone: "017-555 0101" },
  { day: 0, at: 70, items: [["SVC-DIAG", 1]], pay: "duitnow_qr" },
  { day: 0, at: 110, items: [["PART-A54-PORT-CMP", 1]], pay: "cash" },
  { day: 0, at: 150, items: [["ACC-USBC-1M", 3]], pay: "ewallet" },
  { day: 0, at: 200, items: [["ACC-TG-UNIV", 1], ["SVC-LAB-SCREEN", 1]], pay: "card+cash", phone: "019-887 6650" },
  { day: 0, at: 240, items: [["ACC-CHG-20W", 1], ["ACC-USBC-1M", 1]], pay: "qr+cash" },
];

/** 10:00 shop time on today or yesterday, plus minutes. */
function shopTime(daysAgo: number, minutes: number, now = new Date()): Date {
  const day = addShopDays(shopDayOf(now), -daysAgo);
  return new Date(startOfShopDay(day).getTime() + (10 * 60 + minutes) * 60_000);
}

function payments(pay: Tender, total: number): Array<{ method: PaymentMethod; amount_sen: number }> {
  const cashFor = (sen: number) => Math.ceil(roundCashSen(sen) / 1000) * 1000 || 1000;
  switch (pay) {
    case "cash": return [{ method: "cash", amount_sen: cashFor(total) }];
    case "card+cash": return [{ method: "card", amount_sen: Math.floor(total / 2) }, { method: "cash", amount_sen: cashFor(total - Math.floor(total / 2)) }];
    case "qr+cash": return [{ method: "duitnow_qr", amount_sen: 2000 }, { method: "cash", amount_sen: cashFor(total - 2000) }];
    default: return [{ method: pay, amount_sen: total }];
  }
}

/**
 * Yesterday and today at the counter, sold through the POS checkout workflow (so stock leaves
 * through the ledger and each sale is an order in the Counter channel): 15 sales with mixed
 * payments, yesterday's shift closed 50 sen short, one refund, and today's shift left open.
 * The sale, payment, shift and order times are then moved to the shop hours they stand for.
 * Skipped once a sale exists.
 */
export async function seedPos(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const pos = container.resolve<{ listPosSales(f: object, c: object): Promise<unknown[]> }>("pos");
  if ((await pos.listPosSales({}, { take: 1 })).length) return;
  const [cashier] = await container.resolve(Modules.USER).listUsers({ email: "cashier@voltura.demo" });
  if (!cashier) throw new Error("seed the staff before the counter sales");
  const actor = { id: cashier.id, name: "Siti Cashier" };
  const settings = await loadShopSettings(container);
  const variants = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: DEMO_ITEMS.map((i) => i.sku) }, { select: ["id", "sku"] });
  const variantOf = new Map(variants.map((v) => [v.sku!, v.id]));
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const backdate = async (saleId: string, orderId: string, at: Date) => {
    await pg.raw(`UPDATE pos_sale SET sold_at = ?, created_at = ? WHERE id = ?`, [at, at, saleId]);
    await pg.raw(`UPDATE pos_payment SET received_at = ?, created_at = ? WHERE sale_id = ?`, [at, at, saleId]);
    await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [at, orderId]);
  };

  const sold: Array<{ id: string; line_id: string; day: number }> = [];
  for (const daysAgo of [1, 0] as const) {
    const { result: shift } = await openPosShiftWorkflow(container).run({ input: { register_id: "main", opening_float_sen: 20_000, note: null, actor } });
    for (const [i, sale] of DAY.filter((s) => s.day === daysAgo).entries()) {
      const priced = sale.items.map(([sku, quantity]) => ({ item: DEMO_ITEMS.find((d) => d.sku === sku)!, quantity }));
      const totals = computeCartTotals({ lines: priced.map((p, n) => ({ id: String(n), unit_price_sen: p.item.priceSen, quantity: p.quantity, taxable: true })) }, settings.tax);
      const body = posCheckoutBodySchema.parse({
        idempotency_key: `demo-sale-${daysAgo}-${i}`,
        lines: priced.map((p) => ({ variant_id: variantOf.get(p.item.sku), quantity: p.quantity })),
        payments: payments(sale.pay, totals.total_sen),
        ...(sale.phone ? { customer: { phone: sale.phone } } : {}),
      });
      const { result } = await checkoutPosSaleWorkflow(container).run({ input: { body, request_hash: body.idempotency_key, cashier: actor, approver: null } });
      const stored = await container.resolve<{ listPosSaleLines(f: object): Promise<Array<{ id: string }>>; listPosSales(f: object): Promise<Array<{ order_id: string }>> }>("pos");
      const [row] = await stored.listPosSales({ id: result.sale_id });
      const [line] = await stored.listPosSaleLines({ sale_id: result.sale_id });
      await backdate(result.sale_id, row!.order_id, shopTime(daysAgo, sale.at));
      sold.push({ id: result.sale_id, line_id: line!.id, day: daysAgo });
    }
    if (daysAgo === 1) {
      const refunded = sold[1]!;
      await returnPosSaleWorkflow(container).run({
        input: { sale_id: refunded.id, idempotency_key: "demo-return-1", lines: [{ line_id: refunded.line_id, quantity: 1 }], restock: true, refund_method: "duitnow_qr", reason: "Cable did not fit the customer's phone", actor, approver: null },
      });
      const cash = await container.resolve<{ listPosPayments(f: object): Promise<Array<{ amount_sen: number }>> }>("pos").listPosPayments({ shift_id: shift.id, method: "cash" });
      const counted = 20_000 + cash.reduce((sum, p) => sum + Number(p.amount_sen), 0) - 50;
      await closePosShiftWorkflow(container).run({ input: { shift_id: shift.id, counted_cash_sen: counted, note: "Drawer 50 sen short", actor } });
      await pg.raw(`UPDATE pos_shift SET opened_at = ?, closed_at = ? WHERE id = ?`, [shopTime(1, -15), shopTime(1, 480), shift.id]);
      await pg.raw(`UPDATE pos_return SET created_at = ? WHERE sale_id = ?`, [shopTime(1, 400), refunded.id]);
    } else {
      await pg.raw(`UPDATE pos_shift SET opened_at = ? WHERE id = ?`, [shopTime(0, -15), shift.id]);
    }
  }
  logger.info(`Seeded ${sold.length} counter sales (yesterday and today), one refund and today's open shift`);
}
