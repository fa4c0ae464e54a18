import { SHOP_TIME_ZONE, toSafeCsv } from "@voltura/domain";
import type { AuditRow } from "../../../modules/audit/types";

const HEADER = [
  "occurred_at_utc", "occurred_at_shop_time", "actor_name", "actor_role", "actor_id", "action", "entity", "entity_id",
  "changes", "metadata", "ip", "request_id", "id",
] as const;

const shopTime = new Intl.DateTimeFormat("en-CA", {
  timeZone: SHOP_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

/** "2026-11-30 16:05:12" in the shop's time zone. */
function inShopTime(utc: string): string {
  return shopTime.format(new Date(utc)).replace(",", "");
}

/** The audit rows as a spreadsheet-safe CSV (changes and metadata as JSON text). */
export function auditCsv(rows: readonly AuditRow[]): string {
  return toSafeCsv(
    HEADER,
    rows.map((r) => [
      r.occurred_at, inShopTime(r.occurred_at), r.actor_name, r.actor_role, r.actor_id, r.action, r.entity, r.entity_id,
      r.changes ? JSON.stringify(r.changes) : "", r.metadata ? JSON.stringify(r.metadata) : "", r.ip, r.request_id, r.id,
    ]),
  );
}
