import { z } from "zod";
import { ANONYMISE_CONFIRMATION } from "../../../domain/archive-rules";

export const dataExportQuerySchema = z.object({ format: z.enum(["json", "pdf"], { error: "format must be json or pdf" }).default("json") });

export const anonymiseBodySchema = z.object({
  confirmation: z.literal(ANONYMISE_CONFIRMATION, { error: `confirmation must be the word ${ANONYMISE_CONFIRMATION}` }),
}).strict();

export const listDataRequestsQuerySchema = z.object({
  customer_id: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
