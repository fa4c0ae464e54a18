import type { Sen } from "@voltura/domain";

/** Throws unless the value is a safe integer (money is integer sen, never a float). */
export function assertSen(value: number, field: string): asserts value is Sen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${field} must be an integer number of sen, got ${value}`);
}
