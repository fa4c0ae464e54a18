import { shopClock, toSafeCsv } from "@voltura/domain";
import type { CampaignRecipientRow } from "@voltura/contracts";
import { rows, type Sql } from "@voltura/medusa-kit";
import { recipientPageStatement, toRecipientRow } from "./recipients-sql";

export const RECIPIENT_CSV_HEADER = [
  "recipient_id", "run", "phone", "name", "language", "status", "reason", "sent_at", "delivered_at", "read_at",
  "failed_at", "replied_at", "opted_out_at", "converted_at", "message_id", "sender",
] as const;

const pad = (n: number) => String(n).padStart(2, "0");
/** "2027-01-12 14:05" in shop time: sortable, and read as a date by spreadsheets. */
export function shopStamp(v: string | null): string {
  if (!v) return "";
  const c = shopClock(new Date(v));
  const minutes = Math.floor(c.minutes);
  return `${c.date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
const at = shopStamp;

/** One line per recipient, times in shop time; every cell spreadsheet-safe. */
export function recipientsCsv(recipients: readonly CampaignRecipientRow[]): string {
  return toSafeCsv(RECIPIENT_CSV_HEADER, recipients.map((r) => [
    r.id, r.run_no, r.phone, r.name, r.language, r.status, r.reason, at(r.sent_at), at(r.delivered_at), at(r.read_at),
    at(r.failed_at), at(r.replied_at), at(r.opted_out_at), at(r.converted_at), r.message_id, r.session_id,
  ]), { bom: true, crlf: true });
}

const BATCH = 5_000;

/** Every recipient of a run, read in keyset batches over the (campaign_id, id) index. */
export async function allRecipients(db: Sql, campaignId: string, runNo: number): Promise<CampaignRecipientRow[]> {
  const out: CampaignRecipientRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = recipientPageStatement({ campaignId, runNo, after }, BATCH);
    const found = (await rows(db, page.sql, page.bindings)).map(toRecipientRow);
    out.push(...found);
    if (found.length < BATCH) return out;
    after = found[found.length - 1]!.id;
  }
}
