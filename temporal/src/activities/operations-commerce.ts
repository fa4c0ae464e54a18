// Operations activities that only talk to commerce: settings, the audit chain, the archive runs.
import { getAuditChain, getOperationsSettings, runAuditArchive, startArchiveRun, type CommerceClient } from "@voltura/medusa-client";
import type { OperationsActivities } from "@voltura/workflows";
import { callCommerce, withHeartbeat } from "./operations-support.js";

/** A run moves at most this many batches per activity; the key carries a longer one on at the next start. */
const MAX_ARCHIVE_CALLS = 500;

type CommerceOperations = Pick<OperationsActivities, "readOperationsSettings" | "checkAuditChain" | "runArchive" | "runAuditArchive">;

export function createOperationsCommerceActivities(commerce: CommerceClient): CommerceOperations {
  return {
    async readOperationsSettings() {
      const s = await callCommerce("reading operations settings", () => getOperationsSettings(commerce));
      return { backupHour: s.backup_hour, restoreTestWeekday: s.restore_test_weekday, dailyRetentionDays: s.daily_retention_days, externalRetentionWeeks: s.external_retention_weeks };
    },

    async checkAuditChain() {
      const chain = await callCommerce("checking the audit chain", () => getAuditChain(commerce));
      return { ok: chain.ok, checked: chain.checked, firstBroken: chain.first_broken ? { id: chain.first_broken.id, seq: chain.first_broken.seq } : null };
    },

    async runArchive({ idempotencyKey }) {
      return withHeartbeat(async (beat) => {
        let moved = 0;
        for (let call = 1; ; call++) {
          const answer = await callCommerce(`archive run ${idempotencyKey}`, () => startArchiveRun(commerce, { idempotency_key: idempotencyKey }));
          moved += Object.values(answer.moved).reduce((sum, n) => sum + n, 0);
          beat(`${idempotencyKey}: ${moved} rows moved`);
          if (answer.done || call >= MAX_ARCHIVE_CALLS) return { runId: answer.run.id, moved, batches: answer.run.batches };
        }
      });
    },

    async runAuditArchive() {
      const answer = await callCommerce("archiving old audit rows", () => runAuditArchive(commerce));
      return { moved: answer.moved };
    },
  };
}
