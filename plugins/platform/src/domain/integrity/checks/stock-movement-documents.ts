import { num, text, type Breach, type IntegrityCheck, type Row } from "../types";

/**
 * Every stock movement belongs to a finished document of its kind. The query resolves each row's
 * reference to that document's state (`document_status`, null when the document is missing):
 * - `sale` → `pos_sale` (reference `pos_sale`): completed, or committed (paid and booked in one
 *   transaction, its order still being made; one left past its lease is a stale claim);
 * - `return` → the sale (reference `pos_return`, id = the sale) with a restocking `pos_return`: completed;
 * - `repair_consumption` → `repair_job`: completed or delivered, or invoiced (`repair_invoice`)
 *   when the job went back to the bench afterwards;
 * - `receipt` → `purchase_order`: partially received or received;
 * - `stock_take` → `stock_take`: posted;
 * - `adjustment` (reference `stock_adjustment`) and `opening` (reference `opening`) are their own
 *   documents: an adjustment must carry its reason.
 */
interface Rule {
  reference_type: string;
  /** States of the referenced document that make the movement legitimate; null: the row is the document. */
  accepted: readonly string[] | null;
  document: string;
}

const RULES: Record<string, Rule> = {
  sale: { reference_type: "pos_sale", accepted: ["completed", "committed"], document: "a completed counter sale" },
  return: { reference_type: "pos_return", accepted: ["completed"], document: "a recorded return on a completed counter sale" },
  repair_consumption: { reference_type: "repair_job", accepted: ["completed", "delivered", "invoiced"], document: "a completed repair job" },
  receipt: { reference_type: "purchase_order", accepted: ["partially_received", "received"], document: "a received purchase order" },
  stock_take: { reference_type: "stock_take", accepted: ["posted"], document: "a posted stock take" },
  adjustment: { reference_type: "stock_adjustment", accepted: null, document: "a stock adjustment with its reason" },
  opening: { reference_type: "opening", accepted: null, document: "opening stock" },
};

const KIND_WORDS: Record<string, string> = {
  sale: "sale", return: "return", repair_consumption: "repair part use", receipt: "purchase receipt",
  stock_take: "stock-take correction", adjustment: "adjustment", opening: "opening stock",
};

export function stockMovementDocumentBreaches(rows: readonly Row[]): Breach[] {
  const out: Breach[] = [];
  for (const r of rows) {
    const id = text(r.id) ?? "?";
    const kind = text(r.kind) ?? "?";
    const referenceType = text(r.reference_type);
    const referenceId = text(r.reference_id);
    const status = text(r.document_status);
    const details = { movement_id: id, kind, reference_type: referenceType, reference_id: referenceId, document_status: status, quantity_delta: num(r.quantity_delta) };
    const what = `Stock ${KIND_WORDS[kind] ?? kind} ${id} (${num(r.quantity_delta) > 0 ? "+" : ""}${num(r.quantity_delta)})`;
    const rule = RULES[kind];
    if (!rule || referenceType !== rule.reference_type) {
      out.push({ kind: "movement_unexpected_reference", ref: id, message: `${what} points to ${referenceType ?? "nothing"}, not to ${rule?.document ?? "a known document"}.`, details });
      continue;
    }
    if (rule.accepted === null) {
      if (kind === "adjustment" && !text(r.reason)) out.push({ kind: "movement_without_reason", ref: id, message: `${what} has no reason recorded.`, details });
      continue;
    }
    if (!referenceId || status === null) {
      out.push({ kind: "movement_orphan", ref: id, message: `${what} belongs to ${rule.document}, but ${referenceId ?? "its document"} cannot be found.`, details });
    } else if (!rule.accepted.includes(status)) {
      out.push({ kind: "movement_document_not_final", ref: id, message: `${what} belongs to ${referenceId}, which is ${status.replace(/_/g, " ")}, not ${rule.document.replace(/^an? /, "")}.`, details });
    }
  }
  return out;
}

/** The state of a movement's document; with `archive`, a sale or job moved to the archive schema counts too. */
function movementsSql(archive: boolean): string {
  const schemas = archive ? ["", "archive."] : [""];
  const firstOf = (lookups: string[]) => (lookups.length === 1 ? lookups[0]! : `COALESCE(${lookups.join(", ")})`);
  const sale = firstOf(schemas.map((x) => `(SELECT s.status FROM ${x}pos_sale s WHERE s.id = m.reference_id AND s.deleted_at IS NULL)`));
  const saleReturn = firstOf(schemas.map((x) => `(
          SELECT CASE WHEN EXISTS (SELECT 1 FROM ${x}pos_return r WHERE r.sale_id = s.id AND r.restock AND r.deleted_at IS NULL) THEN s.status END
            FROM ${x}pos_sale s WHERE s.id = m.reference_id AND s.deleted_at IS NULL)`));
  const job = firstOf(schemas.map((x) => `(
          SELECT CASE WHEN j.status IN ('completed', 'delivered') THEN j.status
                      WHEN EXISTS (SELECT 1 FROM repair_invoice ri WHERE ri.repair_job_id = j.id AND ri.deleted_at IS NULL) THEN 'invoiced'
                      ELSE j.status END
            FROM ${x}repair_job j WHERE j.id = m.reference_id AND j.deleted_at IS NULL)`));
  return `
    SELECT m.id, m.kind, m.reference_type, m.reference_id, m.reason, m.quantity_delta,
      CASE m.reference_type
        WHEN 'pos_sale' THEN ${sale}
        WHEN 'pos_return' THEN ${saleReturn}
        WHEN 'repair_job' THEN ${job}
        WHEN 'purchase_order' THEN (SELECT p.status FROM purchase_order p WHERE p.id = m.reference_id AND p.deleted_at IS NULL)
        WHEN 'stock_take' THEN (SELECT t.status FROM stock_take t WHERE t.id = m.reference_id AND t.deleted_at IS NULL)
      END AS document_status
    FROM stock_movement m
    WHERE m.deleted_at IS NULL
    ORDER BY m.created_at, m.id`;
}

export const stockMovementDocumentsCheck: IntegrityCheck = {
  name: "stock_movements_have_documents",
  title: "Every stock movement has its sale, repair or document",
  description: "Each stock movement belongs to a completed counter sale or return, a completed repair job, a received purchase order, a posted stock take, an adjustment with its reason, or opening stock. Movements whose document is missing or unfinished are listed.",
  tables: ["stock_movement", "pos_sale", "pos_return", "repair_job", "repair_invoice", "purchase_order", "stock_take"],
  sql: movementsSql(false),
  archive: { tables: ["pos_sale", "pos_return", "repair_job"], sql: movementsSql(true) },
  evaluate: (rows) => stockMovementDocumentBreaches(rows),
};
