import { SHOP_TIME_ZONE } from "@voltura/domain";
import type { SaleSource } from "../../../domain/facts";
import { dayRanges } from "../../../domain/day-rows";

/**
 * The report's facts as SQL, one definition for the daily rows (refresh) and for the live part of a
 * report, so both count a sale the same way. Line revenue is net of SST: when prices include it, the
 * sale's SST comes off its lines pro rata with @voltura/pos-rules allocateProRata's rule (floor
 * shares, then the sen left over to the largest lines, ties to the first line) written with window
 * functions.
 */

export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** The instants a statement covers: one half-open range, or shop days (ranges merged where consecutive). */
export type FactWindow = { kind: "range"; from: Date; to: Date } | { kind: "days"; days: readonly string[] };

/** The shop day of a timestamp column, in SQL. */
export const dayOf = (column: string) => `((${column}) AT TIME ZONE '${SHOP_TIME_ZONE}')::date`;

/** `column` inside the window, as range conditions an index on `column` answers (an OR of ranges). */
export function windowCondition(column: string, window: FactWindow): SqlPart {
  const ranges = window.kind === "range" ? [{ from: window.from, to: window.to }] : dayRanges(window.days);
  if (!ranges.length) return { sql: "FALSE", bindings: [] };
  return {
    sql: `(${ranges.map(() => `(${column} >= ? AND ${column} < ?)`).join(" OR ")})`,
    bindings: ranges.flatMap((r) => [r.from, r.to]),
  };
}

const NO_SALES = `SELECT NULL::text AS source, NULL::text AS sale_id, NULL::timestamptz AS at, 0::bigint AS revenue_sen, 0::bigint AS sst_sen, false AS include_tax WHERE FALSE`;
const NO_LINES = `SELECT NULL::text AS source, NULL::text AS sale_id, NULL::text AS line_ord, NULL::timestamptz AS at, NULL::text AS key, NULL::text AS title,
  NULL::text AS kind, 0::numeric AS quantity, 0::numeric AS gross_sen, NULL::text AS inventory_item_id WHERE FALSE`;

/** A variant's first inventory item, only while the variant exists (as the query graph returns it). */
const inventoryOf = (variantId: string) => `(SELECT min(pvii.inventory_item_id) FROM product_variant_inventory_item pvii
  JOIN product_variant pv ON pv.id = pvii.variant_id AND pv.deleted_at IS NULL
  WHERE pvii.variant_id = ${variantId} AND pvii.deleted_at IS NULL)`;

/**
 * Counter sales: orders with metadata.source "pos". Totals as the till froze them (metadata total_sen
 * and sst_sen, on every order the POS writes); an order without them is priced from its lines
 * (unit × quantity less adjustments, SST from its tax lines).
 */
function posParts(window: FactWindow, pricesIncludeTax: boolean): { ctes: SqlPart; sales: string; lines: string } {
  const when = windowCondition("o.created_at", window);
  return {
    ctes: {
      sql: `pos_order AS (
        SELECT o.id, o.created_at, o.version, (o.metadata ->> 'total_sen')::bigint AS meta_total, (o.metadata ->> 'sst_sen')::bigint AS meta_sst
        FROM "order" o WHERE o.deleted_at IS NULL AND (o.metadata ->> 'source') = 'pos' AND ${when.sql}
      ),
      pos_item AS (
        SELECT o.id AS order_id, o.created_at, o.meta_total, li.id AS line_id, li.title, li.variant_id, li.is_tax_inclusive, oi.quantity,
               round(coalesce(oi.unit_price, li.unit_price) * 100) * oi.quantity AS gross_sen
        FROM pos_order o
        JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
        JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
      ),
      pos_priced AS (
        SELECT i.order_id, sum(i.base_sen + i.tax_sen - CASE WHEN i.is_tax_inclusive THEN i.tax_sen ELSE 0 END) AS total_sen, sum(i.tax_sen) AS sst_sen
        FROM (
          SELECT p.order_id, p.is_tax_inclusive, p.gross_sen - a.sen AS base_sen,
                 CASE WHEN p.is_tax_inclusive THEN (p.gross_sen - a.sen) * t.rate / (100 + t.rate) ELSE (p.gross_sen - a.sen) * t.rate / 100 END AS tax_sen
          FROM pos_item p
          CROSS JOIN LATERAL (SELECT coalesce(sum(adj.amount), 0) * 100 AS sen FROM order_line_item_adjustment adj WHERE adj.item_id = p.line_id AND adj.deleted_at IS NULL) a
          CROSS JOIN LATERAL (SELECT coalesce(sum(tl.rate), 0) AS rate FROM order_line_item_tax_line tl WHERE tl.item_id = p.line_id AND tl.deleted_at IS NULL) t
          WHERE p.meta_total IS NULL
        ) i GROUP BY i.order_id
      )`,
      bindings: when.bindings,
    },
    sales: `SELECT 'pos'::text, o.id, o.created_at,
        coalesce(o.meta_total - o.meta_sst, round(pp.total_sen) - round(pp.sst_sen), 0)::bigint,
        coalesce(o.meta_sst, round(pp.sst_sen), 0)::bigint, ${pricesIncludeTax ? "true" : "false"}
      FROM pos_order o LEFT JOIN pos_priced pp ON pp.order_id = o.id`,
    lines: `SELECT 'pos'::text, p.order_id, p.line_id, p.created_at, coalesce(p.variant_id, p.title), p.title,
        CASE WHEN pv.manage_inventory = false THEN 'service' ELSE 'item' END, p.quantity::numeric, p.gross_sen::numeric,
        CASE WHEN pv.id IS NULL THEN NULL ELSE ${inventoryOf("pv.id")} END
      FROM pos_item p LEFT JOIN product_variant pv ON pv.id = p.variant_id AND pv.deleted_at IS NULL`,
  };
}

