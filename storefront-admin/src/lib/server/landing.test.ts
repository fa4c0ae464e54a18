import { describe, expect, it } from "vitest";
import { landingPage } from "./landing";

describe("landing page after sign-in", () => {
  it("sends technicians to their jobs and everyone else to the dashboard", () => {
    expect(landingPage("/", "technician")).toBe("/jobs/mine");
    expect(landingPage("/", "manager")).toBe("/");
    expect(landingPage("/", "cashier")).toBe("/");
  });

  it("keeps the page that was asked for", () => {
    expect(landingPage("/jobs/board", "technician")).toBe("/jobs/board");
  });
});
