/**
 * WhatsApp's customer-service window: for 24 hours after a customer's last message a business may
 * answer with anything; after that only an approved template. All times are UTC instants.
 */
export const SERVICE_WINDOW_MS = 24 * 3_600_000;

type Instant = Date | string | null | undefined;

function toDate(value: Instant): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** When the window that the customer's last inbound message opened closes; null when they never wrote. */
export function serviceWindowOpenUntil(lastInboundAt: Instant): Date | null {
  const last = toDate(lastInboundAt);
  return last ? new Date(last.getTime() + SERVICE_WINDOW_MS) : null;
}

/** True while less than 24 hours have passed since the customer's last inbound message (the closing instant is outside). */
export function isWindowOpen(lastInboundAt: Instant, now: Date): boolean {
  const until = serviceWindowOpenUntil(lastInboundAt);
  return until !== null && now.getTime() < until.getTime();
}
