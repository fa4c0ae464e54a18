import type { NavItem } from "$lib/nav";

/** A palette action: opens a page. */
export interface PaletteCommand {
  id: string;
  label: string;
  href: string;
  group: "commands" | "pages";
}

export interface CommandLabels {
  newJob: string;
  openCounter: string;
  newQuotation: string;
}

/**
 * The commands (new job, the counter, new quotation) and "go to" every nav page, from the nav the
 * server already filtered by role: a command shows only when its page is one the role may open.
 */
export function paletteCommands(nav: readonly NavItem[], labels: CommandLabels): PaletteCommand[] {
  const has = (href: string) => nav.some((item) => item.href === href);
  const commands: PaletteCommand[] = [];
  if (has("/jobs/new")) commands.push({ id: "new-job", label: labels.newJob, href: "/jobs/new", group: "commands" });
  if (has("/pos")) commands.push({ id: "open-counter", label: labels.openCounter, href: "/pos", group: "commands" });
  if (has("/invoicing/quotations")) commands.push({ id: "new-quotation", label: labels.newQuotation, href: "/invoicing/quotations/new", group: "commands" });
  const pages = nav.map((item) => ({ id: `page:${item.href}`, label: item.label, href: item.href, group: "pages" as const }));
  return [...commands, ...pages];
}

const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The commands whose label holds every word typed (any case, accents ignored); all when nothing is typed. */
export function matchCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...commands];
  return commands.filter((command) => words.every((word) => folded(command.label).includes(word)));
}

/**
 * Ctrl+K (Cmd+K on a Mac) opens the palette: never while an input method is composing text
 * (Chinese, Japanese…, `isComposing` / key code 229), never on a held key's repeats. A barcode
 * scanner types characters and Enter without Ctrl, so the counter's scans never open it.
 */
export function opensPalette(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey" | "isComposing" | "keyCode" | "repeat">): boolean {
  if (event.isComposing || event.keyCode === 229 || event.repeat) return false;
  if (event.altKey || event.shiftKey || event.ctrlKey === event.metaKey) return false;
  return event.key.toLowerCase() === "k";
}
