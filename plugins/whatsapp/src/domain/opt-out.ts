/** Words that, sent alone, mean "stop messaging me" (EN and BM). */
const OPT_OUT_WORDS = new Set(["stop", "berhenti", "unsubscribe", "stop all", "henti"]);
/** Words that undo an opt-out when sent alone. */
const OPT_IN_WORDS = new Set(["start", "mula", "subscribe"]);

function bare(body: string): string {
  return body
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s.!?,;:'"()*_~-]+/g, " ")
    .trim();
}

/** True when the whole message is an opt-out word ("STOP", "berhenti!", " Unsubscribe "). */
export function isOptOutMessage(body: string): boolean {
  return OPT_OUT_WORDS.has(bare(body));
}

/** True when the whole message asks to hear from the shop again ("START", "mula"). */
export function isOptInMessage(body: string): boolean {
  return OPT_IN_WORDS.has(bare(body));
}

/** Reminders and campaign messages are what an opted-out contact does not get; replies and documents still go. */
export function blockedByOptOut(contextKind: string | null | undefined, optedOutAt: Date | string | null | undefined): boolean {
  return Boolean(optedOutAt) && (contextKind === "reminder" || contextKind === "campaign");
}
