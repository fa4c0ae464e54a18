import { SHOP_TIME_ZONE, shopDate } from "./time.js";

export const CAMPAIGN_VARIABLES = ["nama", "model", "expiry_date", "job_number", "shop_name", "optout_link"] as const;
export type CampaignVariable = (typeof CAMPAIGN_VARIABLES)[number];

export type CampaignLanguage = "ms" | "en";
export type CampaignValue = string | number | Date | { sen: number } | null | undefined;

/**
 * A template is text with `{name}` variables and `{a|b|c}` spintax groups (nesting allowed, variables inside
 * groups allowed). Any other brace text (`{}`, `{ a }`, an unclosed `{`) stays as written.
 */
type TemplateNode =
  | { kind: "text"; text: string }
  | { kind: "variable"; name: string }
  | { kind: "group"; options: TemplateNode[][] };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

interface ParseResult {
  nodes: TemplateNode[];
  end: number;
}

/** Deeper spintax than this is read as plain text (no real message nests so far; it bounds the recursion). */
const MAX_GROUP_DEPTH = 16;

/** Positions of `{` that a later `}` closes (innermost first), found in one pass. */
function closedBraces(text: string): Set<number> {
  const open: number[] = [];
  const closed = new Set<number>();
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "{") open.push(i);
    else if (text[i] === "}" && open.length) closed.add(open.pop()!);
  }
  return closed;
}

/** A recursive-descent parse; unclosed braces are known up front, so the parse is linear. */
function parseTemplate(text: string): TemplateNode[] {
  const closed = closedBraces(text);

  function sequence(start: number, stops: string, depth: number): ParseResult {
    const nodes: TemplateNode[] = [];
    let literal = "";
    let i = start;
    const flush = () => {
      if (literal) nodes.push({ kind: "text", text: literal });
      literal = "";
    };
    while (i < text.length) {
      const ch = text[i]!;
      if (stops.includes(ch)) break;
      const braced = ch === "{" && closed.has(i) && depth < MAX_GROUP_DEPTH ? parseBraced(i, depth + 1) : null;
      if (braced) {
        flush();
        nodes.push(...braced.nodes);
        i = braced.end;
        continue;
      }
      literal += ch;
      i += 1;
    }
    flush();
    return { nodes, end: i };
  }

  /** `{…}` at `open`; null when it is not closed (the brace is then plain text). */
  function parseBraced(open: number, depth: number): ParseResult | null {
    const options: TemplateNode[][] = [];
    let i = open + 1;
    for (;;) {
      const option = sequence(i, "|}", depth);
      options.push(option.nodes);
      if (option.end >= text.length) return null;
      i = option.end + 1;
      if (text[option.end] === "}") break;
    }
    if (options.length > 1) return { nodes: [{ kind: "group", options }], end: i };
    const only = options[0]!;
    const name = only.length === 1 && only[0]!.kind === "text" ? only[0]!.text : null;
    if (name !== null && VARIABLE_NAME.test(name)) return { nodes: [{ kind: "variable", name }], end: i };
    return { nodes: [{ kind: "text", text: "{" }, ...only, { kind: "text", text: "}" }], end: i };
  }

  return sequence(0, "", 0).nodes;
}

function collectVariables(nodes: TemplateNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.kind === "variable") into.add(node.name);
    else if (node.kind === "group") for (const option of node.options) collectVariables(option, into);
  }
}

/** Every variable named in the template (in every spintax branch), in order of first appearance. */
export function variablesIn(template: string): string[] {
  const names = new Set<string>();
  collectVariables(parseTemplate(template), names);
  return [...names];
}

/** Variables that are not one of the standard ones: the custom fields a recipient list must supply. */
export function customVariablesIn(template: string): string[] {
  return variablesIn(template).filter((name) => !(CAMPAIGN_VARIABLES as readonly string[]).includes(name));
}

/** FNV-1a, 32 bit: a stable number from the seed text. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small deterministic generator (workflow-safe, unlike Math.random). */
function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function renderNodes(nodes: TemplateNode[], random: () => number, variable: (name: string) => string): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "variable") out += variable(node.name);
    else out += renderNodes(node.options[Math.floor(random() * node.options.length)]!, random, variable);
  }
  return out;
}

/** Picks one branch of every spintax group, the same for the same seed; variables stay as `{name}`. */
export function expandSpintax(text: string, seed: string): string {
  return renderNodes(parseTemplate(text), seededRandom(seed), (name) => `{${name}}`);
}

function countVariants(nodes: TemplateNode[]): number {
  let count = 1;
  for (const node of nodes) {
    if (node.kind === "group") count *= node.options.reduce((sum, option) => sum + countVariants(option), 0);
  }
  return count;
}

/** How many different texts the spintax can produce (1 when there is none). */
export function spintaxVariantCount(text: string): number {
  return countVariants(parseTemplate(text));
}

const MONTHS: Record<CampaignLanguage, readonly string[]> = {
  ms: ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November", "Disember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * "12 Januari 2027" / "12 January 2027". A Date is read in shop time; a "YYYY-MM-DD" text is that calendar date.
 * Month names come from a fixed table, so browsers and Temporal's sandbox print the same thing as Node.
 */
export function formatCampaignDate(value: Date | string, language: CampaignLanguage): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shopDate(new Date(value), SHOP_TIME_ZONE);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[language][m - 1]} ${y}`;
}

/** "RM 1,234.50" (the same in BM and EN); negative amounts as "-RM 5.00". */
export function formatCampaignMoney(sen: number): string {
  const whole = Math.round(Math.abs(sen));
  const ringgit = Math.floor(whole / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = String(whole % 100).padStart(2, "0");
  return `${sen < 0 && whole > 0 ? "-" : ""}RM ${ringgit}.${cents}`;
}

const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** One value as the recipient reads it; null when there is nothing to show. */
export function formatCampaignValue(value: CampaignValue, language: CampaignLanguage): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : formatCampaignDate(value, language);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "object") return Number.isFinite(value.sen) ? formatCampaignMoney(value.sen) : null;
  const text = value.trim();
  if (!text) return null;
  // Values stored as JSON carry dates as ISO text: they are shown as dates too.
  if (ISO_DATE_OR_TIME.test(text) && !Number.isNaN(Date.parse(text))) return formatCampaignDate(text, language);
  return value;
}

export interface RenderCampaignMessageInput {
  template: string;
  values: Record<string, CampaignValue>;
  fallbacks: Record<string, string>;
  language: CampaignLanguage;
  /** The spintax seed (the recipient id), so a retry renders the same text. */
  seed: string;
}

/**
 * The message one recipient gets: spintax expanded by the seed, variables filled (dates and money in the
 * recipient's language). `missing` lists the template's variables (in any branch) that had no value for
 * this recipient; their fallback was used, or nothing when there is none.
 */
export function renderCampaignMessage(input: RenderCampaignMessageInput): { text: string; missing: string[] } {
  const nodes = parseTemplate(input.template);
  const names = new Set<string>();
  collectVariables(nodes, names);
  const resolved = new Map<string, string>();
  const missing: string[] = [];
  for (const name of names) {
    const formatted = formatCampaignValue(input.values[name], input.language);
    if (formatted === null) missing.push(name);
    resolved.set(name, formatted ?? input.fallbacks[name] ?? "");
  }
  const text = renderNodes(nodes, seededRandom(input.seed), (name) => resolved.get(name) ?? "");
  return { text, missing };
}
