import { describe, expect, it } from "vitest";
import { CommerceClient } from "../client.js";
import { fetchPublicTracking, publicTrackingAnswerSchema, updateRepairJobBodySchema } from "../repair-desk.js";
import { createRepairJobBodySchema, listRepairJobsQuerySchema } from "../repair-jobs.js";

const SECRET = "test-secret-0123456789abcdef";
const base = { customer: { name: "Aisyah", phone: "0123456789" }, device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Cracked screen" };

describe("createRepairJobBodySchema", () => {
  it("keeps old bodies valid and fills the new defaults", () => {
    const parsed = createRepairJobBodySchema.parse(base);
    expect(parsed).toMatchObject({ priority: "normal", accessories: [], deposit_sen: 0 });
    expect(parsed.imei_serial).toBeUndefined();
  });

  it("normalises the intake fields", () => {
    const parsed = createRepairJobBodySchema.parse({
      ...base, imei_serial: "35-209900-176148-1", colour: " Midnight ", accessories: ["charger", "Charger", "case"],
      condition_notes: "", deposit_sen: 5000, eta: "2026-11-26T18:00:00+08:00",
    });
    expect(parsed).toMatchObject({ imei_serial: "352099001761481", colour: "Midnight", accessories: ["charger", "case"], condition_notes: null, deposit_sen: 5000 });
  });

  it.each([
    [{ imei_serial: "490154203237519" }, "imei_serial"],
    [{ deposit_sen: -1 }, "deposit_sen"],
    [{ deposit_sen: 10.5 }, "deposit_sen"],
    [{ eta: "tomorrow" }, "eta"],
    [{ accessories: "charger" }, "accessories"],
  ])("refuses %j naming %s", (extra, field) => {
    const r = createRepairJobBodySchema.safeParse({ ...base, ...extra });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe("updateRepairJobBodySchema", () => {
  it("needs at least one field and refuses unknown ones", () => {
    expect(updateRepairJobBodySchema.safeParse({}).success).toBe(false);
    expect(updateRepairJobBodySchema.safeParse({ status: "delivered" }).success).toBe(false);
  });
  it("lets a field be cleared with null or blank", () => {
    expect(updateRepairJobBodySchema.parse({ eta: null, diagnosis: "  " })).toEqual({ eta: null, diagnosis: null });
  });
});

describe("listRepairJobsQuerySchema", () => {
  it("reads the desk filters from a query string", () => {
    expect(listRepairJobsQuerySchema.parse({ mine: "true", breached: "0", priority: "urgent", device_type: "laptop", technician_id: "user_1" }))
      .toMatchObject({ mine: true, breached: false, priority: "urgent", device_type: "laptop", technician_id: "user_1" });
    expect(listRepairJobsQuerySchema.safeParse({ mine: "yes" }).success).toBe(false);
  });
});

describe("public tracking", () => {
  const tracking = {
    job_number: "VSH-2026-000001", status: "in_progress", status_label: "In Progress", eta: null,
    updated_at: "2026-11-24T01:00:00.000Z", brand: "Apple", model: "iPhone 13", customer_first_name: "Aisyah",
  };
  it("refuses an answer carrying anything more (a phone number, say)", () => {
    expect(publicTrackingAnswerSchema.safeParse({ tracking }).success).toBe(true);
    expect(publicTrackingAnswerSchema.safeParse({ tracking: { ...tracking, customer_phone: "+60123456789" } }).success).toBe(false);
  });
  it("answers null for a malformed token without calling, and for a 404", async () => {
    let calls = 0;
    const notFound = (async () => { calls++; return new Response("{}", { status: 404 }); }) as typeof fetch;
    expect(await fetchPublicTracking("http://commerce", "../admin", notFound)).toBeNull();
    expect(calls).toBe(0);
    expect(await fetchPublicTracking("http://commerce", "a".repeat(43), notFound)).toBeNull();
    expect(calls).toBe(1);
  });
  it("parses a found job", async () => {
    const ok = (async () => new Response(JSON.stringify({ tracking }), { status: 200 })) as typeof fetch;
    expect(await fetchPublicTracking("http://commerce", "a".repeat(43), ok)).toEqual(tracking);
  });
});

describe("CommerceClient.uploadRepairJobPhotos", () => {
  it("sends multipart with files, tag and caption", async () => {
    const seen: Request[] = [];
    const photo = {
      id: "rjph_1", file_id: "f1", url: "http://x/f1.jpg", tag: "before", caption: "Front", mime_type: "image/jpeg",
      size_bytes: 3, taken_by: "Siti", taken_by_id: "u1", created_at: "2026-11-24T01:00:00.000Z",
    };
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response(JSON.stringify({ photos: [photo] }), { status: 201 });
    }) as typeof fetch;
    const client = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "technician" }, fetch: fetchImpl });
    const photos = await client.uploadRepairJobPhotos("rjob_1", [{ name: "front.jpg", type: "image/jpeg", data: new Uint8Array([0xff, 0xd8, 0xff]) }], { tag: "before", caption: "Front" });
    expect(photos[0]!.id).toBe("rjph_1");
    const form = await seen[0]!.formData();
    expect(form.get("tag")).toBe("before");
    expect(form.get("caption")).toBe("Front");
    expect((form.get("files") as File).name).toBe("front.jpg");
    expect(seen[0]!.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });
});
