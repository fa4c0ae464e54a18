import { DEFAULT_SHOP_SETTINGS } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { CommerceClient } from "../client.js";

const SECRET = "test-secret-0123456789abcdef";

function recordingFetch(status: number, body: unknown, seen: Request[]): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

const clientWith = (status: number, body: unknown, seen: Request[]) =>
  new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "owner" }, fetch: recordingFetch(status, body, seen) });

describe("shop settings", () => {
  it("reads the settings document", async () => {
    const seen: Request[] = [];
    const settings = await clientWith(200, { settings: DEFAULT_SHOP_SETTINGS }, seen).getShopSettings();
    expect(settings.tax.sst_rate_bp).toBe(800);
    expect(seen[0]!.method).toBe("GET");
    expect(seen[0]!.url).toBe("http://commerce/admin/settings");
  });

  it("posts a patch of one section and returns the whole document", async () => {
    const seen: Request[] = [];
    const saved = { ...DEFAULT_SHOP_SETTINGS, tax: { ...DEFAULT_SHOP_SETTINGS.tax, sst_rate_bp: 600 } };
    const settings = await clientWith(200, { settings: saved }, seen).updateShopSettings({ tax: { sst_rate_bp: 600 } });
    expect(settings.tax.sst_rate_bp).toBe(600);
    expect(settings.business.name).toBe(DEFAULT_SHOP_SETTINGS.business.name);
    expect(seen[0]!.method).toBe("POST");
    expect(await seen[0]!.json()).toEqual({ tax: { sst_rate_bp: 600 } });
  });

  it("refuses an answer that is not a settings document", async () => {
    const seen: Request[] = [];
    await expect(clientWith(200, { settings: { tax: {} } }, seen).getShopSettings()).rejects.toThrow();
  });
});
