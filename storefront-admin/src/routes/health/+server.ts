import { json } from "@sveltejs/kit";
import type { RequestHandler } from "./$types";

/** Liveness for the launcher and load balancers. Public (see ROUTE_ACCESS). */
export const GET: RequestHandler = () => json({ ok: true }, { headers: { "cache-control": "no-store" } });
