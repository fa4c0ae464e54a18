import { describe, expect, it } from "vitest";
import { describeMessageContext } from "./context";

describe("describeMessageContext", () => {
  it("links a record id instead of showing it", () => {
    expect(describeMessageContext("quote", "rjob_01JABC")).toEqual({ label: "Repair quote", number: null, link: { href: "/jobs/rjob_01JABC", label: "Open the job" } });
    expect(describeMessageContext("campaign", "camp_01X")?.link?.href).toBe("/campaigns/camp_01X");
  });

  it("shows a document number staff recognise", () => {
    expect(describeMessageContext("reminder", "QUO-2026-000007")).toEqual({ label: "Reminder", number: "QUO-2026-000007", link: null });
    expect(describeMessageContext("reminder", "pickup:VSH-2026-000042:day20")?.number).toBe("VSH-2026-000042");
  });

  it("hides any other internal reference", () => {
    expect(describeMessageContext("alert", "optout:+60123456789")).toEqual({ label: "Shop alert", number: null, link: null });
    expect(describeMessageContext("campaign", "crcp_01ABC")).toEqual({ label: "Campaign", number: null, link: null });
  });

  it("says nothing for an inbound message", () => {
    expect(describeMessageContext(null, null)).toBeNull();
  });
});
