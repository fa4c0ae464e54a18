// One HTTP call to commerce as a staff member or service, with a freshly minted token. Never throws:
// the answer is { status, json } or, when no answer came (process down, connection reset, timeout),
// { status: 0, error } so the clients can tell "the server said no" from "nobody answered".
import { mintMedusaToken } from "@voltura/medusa-client";

export function apiCaller({ baseUrl, jwtSecret, timeoutMs = 60_000 }) {
  return async function call(actor, method, path, body) {
    const token = await mintMedusaToken(actor, jwtSecret);
    try {
      const res = await fetch(new URL(path, baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json = {};
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        json = { unparsed: text.slice(0, 200) };
      }
      return { status: res.status, json };
    } catch (err) {
      return { status: 0, json: null, error: err?.cause?.code ?? err?.name ?? String(err) };
    }
  };
}

/** The same call, throwing on anything but 2xx: for setup steps, where a refusal is a harness error. */
export async function mustCall(call, actor, method, path, body) {
  const answer = await call(actor, method, path, body);
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${method} ${path} → ${answer.status || answer.error}: ${JSON.stringify(answer.json)?.slice(0, 300)}`);
  }
  return answer.json;
}
