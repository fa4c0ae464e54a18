import { renderReportPdf } from "@voltura/documents";
import type { ShopSettings } from "@voltura/domain";
import type { CustomerExport } from "../../../../../../modules/archive/sql/data-export";

const MAX_CELL = 300;
const MAX_ROWS = 2000;

function describe(row: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined || v === "" || k === "id" || k === "created_at" || k === "updated_at" || k === "deleted_at") continue;
    parts.push(`${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  }
  const text = parts.join("; ");
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** The export as a PDF: one table per section (record, when, details), via the shop's report layout. */
export async function customerExportPdf(data: CustomerExport, customerName: string, settings: ShopSettings): Promise<Buffer> {
  return renderReportPdf({
    title: "Personal data held",
    period: `${customerName || data.customer_id} · ${data.customer_id}`.slice(0, 120),
    generated_at: data.generated_at,
    shop: settings.business,
    summary: Object.entries(data.counts).slice(0, 12).map(([table, n]) => [table.replace(/_/g, " ").slice(0, 80), String(n)]),
    sections: (data.sections.length ? data.sections : [{ title: "Profile", tables: [] }]).slice(0, 10).map((section) => ({
      title: section.title,
      columns: [{ title: "Record", weight: 1.3 }, { title: "When", weight: 1 }, { title: "Details", weight: 5 }],
      rows: section.tables.flatMap((t) => t.rows.map((r) => [
        `${t.table.replace(/_/g, " ")}${t.archived ? " (archived)" : ""}`.slice(0, MAX_CELL),
        String(r.created_at ?? "").slice(0, 16).replace("T", " "),
        describe(r),
      ])).slice(0, MAX_ROWS),
    })),
  });
}
