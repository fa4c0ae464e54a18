import { defineMiddlewares } from "@medusajs/framework/http";
import { parsePhotoUpload } from "./photo-upload";

/** Multipart photo uploads (the platform plugin's /admin/* actor guard runs for these too). */
export default defineMiddlewares({
  routes: [{ method: ["POST"], matcher: "/admin/repair-jobs/:id/photos", middlewares: [parsePhotoUpload] }],
});
