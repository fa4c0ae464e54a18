import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { CONVERSATION, TASK_QUEUES, type ConversationInput } from "@voltura/domain";

/** The platform's `temporal` module service, as far as the concierge uses it (resolved by key). */
export interface TemporalSignaller {
  signalWithStart(opts: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[]; signal: string; signalArgs: unknown[] }): Promise<void>;
}
export const TEMPORAL_MODULE_KEY = "temporal";

export interface ConversationSignal {
  phone: string;
  signal: (typeof CONVERSATION.signals)[keyof typeof CONVERSATION.signals];
  payload: Record<string, unknown>;
}

/** Signal-with-start of the chat's workflow `wa:<phone>`, shared by the subscriber and the handoff workflows. */
export async function signalConversation(temporal: TemporalSignaller, input: ConversationSignal): Promise<void> {
  const start: ConversationInput = { phone: input.phone };
  await temporal.signalWithStart({
    workflowType: CONVERSATION.workflowType,
    workflowId: CONVERSATION.workflowId(input.phone),
    taskQueue: TASK_QUEUES.repair,
    args: [start],
    signal: input.signal,
    signalArgs: [input.payload],
  });
}

/**
 * Tells the chat's workflow about a handoff change. The handoff row is the record staff work
 * from, so a Temporal outage is logged rather than failing the change (the workflow catches up on
 * the next message or signal).
 */
export const signalConversationStep = createStep("signal-conversation", async (input: ConversationSignal | null, { container }) => {
  if (!input) return new StepResponse(false);
  try {
    await signalConversation(container.resolve<TemporalSignaller>(TEMPORAL_MODULE_KEY), input);
    return new StepResponse(true);
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`concierge: could not signal ${CONVERSATION.workflowId(input.phone)} (${input.signal}): ${String(error)}`);
    return new StepResponse(false);
  }
});
