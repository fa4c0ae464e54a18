import { describe, expect, it } from "vitest";
import { jobsHref } from "./query";

describe("jobs list URL", () => {
  it("keeps every filter and the page", () => {
    expect(jobsHref({ q: "iphone", status: "pending", priority: "urgent", technician: "user_1", device: "phone", breached: true }, 2)).toBe(
      "/jobs?q=iphone&status=pending&priority=urgent&technician=user_1&device=phone&breached=1&page=2",
    );
  });

  it("drops empty filters and page 1", () => {
    expect(jobsHref({ q: "", status: null, breached: false }, 1)).toBe("/jobs");
  });
});
