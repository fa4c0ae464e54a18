// What the restore uses from the backup side of this package, in one place.
export { createBackup } from "../backup.js";
export { compareFingerprints, fingerprintDatabase } from "../fingerprint.js";
export { newBackupId, type BackupManifest, type TableFingerprint } from "../manifest.js";
export { appliedMigrations } from "../migrations-list.js";
export { openBackup } from "../open-backup.js";
export { compareWithManifest, restoreDumpInto } from "../restore-dump.js";
export { readLocalSidecar } from "../storage.js";
