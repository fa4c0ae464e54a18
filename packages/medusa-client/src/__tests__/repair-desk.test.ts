import { describe, expect, it } from "vitest";
import { CommerceClient } from "../client.js";
import { fetchPublicTracking } from "../repair-desk.js";

const SECRET = "test-secret-0123456789abcdef";

describe("public tracking", () => {
  const tracking = {
    job_number: "VSH-2026-000001", status: "in_progress", status_label: "In Progress", eta: null,
    updated_at: "2026-11-24T01:00:00.000Z", brand: "Apple", model: "iPhone 13", customer_first_name: "Aisyah",
  };
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
