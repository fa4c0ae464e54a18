/** WhatsApp's own text formatting, rendered as safe HTML for the message builder's live preview. */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A marker pair around text that starts and ends with a non-space, not glued to a word (as WhatsApp reads it). */
function inlineStyle(marker: string, tag: string): (text: string) => string {
  const m = marker === "*" ? "\\*" : marker;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?=$|[^\\p{L}\\p{N}${m}])`, "gu");
  return (text) => text.replace(pattern, (_all, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
}

const bold = inlineStyle("*", "strong");
const italic = inlineStyle("_", "em");
const strike = inlineStyle("~", "s");

/** Placeholders for ```mono``` blocks: a private-use character that is stripped from the input first. */
const PLACEHOLDER = /\uE000(\d+)\uE000/g;

function formatInline(line: string): string {
  return strike(italic(bold(line)));
}

type ListKind = "ul" | "ol";

/**
 * *bold* _italic_ ~strike~ ```mono``` (may span lines), "- " / "* " bulleted and "1. " numbered lists, and line
 * breaks. The text is escaped before any tag is added, so nothing in it can become markup.
 */
export function whatsappFormatToHtml(text: string): string {
  const monos: string[] = [];
  const escaped = escapeHtml(text.replace(/\uE000/g, "").replace(/\r\n?/g, "\n")).replace(/```([\s\S]+?)```/g, (_all, code: string) => {
    monos.push(`<code>${code.replace(/\n/g, "<br>")}</code>`);
    return `\uE000${monos.length - 1}\uE000`;
  });

  const out: string[] = [];
  let list: ListKind | null = null;
  let pendingBreak = false;
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of escaped.split("\n")) {
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = bullet ? null : /^\s*\d{1,3}\. (.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const kind: ListKind = bullet ? "ul" : "ol";
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${formatInline(item[1]!)}</li>`);
      pendingBreak = false;
      continue;
    }
    if (list) {
      closeList();
      pendingBreak = false;
    }
    if (pendingBreak) out.push("<br>");
    out.push(formatInline(line));
    pendingBreak = true;
  }
  closeList();
  return out.join("").replace(PLACEHOLDER, (_all, index: string) => monos[Number(index)] ?? "");
}