/**
 * An invoice table's rows issued in the window, as a CTE carrying one more column for the lines,
 * and one sale per row (net of SST).
 */
function issuedSales(
  window: FactWindow,
  source: { kind: string; cte: string; table: string; alias: string; carry: string },
): { ctes: SqlPart; sales: string } {
  const { kind, cte, table, alias: a, carry } = source;
  const when = windowCondition(`${a}.issued_at`, window);
  return {
    ctes: {
      sql: `${cte} AS (
        SELECT ${a}.id, ${a}.issued_at, ${a}.total_sen, ${a}.sst_sen, ${a}.prices_include_tax, ${a}.${carry}
        FROM ${table} WHERE ${a}.deleted_at IS NULL AND ${when.sql}
      )`,
      bindings: when.bindings,
    },
    sales: `SELECT '${kind}'::text, s.id, s.issued_at, (s.total_sen - s.sst_sen)::bigint, s.sst_sen::bigint, s.prices_include_tax FROM ${cte} s`,
  };
}

/** Repair invoices with their job's lines (waived ones left out): parts are items, labour and fees services. */
function repairParts(window: FactWindow): { ctes: SqlPart; sales: string; lines: string } {
  return {
    ...issuedSales(window, { kind: "repair", cte: "repair_sale", table: "repair_invoice ri", alias: "ri", carry: "repair_job_id" }),
    lines: `SELECT 'repair'::text, s.id, rl.id, s.issued_at, coalesce(rl.variant_id, rl.title), rl.title,
        CASE WHEN rl.kind = 'part' THEN 'item' ELSE 'service' END, (CASE WHEN rl.kind = 'part' THEN rl.quantity ELSE 1 END)::numeric,
        (CASE WHEN rl.kind = 'labour' AND rl.hours IS NOT NULL AND rl.rate_sen IS NOT NULL
              THEN floor((round(rl.hours::numeric * 100) * rl.rate_sen * 2 + 100) / 200)
              ELSE rl.quantity * rl.unit_price_sen END)::numeric,
        rl.inventory_item_id
      FROM repair_sale s JOIN repair_line rl ON rl.repair_job_id = s.repair_job_id AND rl.deleted_at IS NULL AND NOT rl.waived`,
  };
}

/** Counter and B2B invoices of the invoicing plugin, lines from their JSON. */
function invoiceParts(window: FactWindow): { ctes: SqlPart; sales: string; lines: string } {
  return {
    ...issuedSales(window, { kind: "invoice", cte: "invoice_sale", table: "sales_invoice si", alias: "si", carry: "lines" }),
    lines: `SELECT 'invoice'::text, s.id, lpad(e.ord::text, 8, '0'), s.issued_at, coalesce(e.l ->> 'product_variant_id', e.l ->> 'description'), e.l ->> 'description',
        e.l ->> 'kind', (e.l ->> 'quantity')::numeric,
        (e.l ->> 'unit_price_sen')::numeric * (e.l ->> 'quantity')::numeric - coalesce((e.l ->> 'discount_sen')::numeric, 0),
        CASE WHEN e.l ->> 'product_variant_id' IS NULL THEN NULL ELSE ${inventoryOf("(e.l ->> 'product_variant_id')")} END
      FROM invoice_sale s CROSS JOIN LATERAL jsonb_array_elements(s.lines) WITH ORDINALITY AS e(l, ord)`,
  };
}

export interface FactOptions {
  sources: readonly SaleSource[];
  pricesIncludeTax: boolean;
  /** False when the invoicing plugin's table is not there. */
  invoicesPresent: boolean;
}

