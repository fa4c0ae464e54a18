import { isTrackingToken } from "@voltura/domain";
import { type PublicTracking, publicTrackingAnswerSchema } from "@voltura/contracts";

/**
 * Reads the public tracking page's data (no staff token: the console's customer page calls this).
 * Null when the token is malformed or unknown.
 */
export async function fetchPublicTracking(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<PublicTracking | null> {
  if (!isTrackingToken(token)) return null;
  const res = await fetchImpl(new URL(`/public/track/${encodeURIComponent(token)}`, baseUrl), { headers: { accept: "application/json" } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Tracking lookup failed with HTTP ${res.status}`);
  return publicTrackingAnswerSchema.parse(await res.json()).tracking;
}
