/** The customer's public tracking page: `${publicUrl}/track/${token}` (one slash, token escaped). */
export function trackingUrl(publicUrl: string, token: string): string {
  const base = new URL(publicUrl);
  if (base.protocol !== "https:" && base.protocol !== "http:") throw new TypeError(`public URL must be http(s): ${publicUrl}`);
  const path = base.pathname.replace(/\/+$/, "");
  return `${base.origin}${path}/track/${encodeURIComponent(token)}`;
}

/**
 * A wa.me link that opens a chat with the shop's WhatsApp, pre-filled with "STATUS <job no>".
 * wa.me wants the number in international form without "+"; the text is query-encoded (%20 for spaces).
 */
export function whatsappStatusLink(whatsappE164: string, jobNumber: string): string {
  const digits = whatsappE164.replace(/[\s()-]/g, "").replace(/^\+/, "");
  if (!/^[1-9]\d{6,14}$/.test(digits)) throw new TypeError(`not an E.164 WhatsApp number: ${whatsappE164}`);
  const job = jobNumber.trim();
  if (!job) throw new TypeError("job number is empty");
  return `https://wa.me/${digits}?text=${encodeURIComponent(`STATUS ${job}`)}`;
}
