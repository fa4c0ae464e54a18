import { describe, expect, it } from "vitest";
import { DEFAULT_PICKUP_REMINDERS } from "@voltura/domain";
import type { PickupReminderTarget } from "./activities/repair-flows.js";
import { pickupReminderKey, pickupReminderMessage, pickupSchedule, renderPickupTemplate } from "./pickup-reminders-schedule.js";

const completedAt = "2026-03-01T06:30:00.000Z";
const DAY = 86_400_000;

describe("pickupSchedule", () => {
  it.each([
    { days: [1, 20, 30], expected: [1, 20, 30] },
    { days: [30, 1, 20, 20], expected: [1, 20, 30] },
    { days: [], expected: [] },
    { days: [0, -2, 1.5, 7], expected: [7] },
  ])("sends days $days as $expected", ({ days, expected }) => {
    const schedule = pickupSchedule(completedAt, days);
    expect(schedule.map((r) => r.day)).toEqual(expected);
    for (const r of schedule) expect(r.atMs - Date.parse(completedAt)).toBe(r.day * DAY);
  });
});

describe("pickup texts", () => {
  const target: PickupReminderTarget = {
    jobNumber: "VSH-2026-000123",
    jobStatus: "completed",
    phone: "+60123456789",
    customerName: "Lim Wei Ming",
    device: "Samsung Galaxy A54",
    shopName: "Voltura Demo Repair",
  };

  it("fills the four variables and leaves unknown ones as typed", () => {
    const values = { nama: "Lim", model: "Galaxy A54", job_number: "VSH-1", shop_name: "Voltura" };
    expect(renderPickupTemplate("{nama}: {model} {job_number} @ {shop_name} {other}", values)).toBe("Lim: Galaxy A54 VSH-1 @ Voltura {other}");
  });

  it("sends BM then EN in one message", () => {
    const text = pickupReminderMessage(DEFAULT_PICKUP_REMINDERS, target);
    const [bm, en] = text.split("\n\n");
    expect(bm).toBe("Salam Lim, Samsung Galaxy A54 anda (kerja VSH-2026-000123) sudah siap dan boleh diambil di Voltura Demo Repair. Sila bawa slip penerimaan anda. Terima kasih!");
    expect(en).toMatch(/^Hi Lim, your Samsung Galaxy A54 \(job VSH-2026-000123\) is ready for pickup at Voltura Demo Repair\./);
  });

  it("keys each day's reminder", () => {
    expect(pickupReminderKey("rj_9", 20)).toBe("pickup:rj_9:day20");
  });
});
