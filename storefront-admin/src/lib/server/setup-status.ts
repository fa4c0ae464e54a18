import { type SetupStatus } from "@voltura/contracts";
import { getSetupStatus } from "@voltura/medusa-client";
import { commerceAs, SYSTEM_ACTOR } from "./commerce";

let setUp = false;

/**
 * Does the shop still need its first-run setup? Once commerce says no, the answer is kept for the
 * life of the process (a shop never becomes un-set-up). When commerce cannot be asked, the answer
 * is "no": the sign-in page shows, and says commerce is unreachable when someone tries.
 */
export async function setupStatus(ask: () => Promise<SetupStatus> = () => getSetupStatus(commerceAs(SYSTEM_ACTOR))): Promise<SetupStatus> {
  if (setUp) return { needed: false, token_required: false };
  try {
    const status = await ask();
    if (!status.needed) setUp = true;
    return status;
  } catch {
    return { needed: false, token_required: false };
  }
}

/** After this process completed the setup itself. */
export function markSetUp(): void {
  setUp = true;
}
