export interface KeystrokeEvent {
  /** KeyboardEvent.key: "A", "7", "Enter", "Shift" … */
  key: string;
  /** Timestamp in milliseconds (event.timeStamp or Date.now()). */
  at: number;
}

export interface KeystrokeClassifierOptions {
  /** Fewest characters before Enter that count as a scan. Default 6. */
  minChars?: number;
  /** Every gap between keys (Enter included) must be strictly below this. Default 35 ms. */
  maxIntervalMs?: number;
  /**
   * When set, the burst's average gap must also be strictly below this. Used with a looser
   * maxIntervalMs, it tolerates the odd late key event on a busy machine (a scanner's burst is
   * fast on average even when one event is delivered late) while people stay "typing".
   */
  maxAverageIntervalMs?: number;
}

/** Keys a scanner may press around a character (upper-case letters) that carry no character. */
const MODIFIER_KEYS = new Set(["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock"]);

/**
 * A USB barcode scanner is a keyboard that types the whole code in one burst (each key well under
 * 35 ms after the previous) and presses Enter. People type slower and unevenly, so any slow gap,
 * a missing Enter, an editing key (Backspace, arrows) or a short burst means "typing".
 */
export function classifyKeystrokes(events: readonly KeystrokeEvent[], options: KeystrokeClassifierOptions = {}): "scan" | "typing" {
  const minChars = options.minChars ?? 6;
  const maxIntervalMs = options.maxIntervalMs ?? 35;
  const keys = events.filter((e) => !MODIFIER_KEYS.has(e.key));
  const last = keys[keys.length - 1];
  if (!last || last.key !== "Enter") return "typing";
  const characters = keys.slice(0, -1);
  if (characters.length < minChars) return "typing";
  if (characters.some((e) => [...e.key].length !== 1)) return "typing";
  for (let i = 1; i < keys.length; i++) {
    const gap = keys[i]!.at - keys[i - 1]!.at;
    if (!Number.isFinite(gap) || gap < 0 || gap >= maxIntervalMs) return "typing";
  }
  if (options.maxAverageIntervalMs !== undefined) {
    const average = (last.at - keys[0]!.at) / (keys.length - 1);
    if (!(average < options.maxAverageIntervalMs)) return "typing";
  }
  return "scan";
}

/** The characters of a burst (modifiers and the final Enter dropped): the scanned code. */
export function keystrokeText(events: readonly KeystrokeEvent[]): string {
  return events.filter((e) => [...e.key].length === 1).map((e) => e.key).join("");
}
