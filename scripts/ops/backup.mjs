#!/usr/bin/env node
// `npm run backup [-- --json]`: one manual backup (database + uploads + manifest, encrypted with the key
// ring's current backup key) into BACKUP_DIR, without commerce or Temporal. The console's catalog lists it
// after the worker's next sync. Exit 0 done, 1 failed.
import { parseArgs } from "node:util";
import { createBackup, newBackupId } from "@voltura/db-ops";
import { mb, operationsConfig } from "./ops-config.mjs";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } }, strict: true });

try {
  const { cfg } = await operationsConfig();
  const backupId = newBackupId("manual", new Date());
  if (!values.json) console.log(`Backing up ${new URL(cfg.databaseUrl).pathname.slice(1)} and ${cfg.uploadsDir} as ${backupId}…`);
  const record = await createBackup(cfg, { backupId, kind: "manual" });
  if (values.json) {
    console.log(JSON.stringify(record));
  } else {
    console.log(`Backup ${record.backupId}: ${record.tableCount} tables, ${record.rowCount} rows, ${record.uploadCount} uploads, ${mb(record.bytes)} encrypted (key ${record.keyId}), in ${Math.round(record.timings.totalMs / 100) / 10} s`);
    console.log(`File: ${cfg.backupDir}/${record.backupId}.vsbk. Keep the key ring (${cfg.keysFile}) somewhere else: without it no backup can be opened.`);
  }
} catch (error) {
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
