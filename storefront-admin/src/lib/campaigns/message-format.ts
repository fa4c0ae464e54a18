/** The WhatsApp formatting toolbar's edits on a textarea's text (pure, so they are unit-tested). */

export type FormatKind = "bold" | "italic" | "strike" | "mono" | "bullets" | "numbers";

export const FORMAT_BUTTONS: readonly { kind: FormatKind; label: string; sample: string }[] = [
  { kind: "bold", label: "Bold", sample: "*bold*" },
  { kind: "italic", label: "Italic", sample: "_italic_" },
  { kind: "strike", label: "Strikethrough", sample: "~strike~" },
  { kind: "mono", label: "Monospace", sample: "```mono```" },
  { kind: "bullets", label: "Bulleted list", sample: "- item" },
  { kind: "numbers", label: "Numbered list", sample: "1. item" },
];

const WRAP: Record<"bold" | "italic" | "strike" | "mono", string> = { bold: "*", italic: "_", strike: "~", mono: "```" };

export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Applies a toolbar button to the selection [start, end): wraps it, or prefixes each selected line for lists. */
export function applyFormat(text: string, start: number, end: number, kind: FormatKind): Edit {
  if (kind === "bullets" || kind === "numbers") {
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const lineEndAt = text.indexOf("\n", Math.max(end - 1, start));
    const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
    const lines = text.slice(lineStart, lineEnd).split("\n");
    const block = lines.map((line, i) => `${kind === "bullets" ? "- " : `${i + 1}. `}${line}`).join("\n");
    return { text: text.slice(0, lineStart) + block + text.slice(lineEnd), selectionStart: lineStart, selectionEnd: lineStart + block.length };
  }
  const mark = WRAP[kind];
  const selected = text.slice(start, end) || kind;
  const inserted = `${mark}${selected}${mark}`;
  return {
    text: text.slice(0, start) + inserted + text.slice(end),
    selectionStart: start + mark.length,
    selectionEnd: start + mark.length + selected.length,
  };
}

/** Inserts `{variable}` at the caret (replacing a selection). */
export function insertVariable(text: string, start: number, end: number, variable: string): Edit {
  const token = `{${variable}}`;
  const at = start + token.length;
  return { text: text.slice(0, start) + token + text.slice(end), selectionStart: at, selectionEnd: at };
}

/** Sample values for the builder's live preview (the real preview renders a chosen recipient on the server). */
export const SAMPLE_VALUES: Record<string, string> = {
  nama: "Aminah",
  model: "iPhone 13",
  expiry_date: "2027-01-12T04:00:00.000Z",
  job_number: "VSH-2026-000123",
  shop_name: "Voltura Service Hub",
  optout_link: "https://console.example/optout/…",
};

export const VARIABLE_HINTS: Record<string, string> = {
  nama: "Customer's name",
  model: "Device model",
  expiry_date: "Warranty end date",
  job_number: "Repair job number",
  shop_name: "Shop name",
  optout_link: "Opt-out link",
};
