import { classifyKeystrokes, keystrokeText, type KeystrokeEvent } from "@voltura/pos-rules";

/**
 * A scanner burst: no gap of 120 ms or more and under 30 ms per key on average. The average (not
 * only the largest gap) decides, because a busy browser delivers the odd key event late even from
 * a scanner; people type at 80–250 ms per key.
 */
export const SCAN_TIMING = { maxIntervalMs: 120, maxAverageIntervalMs: 30 } as const;

/**
 * Collects keystrokes that reach the page outside any field, to tell a USB scanner's burst from a
 * person typing (pos-rules decides by timing). A pause of `pauseMs` or more starts a new burst.
 */
export class KeystrokeBuffer {
  private events: KeystrokeEvent[] = [];

  constructor(private readonly pauseMs = SCAN_TIMING.maxIntervalMs) {}

  /** Records a key (KeyboardEvent.key, event time in ms). */
  push(key: string, at: number): void {
    const last = this.events.at(-1);
    if (last && at - last.at >= this.pauseMs) this.events = [];
    this.events.push({ key, at });
  }

  /** Enter arrived: the scanned code when the burst was a scan, else null (the keys stay for typing). */
  finish(at: number): string | null {
    const burst = [...this.events, { key: "Enter", at }];
    if (classifyKeystrokes(burst, SCAN_TIMING) !== "scan") return null;
    this.events = [];
    return keystrokeText(burst);
  }

  /** The characters held so far (handed to the search box when it turns out to be typing). */
  text(): string {
    return keystrokeText(this.events);
  }

  get size(): number {
    return this.events.length;
  }

  clear(): void {
    this.events = [];
  }
}

/** True when the key event belongs to a field (the field handles it, not the counter's shortcuts). */
export function inEditableField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}
