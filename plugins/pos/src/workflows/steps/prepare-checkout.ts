import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { formatMYR, tryNormalisePhone } from "@voltura/domain";
import type { PosCheckoutInput } from "@voltura/contracts";
import { loadShopSettings } from "@voltura/medusa-kit";
import { computeCartTotals, discountSen, needsManagerApproval, settlePayments, type CartLine } from "@voltura/pos-rules";
import type { Approver } from "./approver";
import { availableByItem, loadVariantRows, toSellable, type SellableVariant } from "./catalogue";
import { findCounterChannelId, findSaleRegionId, findShopLocationId, loadDiscountLimits, posService } from "./context";
import { posApprovalRequired, posConflict, posInvalid } from "./errors";
import { plannedPayments, type CheckoutPlan, type PlannedApproval, type PlannedLine } from "./plan";
import { computeLinePromotions } from "./promotions";

export interface PrepareCheckoutInput {
  sale_id: string;
  body: PosCheckoutInput;
  cashier: { id: string; name: string };
  approver: Approver | null;
}

async function loadSellables(container: MedusaContainer, body: PosCheckoutInput): Promise<Map<string, SellableVariant>> {
  const ids = [...new Set(body.lines.map((l) => l.variant_id))];
  const rows = await loadVariantRows(container, { id: ids });
  const byId = new Map(rows.map((r) => [r.id, toSellable(r, null)]));
  body.lines.forEach((line, i) => {
    const item = byId.get(line.variant_id);
    if (!item) throw posInvalid(`Invalid request: lines.${i}.variant_id: no product variant ${line.variant_id}`, { field: `lines.${i}.variant_id` });
    if (item.price_sen === null) throw posInvalid(`Invalid request: lines.${i}.variant_id: ${item.title} has no MYR price`, { field: `lines.${i}.variant_id` });
  });
  return byId;
}

/** Lines short of stock at the shop (all lines of one item counted together). */
async function stockShortfalls(container: MedusaContainer, lines: PlannedLine[], locationId: string) {
  const wanted = new Map<string, { units: number; title: string; variant_id: string }>();
  for (const line of lines) {
    if (!line.inventory_item_id) continue;
    const w = wanted.get(line.inventory_item_id) ?? { units: 0, title: line.title, variant_id: line.variant_id };
    w.units += line.quantity * line.required_quantity;
    wanted.set(line.inventory_item_id, w);
  }
  const available = await availableByItem(container, [...wanted.keys()], locationId);
  return [...wanted.entries()]
    .map(([itemId, w]) => ({ inventory_item_id: itemId, variant_id: w.variant_id, title: w.title, requested: w.units, available: Math.max(0, available.get(itemId) ?? 0) }))
    .filter((s) => s.requested > s.available);
}

async function findCustomer(container: MedusaContainer, phone: string): Promise<{ id: string; name: string | null } | null> {
  const customers = container.resolve(Modules.CUSTOMER);
  const filter = { phone } as Parameters<typeof customers.listCustomers>[0];
  const [customer] = await customers.listCustomers(filter, { select: ["id", "first_name", "last_name"], take: 1, order: { created_at: "ASC" } });
  if (!customer) return null;
  return { id: customer.id, name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null };
}

/**
 * Works out the whole sale before anything is written: prices and SST per item, discounts (and
 * whether they need a manager), promotions, the payment split with cash rounding, the stock guard
 * and the customer. Reads only; every refusal here leaves nothing behind. The stock guard is
 * checked again inside the checkout's transaction, under row locks (commitCheckout).
 */
