import { z } from "zod";
import { type CommerceClient } from "./client.js";
import {
  type PosCheckoutBody,
  type PosSalePaymentBody,
  type PosReturnBody,
  posOpenShiftBodySchema,
  posCloseShiftBodySchema,
  posSettingsSchema,
  type PosSettingsBody,
  posSendReceiptBodySchema,
  posCatalogueItemSchema,
  posSaleSchema,
  posSaleSummarySchema,
  posShiftSchema,
} from "@voltura/contracts";

const catalogueAnswer = z.object({ items: z.array(posCatalogueItemSchema) });
const saleAnswer = z.object({ sale: posSaleSchema });
const salesAnswer = z.object({ sales: z.array(posSaleSummarySchema), count: z.number() });
const shiftAnswer = z.object({ shift: posShiftSchema });
const shiftsAnswer = z.object({ shifts: z.array(posShiftSchema), current: posShiftSchema.nullable() });

// ---- calls --------------------------------------------------------------------------------

/** The counter's calls on the commerce API (`/admin/pos/*`), for the console. */
export function posApi(client: CommerceClient) {
  const q = (params: Record<string, string | number | undefined>) =>
    new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]): [string, string] => [k, String(v)]));
  return {
    searchCatalogue: async (query: string, limit = 20) => (await client.request("GET", `/admin/pos/catalogue?${q({ q: query, limit })}`, catalogueAnswer)).items,
    lookupCode: async (code: string) => (await client.request("GET", `/admin/pos/catalogue?${q({ code })}`, catalogueAnswer)).items[0] ?? null,
    checkout: async (body: PosCheckoutBody) => (await client.request("POST", "/admin/pos/checkout", saleAnswer, body)).sale,
    listSales: (params: { from?: string; to?: string; q?: string; shift_id?: string; sort?: "-sold_at" | "sold_at" | "-total" | "total"; limit?: number; offset?: number } = {}) =>
      client.request("GET", `/admin/pos/sales?${q(params)}`, salesAnswer),
    getSale: async (saleId: string) => (await client.request("GET", `/admin/pos/sales/${encodeURIComponent(saleId)}`, saleAnswer)).sale,
    payBalance: async (saleId: string, body: PosSalePaymentBody) =>
      (await client.request("POST", `/admin/pos/sales/${encodeURIComponent(saleId)}/payments`, saleAnswer, body)).sale,
    returnItems: async (saleId: string, body: PosReturnBody) =>
      (await client.request("POST", `/admin/pos/sales/${encodeURIComponent(saleId)}/returns`, saleAnswer, body)).sale,
    sendReceipt: (saleId: string, body: z.input<typeof posSendReceiptBodySchema>) =>
      client.request("POST", `/admin/pos/sales/${encodeURIComponent(saleId)}/send`, z.object({ sent: z.boolean(), channel: z.string() }), body),
    listShifts: (registerId = "main") => client.request("GET", `/admin/pos/shifts?${q({ register_id: registerId })}`, shiftsAnswer),
    openShift: async (body: z.input<typeof posOpenShiftBodySchema>) => (await client.request("POST", "/admin/pos/shifts", shiftAnswer, body)).shift,
    closeShift: async (shiftId: string, body: z.input<typeof posCloseShiftBodySchema>) =>
      (await client.request("POST", `/admin/pos/shifts/${encodeURIComponent(shiftId)}/close`, shiftAnswer, body)).shift,
    getSettings: async () => (await client.request("GET", "/admin/pos/settings", z.object({ settings: posSettingsSchema }))).settings,
    saveSettings: async (body: PosSettingsBody) => (await client.request("POST", "/admin/pos/settings", z.object({ settings: posSettingsSchema }), body)).settings,
  };
}
export type PosApi = ReturnType<typeof posApi>;
