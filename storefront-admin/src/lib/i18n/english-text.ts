import { parse } from "svelte/compiler";

/**
 * Finds text a staff member would read that is written in a .svelte template rather than taken
 * from the message files: text nodes, literal values of the attributes that name things
 * (placeholder, aria-label, title, alt, label, hint, description…), and string literals a
 * `{…}` tag or such an attribute shows (`{done ? "Done" : "—"}`). Used by no-english.test.ts.
 */

/** Attributes (and component props) whose value is read or heard by staff. */
export const NAMING_ATTRIBUTES = new Set([
  "placeholder", "aria-label", "title", "alt", "label", "hint", "description",
  "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext",
]);

/** Words that are the same in both languages: brands, standards, units, keys. */
export const SAME_IN_BOTH = [
  "Voltura Service Hub", "Voltura", "WhatsApp", "MyInvois", "Temporal", "Clerk", "OpenAI", "Baileys", "Kuala Lumpur",
  "IMEI", "SST", "POS", "RM", "PDF", "CSV", "QR", "SLA", "OEM", "SKU", "TIN", "SSM", "UBL", "JSON", "API", "URL", "ID",
  "PDPA", "PITR", "HNSW", "S3", "AI", "OK", "BM", "EN", "KB", "MB", "GB", "E.164",
  "Ctrl", "Cmd", "Alt", "Shift", "Enter", "Esc", "Tab",
];

/** Elements whose text is code or keys, not prose. */
const VERBATIM_ELEMENTS = new Set(["code", "kbd", "pre", "samp", "script", "style"]);

export interface EnglishText {
  text: string;
  where: "text" | `attribute ${string}` | "expression";
  line: number;
}

const sameInBoth = new RegExp(
  SAME_IN_BOTH.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length).map((w) => `(?<![A-Za-z])${w}(?![A-Za-z])`).join("|"),
  "g",
);

/** True when the text has a word of two or more letters that is not a brand/standard/key. */
export function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(sameInBoth, " "));
}

type Node = { type: string; start?: number; [key: string]: unknown };

/** String literals an expression would show (not the ones it compares or passes to functions). */
function shownStrings(expr: Node | null | undefined): string[] {
  if (!expr) return [];
  switch (expr.type) {
    case "Literal":
      return typeof expr.value === "string" ? [expr.value] : [];
    case "TemplateLiteral":
      return [
        ...(expr.quasis as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked),
        ...(expr.expressions as Node[]).flatMap(shownStrings),
      ];
    case "ConditionalExpression":
      return [...shownStrings(expr.consequent as Node), ...shownStrings(expr.alternate as Node)];
    case "LogicalExpression":
      return [...shownStrings(expr.left as Node), ...shownStrings(expr.right as Node)];
    case "BinaryExpression":
      return expr.operator === "+" ? [...shownStrings(expr.left as Node), ...shownStrings(expr.right as Node)] : [];
    default:
      return [];
  }
}

export function findEnglishText(source: string): EnglishText[] {
  const ast = parse(source, { modern: true });
  const found: EnglishText[] = [];
  const lineOf = (offset: number | undefined) => (offset === undefined ? 0 : source.slice(0, offset).split("\n").length);

  function visitAttribute(attr: Node) {
    if (attr.type !== "Attribute" || !NAMING_ATTRIBUTES.has(String(attr.name))) return;
    const values = attr.value === true ? [] : Array.isArray(attr.value) ? (attr.value as Node[]) : [attr.value as Node];
    for (const value of values) {
      const texts = value.type === "Text" ? [String(value.data)] : value.type === "ExpressionTag" ? shownStrings(value.expression as Node) : [];
      for (const text of texts) if (hasWords(text)) found.push({ text: text.trim(), where: `attribute ${String(attr.name)}`, line: lineOf(value.start) });
    }
  }

  function visit(node: unknown, verbatim: boolean): void {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, verbatim);
      return;
    }
    const n = node as Node;
    if (n.type === "Text") {
      if (!verbatim && hasWords(String(n.data))) found.push({ text: String(n.data).trim(), where: "text", line: lineOf(n.start) });
      return;
    }
    if (n.type === "ExpressionTag") {
      if (!verbatim) for (const text of shownStrings(n.expression as Node)) if (hasWords(text)) found.push({ text: text.trim(), where: "expression", line: lineOf(n.start) });
      return;
    }
    if (Array.isArray(n.attributes)) for (const attr of n.attributes as Node[]) visitAttribute(attr);
    const inner = verbatim || (n.type === "RegularElement" && VERBATIM_ELEMENTS.has(String(n.name)));
    for (const [key, value] of Object.entries(n)) {
      if (key === "attributes" || key === "expression" || key === "test" || key === "context" || key === "key") continue;
      if (value && typeof value === "object") visit(value, inner);
    }
  }

  visit(ast.fragment, false);
  return found;
}
