import { describe, expect, it } from "vitest";
import { isWindowOpen, serviceWindowOpenUntil } from "../domain/service-window";

const now = new Date("2026-12-07T08:00:00.000Z");
const hoursBefore = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("the 24-hour customer-service window", () => {
  it("closes 24 hours after the customer's last inbound message", () => {
    expect(serviceWindowOpenUntil("2026-12-06T09:30:00.000Z")?.toISOString()).toBe("2026-12-07T09:30:00.000Z");
    expect(serviceWindowOpenUntil(new Date("2026-12-06T09:30:00+08:00"))?.toISOString()).toBe("2026-12-07T01:30:00.000Z");
  });

  it("is open inside the 24 hours, closed at the instant they end and after", () => {
    expect(isWindowOpen(hoursBefore(0), now)).toBe(true);
    expect(isWindowOpen(hoursBefore(23.99), now)).toBe(true);
    expect(isWindowOpen(hoursBefore(24), now)).toBe(false);
    expect(isWindowOpen(hoursBefore(24.01), now)).toBe(false);
    expect(isWindowOpen(new Date(now.getTime() - 24 * 3_600_000 + 1), now)).toBe(true);
  });

  it("is closed for a customer who never wrote, or an unreadable time", () => {
    expect(serviceWindowOpenUntil(null)).toBeNull();
    expect(serviceWindowOpenUntil(undefined)).toBeNull();
    expect(serviceWindowOpenUntil("not a date")).toBeNull();
    expect(isWindowOpen(null, now)).toBe(false);
    expect(isWindowOpen("garbage", now)).toBe(false);
  });

  it("counts in UTC instants whatever the offset the time was written with (Asia/Kuala_Lumpur midnight)", () => {
    const kl = "2026-12-07T00:00:00+08:00"; // 2026-12-06T16:00Z
    expect(isWindowOpen(kl, new Date("2026-12-07T15:59:59.999Z"))).toBe(true);
    expect(isWindowOpen(kl, new Date("2026-12-07T16:00:00.000Z"))).toBe(false);
  });
});
