import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { renderReceipt, type ReceiptDocumentData, type ReceiptLayout } from "@voltura/documents";
import type { ShopSettings } from "@voltura/domain";
import type { PosSale } from "@voltura/contracts";
import { loadShopSettings } from "@voltura/medusa-kit";

export const RECEIPT_LAYOUTS: readonly ReceiptLayout[] = ["thermal80", "a5", "a4"];

/** The receipt document for a sale: the shop's business details (with SST number) from shop settings. */
export function receiptData(sale: PosSale, settings: ShopSettings, logo: Buffer | null = null): ReceiptDocumentData {
  return {
    shop: settings.business,
    logo,
    receipt_number: sale.receipt_number,
    sold_at: sale.sold_at,
    cashier: sale.cashier_name,
    register: sale.register_id,
    customer: sale.customer_phone || sale.customer_name ? { name: sale.customer_name, phone: sale.customer_phone } : null,
    lines: sale.lines.map((l) => ({
      title: l.title, sku: l.sku, quantity: l.quantity, unit_price_sen: l.unit_price_sen,
      discount_sen: l.line_discount_sen + l.promotion_sen + l.cart_discount_sen, net_sen: l.net_sen, sst_rate_bp: l.sst_rate_bp,
      returned_quantity: l.returned_quantity,
    })),
    subtotal_sen: sale.subtotal_sen,
    discount_sen: sale.discount_sen,
    promo_codes: sale.promo_codes,
    sst_by_rate: sale.sst_by_rate,
    sst_included: sale.sst_included,
    total_sen: sale.total_sen,
    cash_rounding_sen: sale.cash_rounding_sen,
    rounded_total_sen: sale.rounded_total_sen,
    payments: sale.payments.map((p) => ({ method: p.method, amount_sen: p.amount_sen, tendered_sen: p.tendered_sen, change_sen: p.change_sen, reference: p.reference })),
    change_sen: sale.change_sen,
    balance_due_sen: sale.balance_due_sen,
    refunds: sale.returns.map((r) => ({ at: r.created_at, method: r.refund_method, refund_sen: r.refund_sen, paid_out_sen: r.paid_out_sen })),
  };
}

/**
 * The shop's logo as the invoicing stream's invoice template holds it (read through query.graph),
 * so every document prints the same logo; none when that module or a logo is missing.
 */
async function loadShopLogo(container: MedusaContainer): Promise<Buffer | null> {
  try {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "document_template", fields: ["id", "logo_base64"], filters: { id: "invoice" } });
    const base64 = (data[0] as { logo_base64?: string | null } | undefined)?.logo_base64;
    return base64 ? Buffer.from(base64, "base64") : null;
  } catch {
    return null;
  }
}

export async function renderSaleReceipt(container: MedusaContainer, sale: PosSale, layout: ReceiptLayout): Promise<Buffer> {
  const [settings, logo] = await Promise.all([loadShopSettings(container), loadShopLogo(container)]);
  return renderReceipt(receiptData(sale, settings, logo), { layout });
}

/** Stores the receipt PDF with Medusa's file module (local disk or S3) and returns its URL, for WhatsApp media. */
export async function publishReceipt(container: MedusaContainer, sale: PosSale, pdf: Buffer): Promise<string> {
  const [file] = await container.resolve(Modules.FILE).createFiles([
    { filename: `receipt-${sale.receipt_number}.pdf`, mimeType: "application/pdf", content: pdf.toString("base64"), access: "public" },
  ]);
  return file!.url;
}
