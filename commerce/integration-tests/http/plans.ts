import type { MedusaContainer } from "@medusajs/framework/types";
import { rows, sqlConnection } from "@voltura/medusa-kit";

/** A node of Postgres's JSON query plan, as the scale suites read it. */
export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

/** The node and every node under it, depth first. */
export const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

/**
 * Runs the statement under EXPLAIN ANALYZE: its plan in a line, its time, how many sequential scans
 * of the `watched` tables it made, and the indexes it used.
 */
export async function explainPlan(c: MedusaContainer, statement: { sql: string; bindings: unknown[] }, watched: readonly string[]) {
  const [explained] = await rows(sqlConnection(c), `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.bindings);
  const [plan] = explained!["QUERY PLAN"] as Array<{ Plan: PlanNode; "Execution Time": number }>;
  const nodes = planNodes(plan!.Plan);
  return {
    described: nodes.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"] ?? ""}`.trim()).join(" > "),
    ms: plan!["Execution Time"],
    seqScans: nodes.filter((n) => n["Node Type"] === "Seq Scan" && watched.includes(n["Relation Name"] ?? "")).length,
    indexes: nodes.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])),
  };
}
