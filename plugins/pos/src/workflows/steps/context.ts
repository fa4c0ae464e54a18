import type { MedusaContainer } from "@medusajs/framework/types";
import type { PosSettings } from "@voltura/contracts";
import { findCounterChannelId as findCounter, findShopLocationId as findShopLocation, findShopRegionId } from "@voltura/medusa-kit";
import { DEFAULT_REFUND_APPROVAL_LIMIT_SEN, type DiscountApprovalLimits } from "@voltura/pos-rules";
import { POS_MODULE } from "../../modules/pos/index";
import type PosModuleService from "../../modules/pos/service";

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

export const findShopLocationId = (container: MedusaContainer) => findShopLocation(container, "the counter sells from it");
export const findCounterChannelId = (container: MedusaContainer) => findCounter(container, "counter sales are orders there");
export const findSaleRegionId = (container: MedusaContainer) => findShopRegionId(container, "counter sales are raised there");
