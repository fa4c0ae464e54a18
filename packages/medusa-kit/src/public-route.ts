import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";

export const PUBLIC_MARK = Symbol.for("voltura.route.public");

type PublicHandler = (req: MedusaRequest, res: MedusaResponse) => Promise<void> | void;
export type DeliberatelyPublicHandler = ((req: MedusaRequest, res: MedusaResponse) => Promise<void>) & { [PUBLIC_MARK]: true };

/**
 * Declares a route handler as deliberately public: no sign-in, no role. The route contract test
 * accepts it instead of a role list, so a public route is always a visible, reviewed choice. Use
 * it only outside /admin and /store, and answer nothing that is not meant for anyone with the URL.
 */
export function publicRoute(handler: PublicHandler): DeliberatelyPublicHandler {
  const wrapped = async (req: MedusaRequest, res: MedusaResponse) => {
    await handler(req, res);
  };
  return Object.assign(wrapped, { [PUBLIC_MARK]: true as const });
}

export function isPublicRoute(handler: unknown): boolean {
  return typeof handler === "function" && (handler as { [PUBLIC_MARK]?: unknown })[PUBLIC_MARK] === true;
}
