import type { MedusaContainer } from "@medusajs/framework/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkMediaUrl, hostAllowed } from "../modules/whatsapp/gateway/media-source";
import { mediaAllowedHosts, platformOrigins, simulatorEnabled } from "../modules/whatsapp/gateway/settings";

/** A file module that knows one stored file, as the local provider serves it. */
function containerWithFile(key: string, url: string): MedusaContainer {
  const retrieveFile = async (id: string) => {
    if (id !== key) throw new Error(`File with key ${id} not found`);
    return { id, url };
  };
  // A fake container: the code under test resolves only the file module from it.
  return { resolve: () => ({ retrieveFile }) } as unknown as MedusaContainer;
}

const stored = containerWithFile("1733-receipt-RCP-2026-000001.pdf", "http://127.0.0.1:9000/static/1733-receipt-RCP-2026-000001.pdf");

describe("WHATSAPP_SIMULATOR", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["on", true],
    ["off", false],
    ["OFF", false],
    ["false", false],
    ["0", false],
  ])("%s → simulator on: %s", (value, on) => {
    expect(simulatorEnabled({ WHATSAPP_SIMULATOR: value })).toBe(on);
  });
});

describe("media sources", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads the allowlist and the platform origins from configuration", () => {
    expect(mediaAllowedHosts({ WHATSAPP_MEDIA_ALLOWED_HOSTS: " cdn.example.com, 10.0.0.5:8080 ,," })).toEqual(["cdn.example.com", "10.0.0.5:8080"]);
    expect(mediaAllowedHosts({})).toEqual([]);
    expect(platformOrigins({ MEDUSA_URL: "http://commerce:9000", FILE_BACKEND_URL: "http://commerce:9000/static" })).toEqual(["http://commerce:9000"]);
    expect(platformOrigins({})).toEqual(["http://127.0.0.1:9000"]);
  });

  it.each([
    ["https://cdn.example.com/a.jpg", ["cdn.example.com"], true],
    ["https://cdn.example.com:8443/a.jpg", ["cdn.example.com"], true],
    ["http://10.0.0.5:8080/a.jpg", ["10.0.0.5:8080"], true],
    ["http://10.0.0.5:9090/a.jpg", ["10.0.0.5:8080"], false],
    ["https://evil.example.com/a.jpg", ["example.com"], false],
  ])("%s with %j allowed: %s", (url, allowed, ok) => {
    expect(hostAllowed(new URL(url), allowed)).toBe(ok);
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", "only files uploaded to the shop"],
    ["http://127.0.0.1:55432/", "only files uploaded to the shop"],
    ["http://localhost:9000/admin/users", "only files uploaded to the shop"],
    ["http://127.0.0.1:9000/static/other-file.pdf", "only files uploaded to the shop"],
    ["http://127.0.0.1:9000/static/..%2F..%2Fetc%2Fpasswd", "only files uploaded to the shop"],
    ["file:///etc/passwd", "must be an http(s) URL"],
    ["gopher://127.0.0.1:6379/_INFO", "must be an http(s) URL"],
    ["http://user:pw@cdn.example.com/a.jpg", "must not carry credentials"],
    ["not a url", "is not a URL"],
  ])("refuses %s", async (url, reason) => {
    vi.stubEnv("WHATSAPP_MEDIA_ALLOWED_HOSTS", "");
    const verdict = await checkMediaUrl(stored, url);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.reason).toContain(reason);
  });

  it("accepts the shop's stored files, its document links and listed hosts", async () => {
    vi.stubEnv("WHATSAPP_MEDIA_ALLOWED_HOSTS", "cdn.example.com");
    vi.stubEnv("MEDUSA_URL", "http://127.0.0.1:9000");
    await expect(checkMediaUrl(stored, "http://127.0.0.1:9000/static/1733-receipt-RCP-2026-000001.pdf")).resolves.toMatchObject({ ok: true, source: "file" });
    await expect(checkMediaUrl(stored, "http://127.0.0.1:9000/public/sales-documents/abc.def")).resolves.toMatchObject({ ok: true, source: "document_link" });
    await expect(checkMediaUrl(stored, "https://cdn.example.com/promo.jpg")).resolves.toMatchObject({ ok: true, source: "allowed_host" });
    // The same document path on another origin is not the shop's.
    await expect(checkMediaUrl(stored, "http://10.0.0.9/public/sales-documents/abc.def")).resolves.toMatchObject({ ok: false });
  });
});
