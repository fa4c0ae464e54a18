import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipResponse, shouldCompress } from "./compression";

const html = "<!doctype html><p>" + "Kerja pembaikan ".repeat(200) + "</p>";
const page = (type = "text/html", body: string | null = html, extra: Record<string, string> = {}) =>
  new Response(body, { headers: { "content-type": type, ...extra } });
const gzipOk = new Headers({ "accept-encoding": "gzip, deflate, br" });

describe("shouldCompress", () => {
  it("compresses pages and JSON data for a browser that accepts gzip", () => {
    expect(shouldCompress("GET", gzipOk, page())).toBe(true);
    expect(shouldCompress("GET", gzipOk, page("application/json; charset=utf-8"))).toBe(true);
  });
  it("leaves live updates, files, small or already encoded answers and HEAD requests alone", () => {
    expect(shouldCompress("GET", gzipOk, page("text/event-stream"))).toBe(false);
    expect(shouldCompress("GET", gzipOk, page("application/pdf"))).toBe(false);
    expect(shouldCompress("GET", gzipOk, page("text/html", "<p>ok</p>", { "content-length": "9" }))).toBe(false);
    expect(shouldCompress("GET", gzipOk, page("text/html", html, { "content-encoding": "br" }))).toBe(false);
    expect(shouldCompress("HEAD", gzipOk, page())).toBe(false);
    expect(shouldCompress("GET", gzipOk, page("text/html", null))).toBe(false);
  });
  it("follows what the browser accepts", () => {
    expect(shouldCompress("GET", new Headers(), page())).toBe(false);
    expect(shouldCompress("GET", new Headers({ "accept-encoding": "br, gzip;q=0" }), page())).toBe(false);
    expect(shouldCompress("GET", new Headers({ "accept-encoding": "identity, *;q=0.1" }), page())).toBe(true);
  });
});

describe("gzipResponse", () => {
  it("keeps status and headers, and the body decompresses to the same page", async () => {
    const original = page("text/html", html, { "x-frame-options": "DENY", "set-cookie": "a=1; Path=/" });
    const zipped = gzipResponse(new Response(original.body, { status: 404, headers: original.headers }));
    expect(zipped.status).toBe(404);
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(zipped.headers.get("x-frame-options")).toBe("DENY");
    expect(zipped.headers.get("set-cookie")).toBe("a=1; Path=/");
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(html.length / 5);
    expect(gunzipSync(bytes).toString("utf8")).toBe(html);
  });
});
