import type { NativeConnection } from "@temporalio/worker";
import Long from "long";

type RegisterNamespaceRequest = Parameters<NativeConnection["workflowService"]["registerNamespace"]>[0];

/** The one call this needs, so tests can pass a stand-in for the workflow service. */
export interface NamespaceRegistrar {
  registerNamespace(request: RegisterNamespaceRequest): Promise<unknown>;
}

/** gRPC status ALREADY_EXISTS: another worker (or the dev server's --namespace) made it first. */
const GRPC_ALREADY_EXISTS = 6;

/** How long Temporal keeps closed workflows (a closed job's history stays visible in the UI). */
export const NAMESPACE_RETENTION_DAYS = 30;

function isAlreadyExists(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === GRPC_ALREADY_EXISTS;
}

/** Registers the namespace unless it exists. Safe to call on every start. */
export async function ensureNamespace(
  service: NamespaceRegistrar,
  namespace: string,
): Promise<"created" | "existed"> {
  try {
    await service.registerNamespace({
      namespace,
      description: "Voltura Service Hub",
      workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(NAMESPACE_RETENTION_DAYS * 24 * 60 * 60) },
    });
    return "created";
  } catch (error) {
    if (isAlreadyExists(error)) return "existed";
    throw error;
  }
}
