/** What a customer-page form action answered (see customers/[id]/+page.server.ts). */
export interface CustomerActionResult {
  action: "profile" | "tags" | "device" | "note" | "merge";
  message: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
  done: string | null;
}
