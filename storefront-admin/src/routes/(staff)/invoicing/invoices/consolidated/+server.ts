import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { requireRole } from "$lib/server/guard";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

/** The month's consolidated B2C e-invoice (MyInvois JSON), downloaded. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { staff } = requireRole(locals, MANAGERS);
  const month = url.searchParams.get("month") ?? "";
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) error(400, { message: "Choose a month, e.g. 2026-11" });
  return proxyCommerceFile(staff, `/admin/invoicing/myinvois/consolidated?month=${month}`, "attachment");
};