export async function prepareCheckout(container: MedusaContainer, input: PrepareCheckoutInput): Promise<CheckoutPlan> {
  const { body } = input;
  const [sellables, settings, limits, locationId, channelId, regionId] = await Promise.all([
    loadSellables(container, body), loadShopSettings(container), loadDiscountLimits(container),
    findShopLocationId(container), findCounterChannelId(container), findSaleRegionId(container),
  ]);

  let customer: CheckoutPlan["customer"] = null;
  if (body.customer) {
    const phone = tryNormalisePhone(body.customer.phone);
    if (!phone) throw posInvalid(`Invalid request: customer.phone: "${body.customer.phone}" is not a phone number`, { field: "customer.phone" });
    const existing = await findCustomer(container, phone);
    customer = existing
      ? { id: existing.id, phone, name: existing.name ?? body.customer.name ?? null, create: false }
      : { id: null, phone, name: body.customer.name ?? null, create: true };
  }

  const items = body.lines.map((line, i) => ({ line, i, item: sellables.get(line.variant_id)! }));
  const gross = items.map(({ line, item }) => item.price_sen! * line.quantity);
  const lineDiscounts = items.map(({ line }, i) => {
    const amount = line.discount ? discountSen(line.discount, gross[i]!) : 0;
    if (amount > gross[i]!) throw posInvalid(`Invalid request: lines.${i}.discount: ${amount} sen is more than the line's ${gross[i]} sen`, { field: `lines.${i}.discount` });
    return amount;
  });
  const promotions = await computeLinePromotions(
    container, body.promo_codes,
    items.map(({ line, item }, i) => ({ id: String(i), product_id: item.product_id, quantity: line.quantity, subtotal_sen: gross[i]! - lineDiscounts[i]! })),
    customer?.id ?? null,
  );

  const cartLines: CartLine[] = items.map(({ line, item }, i) => ({
    id: String(i), unit_price_sen: item.price_sen!, quantity: line.quantity, discount: line.discount ?? null,
    promotion_sen: promotions.get(String(i))?.amount_sen ?? 0, taxable: item.taxable, sst_rate_bp: item.sst_rate_bp,
  }));
  let totals;
  try {
    totals = computeCartTotals({ lines: cartLines, discount: body.discount ?? null }, settings.tax);
  } catch (err) {
    throw posInvalid(`Invalid request: ${(err as Error).message}`, {});
  }

  const approvals: PlannedApproval[] = [];
  items.forEach(({ line }, i) => {
    if (!line.discount) return;
    const decision = needsManagerApproval({ scope: "line", discount: line.discount, base_sen: gross[i]! }, limits);
    if (decision.required) approvals.push({ kind: "discount", detail: { scope: "line", field: `lines.${i}.discount`, discount: line.discount, discount_sen: decision.discount_sen, exceeded: decision.exceeded } });
  });
  if (body.discount) {
    const base = totals.subtotal_sen - totals.line_discount_sen - totals.promotion_discount_sen;
    const decision = needsManagerApproval({ scope: "cart", discount: body.discount, base_sen: base }, limits);
    if (decision.required) approvals.push({ kind: "discount", detail: { scope: "cart", field: "discount", discount: body.discount, discount_sen: decision.discount_sen, exceeded: decision.exceeded } });
  }
  if (approvals.length && !input.approver) {
    throw posApprovalRequired("A manager must approve a discount above the cashier's limit (manager_approval)", { approvals: approvals.map((a) => a.detail), limits });
  }

  const settlement = settlePayments(totals.total_sen, body.payments.map((p) => ({ method: p.method, amount_sen: p.amount_sen })));
  if (!settlement.ok) {
    const first = settlement.errors[0]!;
    throw posInvalid(`Invalid request: ${first.field}: ${first.message}`, { field: first.field, errors: settlement.errors });
  }
  if (settlement.balance_due_sen > 0 && !body.allow_balance_due) {
    throw posInvalid(`Invalid request: payments: ${formatMYR(settlement.balance_due_sen)} still due; pay it or set allow_balance_due`, {
      field: "payments", balance_due_sen: settlement.balance_due_sen,
    });
  }

  const lines: PlannedLine[] = items.map(({ line, item }, i) => {
    const t = totals.lines[i]!;
    const promotion = promotions.get(String(i));
    return {
      position: i, variant_id: item.variant_id, product_id: item.product_id, inventory_item_id: item.inventory_item_id,
      required_quantity: item.required_quantity, title: item.title, sku: item.sku, barcode: item.barcode, kind: item.kind,
      quantity: line.quantity, unit_price_sen: item.price_sen!, gross_sen: t.gross_sen, line_discount_sen: t.line_discount_sen,
      promotion_sen: t.promotion_sen, promotion: promotion ? { code: promotion.code, promotion_id: promotion.promotion_id } : null,
      cart_discount_sen: t.cart_discount_sen, net_sen: t.net_sen, sst_rate_bp: t.sst_rate_bp, sst_sen: t.sst_sen, total_sen: t.total_sen,
      stock_override: false,
    };
  });

  const short = await stockShortfalls(container, lines, locationId);
  if (short.length) {
    const names = short.map((s) => `${s.title} (${s.available} left, ${s.requested} wanted)`).join(", ");
    if (!body.stock_override) throw posConflict("out_of_stock", `Out of stock: ${names}. A manager can override.`, { items: short });
    if (!input.approver) throw posApprovalRequired(`Selling out-of-stock items needs a manager: ${names}`, { items: short });
    const shortItems = new Set(short.map((s) => s.inventory_item_id));
    for (const line of lines) if (line.inventory_item_id && shortItems.has(line.inventory_item_id)) line.stock_override = true;
    for (const s of short) approvals.push({ kind: "stock_override", detail: s });
  }

  const [openShift] = await posService(container).listPosShifts({ register_id: body.register_id, status: "open" }, { take: 1 });
  const { lines: _lines, ...cartTotals } = totals;
  const { applied: _applied, errors: _errors, ok: _ok, ...money } = settlement;
  const plan: CheckoutPlan = {
    sale_id: input.sale_id, register_id: body.register_id, shift_id: openShift?.id ?? null,
    region_id: regionId, sales_channel_id: channelId, location_id: locationId, customer, lines, totals: cartTotals,
    settlement: money, payments: plannedPayments(settlement, body.payments.map((p) => p.reference ?? null)),
    promo_codes: [...new Set([...promotions.values()].map((p) => p.code))], approvals, approver: approvals.length ? input.approver : null,
    cashier: input.cashier, prices_include_tax: settings.tax.prices_include_tax, note: body.note ?? null,
  };
  return plan;
}
