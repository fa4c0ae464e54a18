import { CommerceError, mintMedusaToken } from "@voltura/medusa-client";
import { getEnv } from "./env";
import type { SessionStaff } from "./session-store";

/**
 * A raw call to the commerce core as the signed-in staff member, for answers that are not JSON
 * (PDF documents) and bodies that are not JSON (multipart photo uploads). The token is minted
 * here, per call, and never reaches the browser. Throws CommerceError(503) when unreachable.
 */
export async function commerceFetch(staff: SessionStaff, path: string, init: RequestInit = {}): Promise<Response> {
  const env = getEnv();
  const token = await mintMedusaToken({ id: staff.id, role: staff.role, name: staff.name }, env.JWT_SECRET);
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  try {
    return await fetch(new URL(path, env.MEDUSA_URL), { ...init, headers });
  } catch (cause) {
    throw new CommerceError(503, `The commerce core is not reachable at ${env.MEDUSA_URL}`, "unavailable", cause);
  }
}

/** Commerce's error answer as a CommerceError (its JSON `message` when it has one). */
export async function commerceErrorFrom(res: Response): Promise<CommerceError> {
  const text = await res.text().catch(() => "");
  let body: unknown = text;
  let message = res.statusText || `Commerce answered ${res.status}`;
  try {
    body = JSON.parse(text);
    const m = (body as { message?: unknown }).message;
    if (typeof m === "string" && m) message = m;
  } catch {
    // not JSON: keep the status text
  }
  return new CommerceError(res.status, message, undefined, body);
}
