import { readFileSync } from "node:fs";
import { moduleRequire } from "./module-require.mjs";

/**
 * Roboto (A5, A4) and Roboto Condensed (80 mm thermal), shipped by the @fontsource packages as WOFF
 * (pdfkit embeds WOFF correctly; its WOFF2 output renders blank). The files hold Fontsource's
 * "latin" subset: Basic Latin, Latin-1 (é, ñ, ü …), general punctuation (— · “ ” …), € and ™.
 */
export const FONT = {
  regular: "Roboto",
  bold: "Roboto-Bold",
  narrow: "RobotoCondensed",
  narrowBold: "RobotoCondensed-Bold",
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: "@fontsource/roboto/files/roboto-latin-400-normal.woff",
  [FONT.bold]: "@fontsource/roboto/files/roboto-latin-700-normal.woff",
  [FONT.narrow]: "@fontsource/roboto-condensed/files/roboto-condensed-latin-400-normal.woff",
  [FONT.narrowBold]: "@fontsource/roboto-condensed/files/roboto-condensed-latin-700-normal.woff",
};

const cache = new Map<FontName, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(moduleRequire.resolve(FONT_FILES[name]));
    cache.set(name, bytes);
  }
  return bytes;
}

// The unicode-range Fontsource declares for the latin subset (see @fontsource/roboto/latin.css).
const COVERED: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02bb, 0x02bc], [0x02c6, 0x02c6],
  [0x02da, 0x02da], [0x02dc, 0x02dc], [0x0304, 0x0304], [0x0308, 0x0308], [0x0329, 0x0329],
  [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2191, 0x2191], [0x2193, 0x2193],
  [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
];

export function fontCovers(codePoint: number): boolean {
  return COVERED.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * Makes text printable with the embedded fonts: control characters become spaces, letters the
 * font lacks fall back to their unaccented form (ş → s, ă → a). Characters with no such form
 * (CJK, Tamil) are kept; they print as empty boxes but stay in the PDF's text layer.
 */
export function printable(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a) out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else if (fontCovers(code)) out += char;
    else {
      const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
      out += base.length > 0 && [...base].every((c) => fontCovers(c.codePointAt(0)!)) ? base : char;
    }
  }
  return out;
}
