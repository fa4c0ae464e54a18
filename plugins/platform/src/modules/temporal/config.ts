import { z } from "zod";

export const temporalConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(3).default("127.0.0.1:7233"),
  TEMPORAL_NAMESPACE: z.string().min(1).default("voltura"),
});
export type TemporalConfig = z.infer<typeof temporalConfigSchema>;

export function readTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const parsed = temporalConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Temporal settings are invalid: ${parsed.error.message}`);
  return parsed.data;
}
