import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "../../routes/webhooks/whatsapp/cloud/+server";

vi.mock("./env", () => ({ getEnv: () => ({ MEDUSA_URL: "http://commerce.test:9000" }) }));

const upstream = vi.fn<typeof fetch>();

describe("/webhooks/whatsapp/cloud (Meta's webhook, forwarded to commerce)", () => {
  beforeEach(() => {
    upstream.mockReset();
    vi.stubGlobal("fetch", upstream);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("forwards the exact body bytes and the signature header, and answers what commerce answered", async () => {
    upstream.mockResolvedValue(new Response(JSON.stringify({ received: true }), { status: 200, headers: { "content-type": "application/json" } }));
    // Not re-encoded: spacing, key order and non-ASCII stay as Meta signed them.
    const body = '{"object":"whatsapp_business_account", "entry":[{"id":"1","changes":[{"value":{"text":"Terima kasih 👍"}}]}]}';
    const request = new Request("http://console.test/webhooks/whatsapp/cloud", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=abc123", cookie: "session=secret" },
    });
    const res = await POST({ request, url: new URL(request.url) } as never);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    const [target, init] = upstream.mock.calls[0]!;
    expect(String(target)).toBe("http://commerce.test:9000/webhooks/whatsapp/cloud");
    expect(Buffer.from(init!.body as ArrayBuffer).toString("utf8")).toBe(body);
    const headers = new Headers(init!.headers);
    expect(headers.get("x-hub-signature-256")).toBe("sha256=abc123");
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("cookie")).toBeNull();
  });

  it("passes the verification query through and relays a refusal as it is", async () => {
    upstream.mockResolvedValue(new Response("1158201444", { status: 200, headers: { "content-type": "text/plain" } }));
    const url = new URL("http://console.test/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=t0ken-of-shop&hub.challenge=1158201444");
    const res = await GET({ request: new Request(url), url } as never);
    expect(await res.text()).toBe("1158201444");
    expect(String(upstream.mock.calls[0]![0])).toBe("http://commerce.test:9000/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=t0ken-of-shop&hub.challenge=1158201444");

    upstream.mockResolvedValue(new Response(JSON.stringify({ type: "unauthorized" }), { status: 401, headers: { "content-type": "application/json" } }));
    const refused = await POST({ request: new Request("http://console.test/webhooks/whatsapp/cloud", { method: "POST", body: "{}" }), url } as never);
    expect(refused.status).toBe(401);
  });

  it("answers 503 when commerce cannot be reached, so Meta delivers again later", async () => {
    upstream.mockRejectedValue(new TypeError("fetch failed"));
    const request = new Request("http://console.test/webhooks/whatsapp/cloud", { method: "POST", body: "{}" });
    expect((await POST({ request, url: new URL(request.url) } as never)).status).toBe(503);
  });
});
