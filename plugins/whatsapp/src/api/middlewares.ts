import { defineMiddlewares } from "@medusajs/framework/http";

/**
 * Meta signs the exact bytes of a Cloud API webhook (X-Hub-Signature-256): the JSON parser keeps them
 * on `req.rawBody` for this route.
 */
export default defineMiddlewares({
  routes: [{ method: ["POST"], matcher: "/webhooks/whatsapp/cloud", bodyParser: { preserveRawBody: true, sizeLimit: "3mb" } }],
});
