import { describe, expect, it } from "vitest";
import { canDeletePreset, canSeePreset, presetView } from "../domain/preset-rules";

const author = { id: "user_a", role: "cashier" as const };
const colleague = { id: "user_b", role: "technician" as const };
const manager = { id: "user_m", role: "manager" as const };
const owner = { id: "user_o", role: "owner" as const };

describe("filter preset rules", () => {
  it("shows a personal preset to its author only", () => {
    const personal = { owner_id: "user_a", shared: false };
    expect(canSeePreset(personal, author)).toBe(true);
    expect(canSeePreset(personal, colleague)).toBe(false);
    expect(canSeePreset(personal, manager)).toBe(false);
  });

  it("shows a shared preset to everyone", () => {
    const shared = { owner_id: "user_a", shared: true };
    for (const caller of [author, colleague, manager, owner]) expect(canSeePreset(shared, caller)).toBe(true);
  });

  it("lets the author, managers and owners delete a shared preset, nobody else", () => {
    const shared = { owner_id: "user_a", shared: true };
    expect(canDeletePreset(shared, author)).toBe(true);
    expect(canDeletePreset(shared, manager)).toBe(true);
    expect(canDeletePreset(shared, owner)).toBe(true);
    expect(canDeletePreset(shared, colleague)).toBe(false);
  });

  it("never lets a manager delete someone's personal preset", () => {
    expect(canDeletePreset({ owner_id: "user_a", shared: false }, manager)).toBe(false);
    expect(canDeletePreset({ owner_id: "user_m", shared: false }, manager)).toBe(true);
  });

  it("marks the caller's own presets and what they may delete", () => {
    expect(presetView({ owner_id: "user_a", shared: true, name: "Late" }, colleague)).toEqual({ owner_id: "user_a", shared: true, name: "Late", mine: false, can_delete: false });
    expect(presetView({ owner_id: "user_b", shared: false, name: "Mine" }, colleague)).toMatchObject({ mine: true, can_delete: true });
  });
});
