import { formatPhoneForDisplay, tryNormalisePhone } from "@voltura/domain";
import { listWhatsAppMessages } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { m } from "$lib/paraglide/messages.js";
import type { PageServerLoad } from "./$types";

const VIEWERS = ["owner", "manager", "technician"] as const;
const PAGE_SIZE = 50;

/** The message log, newest first, filtered by phone, customer and direction (all in the URL). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, VIEWERS);
  const typedPhone = url.searchParams.get("phone")?.trim() ?? "";
  const phone = typedPhone ? tryNormalisePhone(typedPhone) : null;
  const customerId = url.searchParams.get("customer_id")?.trim() || undefined;
  const directionParam = url.searchParams.get("direction");
  const direction = directionParam === "in" || directionParam === "out" ? directionParam : undefined;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const filters = { phone: typedPhone, customer_id: customerId ?? "", direction: direction ?? "" };
  const phoneError = typedPhone && !phone ? m.whatsapp_not_a_phone({ typed: typedPhone }) : null;
  if (phoneError) return { filters, phoneError, messages: [], count: 0, countEstimated: false, page, pages: 1, problem: null };
  try {
    const list = await listWhatsAppMessages(commerce, {
      ...(phone ? { phone } : {}),
      ...(customerId ? { customer_id: customerId } : {}),
      ...(direction ? { direction } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return {
      filters,
      phoneError,
      messages: list.messages.map((msg) => ({ ...msg, phoneText: formatPhoneForDisplay(msg.phone) })),
      count: list.count,
      countEstimated: list.count_estimated,
      page,
      pages: Math.max(1, Math.ceil(list.count / PAGE_SIZE)),
      problem: null,
    };
  } catch (err) {
    return { filters, phoneError, messages: [], count: 0, countEstimated: false, page, pages: 1, problem: commerceProblem(err).message };
  }
};
