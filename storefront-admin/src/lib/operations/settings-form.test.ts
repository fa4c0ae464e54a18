import { describe, expect, it } from "vitest";
import { hourLabel, parseSettings, postedSettings, settingsValues, type SettingsValues } from "./settings-form";

const base: SettingsValues = {
  backup_hour: "3",
  restore_test_weekday: "0",
  daily_retention_days: "30",
  external_retention_weeks: "12",
  external_endpoint: "",
  external_region: "",
  external_bucket: "",
  external_prefix: "",
  external_force_path_style: "",
};

describe("backup settings form", () => {
  it("turns the posted text into the route's body", () => {
    const r = parseSettings({ ...base, external_endpoint: " https://minio.local:9000 ", external_bucket: "shop-backups", external_region: "us-east-1", external_force_path_style: "on" });
    expect(r).toEqual({
      ok: true,
      patch: {
        backup_hour: 3,
        restore_test_weekday: 0,
        daily_retention_days: 30,
        external_retention_weeks: 12,
        external_endpoint: "https://minio.local:9000",
        external_region: "us-east-1",
        external_bucket: "shop-backups",
        external_prefix: null,
        external_force_path_style: true,
      },
    });
  });

  it("clears the external target when its fields are emptied", () => {
    const r = parseSettings(base);
    expect(r.ok && r.patch).toMatchObject({ external_endpoint: null, external_bucket: null, external_force_path_style: false });
  });

  it("refuses retention shorter than the minimums and names each field", () => {
    const r = parseSettings({ ...base, daily_retention_days: "6", external_retention_weeks: "3", backup_hour: "24", restore_test_weekday: "x" });
    expect(r).toEqual({
      ok: false,
      errors: { daily_retention_days: "At least 7", external_retention_weeks: "At least 4", backup_hour: "At most 23", restore_test_weekday: "Enter a weekday as a whole number" },
    });
  });

  it("refuses an endpoint that is not an http(s) address, and an endpoint without a bucket", () => {
    const r = parseSettings({ ...base, external_endpoint: "ftp://x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["external_bucket", "external_endpoint"]);
  });

  it("round-trips stored settings through the form", () => {
    const stored = {
      backup_hour: 2,
      restore_test_weekday: 6,
      daily_retention_days: 45,
      external_retention_weeks: 20,
      external_endpoint: null,
      external_region: null,
      external_bucket: null,
      external_prefix: "shop/",
      external_force_path_style: false,
    };
    const form = new FormData();
    for (const [k, v] of Object.entries(settingsValues(stored))) if (v !== "") form.set(k, v);
    const r = parseSettings(postedSettings(form));
    expect(r).toEqual({ ok: true, patch: stored });
  });

  it("labels hours in shop time", () => {
    expect([0, 3, 12, 23].map(hourLabel)).toEqual(["12:00 am", "3:00 am", "12:00 pm", "11:00 pm"]);
  });
});
