import { m } from "$lib/paraglide/messages.js";
import { labelsByCode } from "$lib/i18n/labels-by-code";
/** The WhatsApp formatting toolbar's edits on a textarea's text (pure, so they are unit-tested). */

export type FormatKind = "bold" | "italic" | "strike" | "mono" | "bullets" | "numbers";

export const FORMAT_BUTTONS: readonly { kind: FormatKind; readonly label: string; sample: string }[] = [
  { kind: "bold", get label() { return m.campaigns_fmt_bold(); }, sample: "*bold*" },
  { kind: "italic", get label() { return m.campaigns_fmt_italic(); }, sample: "_italic_" },
  { kind: "strike", get label() { return m.campaigns_fmt_strike(); }, sample: "~strike~" },
  { kind: "mono", get label() { return m.campaigns_fmt_mono(); }, sample: "```mono```" },
  { kind: "bullets", get label() { return m.campaigns_fmt_bullets(); }, sample: "- item" },
  { kind: "numbers", get label() { return m.campaigns_fmt_numbers(); }, sample: "1. item" },
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

export const VARIABLE_HINTS: Readonly<Record<string, string>> = labelsByCode({
  nama: m.campaigns_var_nama,
  model: m.campaigns_var_model,
  expiry_date: m.campaigns_var_expiry_date,
  job_number: m.campaigns_var_job_number,
  shop_name: m.campaigns_var_shop_name,
  optout_link: m.campaigns_var_optout_link,
});
