import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";

export const b2bBuyer = {
  name: "Syarikat Maju Jaya Sdn Bhd", phone: "+60355551234", email: "accounts@majujaya.my",
  address: "Lot 5, Jalan Industri 3, Shah Alam", tin: "C10000000020", brn: "201901012345", sst_no: "W10-1808-32000001",
};

export const quotationBody = (overrides: Record<string, unknown> = {}) => ({
  buyer: b2bBuyer,
  lines: [
    { description: "iPhone 13 screen (OEM)", kind: "item", quantity: 2, unit_price_sen: 45000, discount_sen: 5000 },
    { description: "Screen replacement labour", kind: "service", quantity: 1, unit_price_sen: 8000 },
  ],
  valid_days: 14,
  ...overrides,
});

export const einvoiceProfile = { tin: "C20880050010", msic_code: "95120", msic_name: "Repair of communication equipment", city: "Kuala Lumpur", postcode: "50400", state_code: "14" };

/** A counter sale as the POS stream records it: a Medusa order with metadata.source "pos". */
export async function createPosOrder(container: MedusaContainer, receipt: string, unitPriceRinggit: number, createdAt?: Date) {
  const orders = container.resolve(Modules.ORDER);
  const [order] = await orders.createOrders([{
    currency_code: "myr",
    metadata: { source: "pos", receipt_number: receipt },
    items: [{ title: "USB-C charger", quantity: 1, unit_price: unitPriceRinggit }],
  }]);
  if (createdAt) {
    const pg = container.resolve("__pg_connection__") as { raw(sql: string, params: unknown[]): Promise<unknown> };
    await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [createdAt, order!.id]);
  }
  return order!;
}
