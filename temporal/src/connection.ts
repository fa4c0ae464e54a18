import { NativeConnection } from "@temporalio/worker";
import { ConfigError } from "./config.js";

export function temporalUnreachableMessage(address: string): string {
  return `Temporal is not reachable at ${address} — run \`npm run services\`, or set TEMPORAL_ADDRESS`;
}

/** Connects to the Temporal frontend, or fails with a message that says what to do. */
export async function connectToTemporal(address: string): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect({ address });
  } catch (cause) {
    const detail = cause instanceof Error ? ` (${cause.message})` : "";
    throw new ConfigError(`${temporalUnreachableMessage(address)}${detail}`, { cause });
  }
}
