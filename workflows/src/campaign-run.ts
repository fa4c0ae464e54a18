import { ApplicationFailure, continueAsNew, proxyActivities, sleep } from "@temporalio/workflow";
import { campaignRunInputSchema, type CampaignRunInput, type CampaignRunResult } from "@voltura/domain";
import type { CampaignActivities, CampaignProgress } from "./activities/campaigns.js";
import { FINISHED_CAMPAIGN_STATUSES, nextPollDelayMs, RUN_POLL_MIN_MS, RUN_POLLS_PER_HISTORY } from "./campaign-definitions.js";
import { parseFlowInput } from "./repair-flows-support.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

const campaigns = proxyActivities<CampaignActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute" },
});

/**
 * Polls without progress after which the run makes sure every sender's pacer is running; the next
 * check waits twice as long (a sender with nothing left idles out again, and a timelocked sibling
 * may hold the run for days).
 */
const STALLED_POLLS_BEFORE_ENSURE = 2;

/**
 * One run of a campaign (id `campaign-<id>-r<n>`): wakes the pacer of each of its senders
 * (signal-with-start), then watches progress until nothing is left (commerce then completes the
 * run) or the campaign is cancelled. Sending is the pacers' work; a pacer that ended while the run
 * still had work (it idled an hour during a pause) is started again when progress stalls.
 */
export async function campaignRun(rawInput: CampaignRunInput): Promise<CampaignRunResult> {
  const input = parseFlowInput(campaignRunInputSchema, rawInput, "campaign run");
  const ask = () => campaigns.campaignProgress({ campaignId: input.campaignId, runNo: input.runNo });
  let progress: CampaignProgress = await ask();
  const sessionIds = input.sessionIds ?? progress.sessionIds ?? [];
  if (sessionIds.length === 0 && !progress.done) {
    throw ApplicationFailure.nonRetryable(`Campaign ${input.campaignId} has no sender to send from`, "CampaignWithoutSender");
  }
  const firstRun = input.polls === 0;
  if (firstRun && !progress.done) await campaigns.wakeCampaignPacers({ sessionIds, mode: "wake", reason: "launch" });

  let polls = input.polls;
  let pollsThisRun = 0;
  let delayMs = RUN_POLL_MIN_MS;
  let stalled = 0;
  let ensureAfter = STALLED_POLLS_BEFORE_ENSURE;
  const finished = () => progress.done || FINISHED_CAMPAIGN_STATUSES.includes(progress.status);
  while (!finished()) {
    if (pollsThisRun >= RUN_POLLS_PER_HISTORY) {
      await continueAsNew<typeof campaignRun>({ campaignId: input.campaignId, runNo: input.runNo, sessionIds, polls });
    }
    const before = progress.remaining;
    const sleptAt = Date.now();
    await sleep(delayMs);
    progress = await ask();
    polls++;
    pollsThisRun++;
    delayMs = nextPollDelayMs(before, progress.remaining, Date.now() - sleptAt, delayMs);
    if (progress.remaining < before) {
      stalled = 0;
      ensureAfter = STALLED_POLLS_BEFORE_ENSURE;
    } else if (++stalled >= ensureAfter && !finished() && progress.status === "running") {
      await campaigns.wakeCampaignPacers({ sessionIds, mode: "ensure", reason: "stalled" });
      stalled = 0;
      ensureAfter *= 2;
    }
  }
  return { campaignId: input.campaignId, runNo: input.runNo, status: progress.status, remaining: progress.remaining, polls };
}
