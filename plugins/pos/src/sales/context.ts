import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import type { ShopSettings } from "@voltura/domain";
import type { PosSettings } from "@voltura/medusa-client";
import { DEFAULT_REFUND_APPROVAL_LIMIT_SEN, type DiscountApprovalLimits } from "@voltura/pos-rules";
import { POS_MODULE } from "../modules/pos/index";
import type PosModuleService from "../modules/pos/service";

/** Names the demo seed (and a real shop's setup) gives the places the counter sells from. */
export const SHOP_LOCATION_NAME = "Shop";
export const COUNTER_CHANNEL_NAME = "Counter";
export const SALE_REGION_NAME = "Malaysia";
export const SALE_CURRENCY = "myr";
export const RECEIPT_SERIES = "RCP";
export const SETTINGS_ID = "default";

/** A cashier may give up to 10% or RM 50 off a line, and 5% or RM 50 off the cart, without a manager. */
export const DEFAULT_DISCOUNT_LIMITS: DiscountApprovalLimits = {
  line: { max_percent_bp: 1000, max_amount_sen: 5000 },
  cart: { max_percent_bp: 500, max_amount_sen: 5000 },
};

export function posService(container: MedusaContainer): PosModuleService {
  return container.resolve<PosModuleService>(POS_MODULE);
}

export async function loadShopSettings(container: MedusaContainer): Promise<ShopSettings> {
  return container.resolve<{ retrieveSettings(): Promise<ShopSettings> }>("shopSettings").retrieveSettings();
}

export async function loadDiscountLimits(container: MedusaContainer): Promise<DiscountApprovalLimits> {
  const [row] = await posService(container).listPosSettings({ id: SETTINGS_ID }, { take: 1 });
  if (!row) return DEFAULT_DISCOUNT_LIMITS;
  return {
    line: { max_percent_bp: row.line_max_percent_bp ?? null, max_amount_sen: row.line_max_amount_sen ?? null },
    cart: { max_percent_bp: row.cart_max_percent_bp ?? null, max_amount_sen: row.cart_max_amount_sen ?? null },
  };
}

/** Discount limits and the refund limit, as managers set them (defaults until they do). */
export async function loadPosSettings(container: MedusaContainer): Promise<PosSettings> {
  const [row] = await posService(container).listPosSettings({ id: SETTINGS_ID }, { take: 1 });
  const limits = await loadDiscountLimits(container);
  const refundLimit = row ? row.refund_approval_limit_sen : DEFAULT_REFUND_APPROVAL_LIMIT_SEN;
  return { ...limits, refund_approval_limit_sen: refundLimit === null || refundLimit === undefined ? null : Number(refundLimit) };
}

export async function findShopLocationId(container: MedusaContainer): Promise<string> {
  const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: SHOP_LOCATION_NAME }, { take: 1 });
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No stock location named "${SHOP_LOCATION_NAME}": the counter sells from it`);
  return location.id;
}

export async function findCounterChannelId(container: MedusaContainer): Promise<string> {
  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: COUNTER_CHANNEL_NAME }, { take: 1 });
  if (!channel) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No sales channel named "${COUNTER_CHANNEL_NAME}": counter sales are orders there`);
  return channel.id;
}

export async function findSaleRegionId(container: MedusaContainer): Promise<string> {
  const regions = container.resolve(Modules.REGION);
  const [region] = await regions.listRegions({ name: SALE_REGION_NAME }, { take: 1 });
  if (region) return region.id;
  const [myr] = await regions.listRegions({ currency_code: SALE_CURRENCY }, { take: 1 });
  if (!myr) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No region "${SALE_REGION_NAME}" (MYR): counter sales are raised there`);
  return myr.id;
}
