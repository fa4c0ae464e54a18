import type { ExecArgs } from "@medusajs/framework/types";

/**
 * Creates the concierge's pgvector table and indexes for the embedder in use. Run by the
 * migration step as the database owner, so the apps can run under a role without DDL rights.
 */
export default async function prepareKnowledge({ container }: ExecArgs): Promise<void> {
  const concierge = container.resolve<{ knowledgeStore(): Promise<{ embedder: string }> }>("concierge");
  const { embedder } = await concierge.knowledgeStore();
  console.log(`[knowledge] table ready for the ${embedder} embedder`);
}
