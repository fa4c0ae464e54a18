import { z } from "zod";

/** The list pages a preset may belong to (the console's data tables). */
export const FILTER_PRESET_LISTS = ["jobs", "customers", "pos_sales", "quotations", "invoices", "inventory", "audit"] as const;
export const filterPresetListSchema = z.enum(FILTER_PRESET_LISTS);
export type FilterPresetList = z.infer<typeof filterPresetListSchema>;

/** A query string of a list page (`status=pending&sort=-created_at`): no `?`, no fragment, printable text. */
const presetQuerySchema = z
  .string()
  .trim()
  .max(2000)
  .refine((q) => !q.startsWith("?") && !q.includes("#"), "must be a query string without ? or #")
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((q) => !/[\u0000-\u001f\u007f]/.test(q), "must not contain control characters");

/** A saved filter / sort of one list: personal (only its author sees it) or shared with the shop. */
export const filterPresetSchema = z.object({
  id: z.string(),
  list: filterPresetListSchema,
  name: z.string(),
  query: z.string(),
  owner_id: z.string(),
  shared: z.boolean(),
  /** True when the caller wrote it. */
  mine: z.boolean(),
  /** Own presets; a shared one also for owners and managers. */
  can_delete: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type FilterPreset = z.infer<typeof filterPresetSchema>;

export const listFilterPresetsQuerySchema = z.object({ list: filterPresetListSchema });

export const createFilterPresetBodySchema = z.object({
  list: filterPresetListSchema,
  name: z.string().trim().min(1, "name is required").max(80),
  query: presetQuerySchema,
  shared: z.boolean().default(false),
}).strict();
export type CreateFilterPresetBody = z.input<typeof createFilterPresetBodySchema>;

export const filterPresetListAnswerSchema = z.object({ presets: z.array(filterPresetSchema) });
export const filterPresetAnswerSchema = z.object({ preset: filterPresetSchema });
export const deletedFilterPresetSchema = z.object({ id: z.string(), deleted: z.literal(true) });
