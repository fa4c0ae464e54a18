import { itemTerms } from "./terms";
import { anyOf, SEARCH_RANK_WINDOW, type SqlPart } from "./sql-part";

/**
 * Counter item search as SQL over Medusa's product / variant tables, each branch on an index of
 * search/indexes.ts or a unique index of Medusa's: exact code, then code prefix, then names by trigram.
 */

/** Product and variant titles lower case without accents (the IMMUTABLE unaccent of the repair migration). */
export const titleKey = (column: string) => `public.repair_search_key(${column})`;

const COLUMNS = `v.id, v.product_id, v.title AS variant_title, p.title AS product_title, v.sku, v.barcode, v.ean, v.upc`;
// Each side is looked up by its key per candidate (OFFSET 0 keeps the lookup a nested index probe):
// the candidates are few, a hash join would read the whole other table.
const VARIANTS = `product_variant v JOIN LATERAL (SELECT title FROM product WHERE id = v.product_id AND deleted_at IS NULL OFFSET 0) p ON true`;
const PRODUCTS = `product p JOIN LATERAL (SELECT * FROM product_variant WHERE product_id = p.id AND deleted_at IS NULL OFFSET 0) v ON true`;

export interface ItemSearchInput {
  q: string;
  /** Only whole codes (what a scanner sends): barcode, SKU (any case), EAN, UPC. */
  exactOnly?: boolean;
  limit: number;
}

/** The variants whose barcode, EAN, UPC or SKU (as typed or upper case) is the code: Medusa's unique indexes. */
export function exactCodeCondition(code: string): SqlPart {
  return {
    sql: `(v.sku = ? OR v.sku = upper(?) OR v.barcode = ? OR v.ean = ? OR v.upc = ?)`,
    bindings: [code, code, code, code, code],
  };
}

/** The page of hits (id, titles, codes, `tier` 0 exact / 1 prefix / 2 name), best first; null when nothing can match. */
export function itemSearchStatement(input: ItemSearchInput): SqlPart | null {
  const terms = itemTerms(input.q);
  if (!terms) return null;
  const exact = exactCodeCondition(terms.code);
  const branches: SqlPart[] = [{ sql: `(SELECT ${COLUMNS} FROM ${VARIANTS} WHERE v.deleted_at IS NULL AND ${exact.sql})`, bindings: exact.bindings }];
  if (!input.exactOnly) {
    const codes = anyOf([
      { sql: `upper(v.sku) LIKE upper(?)`, bindings: [`${terms.codePrefix}%`] },
      { sql: `v.barcode LIKE ?`, bindings: [`${terms.codePrefix}%`] },
      ...(terms.anywhere
        ? [
          { sql: `upper(v.sku) LIKE upper(?)`, bindings: [`%${terms.codePrefix}%`] },
          { sql: `${titleKey("v.title")} LIKE '%' || ${titleKey("?")} || '%'`, bindings: [terms.text] },
        ]
        : []),
    ]);
    branches.push({ sql: `(SELECT ${COLUMNS} FROM ${VARIANTS} WHERE v.deleted_at IS NULL AND ${codes.sql} LIMIT ${SEARCH_RANK_WINDOW})`, bindings: codes.bindings });
    const name = terms.anywhere ? `'%' || ${titleKey("?")} || '%'` : `${titleKey("?")} || '%'`;
    branches.push({ sql: `(SELECT ${COLUMNS} FROM ${PRODUCTS} WHERE p.deleted_at IS NULL AND ${titleKey("p.title")} LIKE ${name} LIMIT ${SEARCH_RANK_WINDOW})`, bindings: [terms.text] });
  }
  const tier = `CASE WHEN upper(cand.sku) = upper(?) OR cand.barcode = ? OR cand.ean = ? OR cand.upc = ? THEN 0
    WHEN upper(cand.sku) LIKE upper(?) OR cand.barcode LIKE ? OR ${titleKey("cand.product_title")} LIKE ${titleKey("?")} || '%' THEN 1 ELSE 2 END`;
  return {
    sql: `SELECT cand.*, ${tier} AS tier FROM (${branches.map((b) => b.sql).join(" UNION ")}) cand
      ORDER BY tier, greatest(similarity(${titleKey("cand.product_title")}, ${titleKey("?")}), similarity(upper(coalesce(cand.sku, '')), upper(?))) DESC,
        cand.sku, cand.id LIMIT ?`,
    bindings: [
      terms.code, terms.code, terms.code, terms.code, `${terms.codePrefix}%`, `${terms.codePrefix}%`, terms.text,
      ...branches.flatMap((b) => b.bindings),
      terms.text, terms.code, input.limit,
    ],
  };
}

/** "Product (Variant)", or the product alone for its default variant. */
export function itemTitle(row: { product_title?: string | null; variant_title?: string | null }): string {
  const product = row.product_title ?? "";
  const variant = row.variant_title ?? "";
  return !variant || variant === "Default" || variant === product ? product || variant || "Item" : `${product} (${variant})`;
}