/**
 * `WITH …` defining `sale_fact` (source, sale_id, at, revenue_sen, sst_sen) and `line_fact`
 * (source, sale_id, at, kind, key, title, inventory_item_id, quantity, net_sen) over the window.
 */
export function factsWith(window: FactWindow, options: FactOptions): SqlPart {
  const parts = [
    options.sources.includes("pos") ? posParts(window, options.pricesIncludeTax) : null,
    options.sources.includes("repair") ? repairParts(window) : null,
    options.sources.includes("invoice") && options.invoicesPresent ? invoiceParts(window) : null,
  ].filter((p): p is NonNullable<typeof p> => p !== null);
  const ctes = parts.map((p) => p.ctes);
  const sales = parts.length ? parts.map((p) => p.sales).join(" UNION ALL ") : NO_SALES;
  const lines = parts.length ? parts.map((p) => p.lines).join(" UNION ALL ") : NO_LINES;
  return {
    sql: `WITH ${ctes.map((c) => `${c.sql},`).join("\n")}
      sale_all (source, sale_id, at, revenue_sen, sst_sen, include_tax) AS (${sales}),
      line_all (source, sale_id, line_ord, at, key, title, kind, quantity, gross_sen, inventory_item_id) AS (${lines}),
      line_weighted AS (
        SELECT l.*, sum(l.gross_sen) OVER (PARTITION BY l.source, l.sale_id) AS sale_gross_sen,
               CASE WHEN s.include_tax AND s.sst_sen > 0 THEN least(s.sst_sen, sum(l.gross_sen) OVER (PARTITION BY l.source, l.sale_id)) ELSE 0 END AS spread_sen
        FROM line_all l JOIN sale_all s ON s.source = l.source AND s.sale_id = l.sale_id
      ),
      line_floored AS (
        SELECT w.*, CASE WHEN w.spread_sen = 0 OR w.sale_gross_sen = 0 THEN 0 ELSE floor(w.spread_sen * w.gross_sen / w.sale_gross_sen) END AS share_sen
        FROM line_weighted w
      ),
      line_ranked AS (
        SELECT f.*, f.spread_sen - sum(f.share_sen) OVER (PARTITION BY f.source, f.sale_id) AS left_sen,
               coalesce(sum(f.gross_sen - f.share_sen) OVER (PARTITION BY f.source, f.sale_id ORDER BY f.gross_sen DESC, f.line_ord
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS room_before_sen
        FROM line_floored f
      ),
      sale_fact AS (SELECT source, sale_id, at, revenue_sen, sst_sen FROM sale_all),
      line_fact AS (
        SELECT source, sale_id, at, kind, key, title, inventory_item_id, quantity,
               gross_sen - share_sen - greatest(0, least(gross_sen - share_sen, left_sen - room_before_sen)) AS net_sen
        FROM line_ranked
      )`,
    bindings: ctes.flatMap((c) => c.bindings),
  };
}

/** Per shop day and source: sales, revenue and SST (columns of report_day_sale). */
export const DAY_SALE_SELECT = `SELECT ${dayOf("at")} AS day, source, count(*)::int AS sales, sum(revenue_sen)::bigint AS revenue_sen, sum(sst_sen)::bigint AS sst_sen
  FROM sale_fact GROUP BY 1, 2`;

/** Per shop day, source and line (columns of report_day_line). */
export const DAY_LINE_SELECT = `SELECT ${dayOf("at")} AS day, source, kind, key, title, inventory_item_id, min(at) AS first_at,
  sum(quantity) AS quantity, sum(net_sen)::bigint AS revenue_sen
  FROM line_fact GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * Completed jobs per shop day of completion and technician (columns of report_day_technician):
 * turnaround in whole seconds, as the job rows are read.
 */
export function dayTechnicianSelect(window: FactWindow): SqlPart {
  const when = windowCondition("rj.completed_at", window);
  return {
    sql: `SELECT ${dayOf("rj.completed_at")} AS day,
        coalesce(nullif(regexp_replace(rj.technician_name, '^\\s+|\\s+$', '', 'g'), ''), 'Unassigned') AS technician,
        count(*)::int AS jobs,
        sum((extract(epoch FROM date_trunc('second', rj.completed_at)) - extract(epoch FROM date_trunc('second', rj.received_at))) * 1000)::bigint AS turnaround_ms,
        sum(coalesce(ri.total_sen - ri.sst_sen, 0))::bigint AS revenue_sen
      FROM repair_job rj LEFT JOIN repair_invoice ri ON ri.repair_job_id = rj.id AND ri.deleted_at IS NULL
      WHERE rj.deleted_at IS NULL AND ${when.sql}
      GROUP BY 1, 2`,
    bindings: when.bindings,
  };
}
