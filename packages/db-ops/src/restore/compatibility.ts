import type { BackupManifest } from "../manifest.js";

interface ParsedVersion { core: [number, number, number]; prerelease: string[] }

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(version: string): ParsedVersion | null {
  const m = SEMVER.exec(version.trim());
  if (!m) return null;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], prerelease: m[4] ? m[4].split(".") : [] };
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a), bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semantic-version order: -1, 0 or 1. A release ranks above its prereleases; build metadata is ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a), pb = parseVersion(b);
  if (!pa || !pb) throw new Error(`not a semantic version: ${!pa ? a : b}`);
  for (let i = 0; i < 3; i++) {
    const d = Math.sign(pa.core[i]! - pb.core[i]!);
    if (d !== 0) return d;
  }
  if (pa.prerelease.length === 0 || pb.prerelease.length === 0) return Math.sign(pb.prerelease.length - pa.prerelease.length);
  for (let i = 0; i < Math.max(pa.prerelease.length, pb.prerelease.length); i++) {
    const x = pa.prerelease[i], y = pb.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = compareIdentifiers(x, y);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * May this backup go into this app? Refused when it was made by a newer version, or holds migrations the
 * live database has not applied (a newer schema this code does not know). An older backup is fine: the
 * migrations it lacks are returned so the restore runs them on the new database before the swap.
 */
export function checkCompatibility(
  manifest: Pick<BackupManifest, "appVersion" | "migrations">,
  live: { appVersion: string; migrations: string[] },
): { ok: true; pendingMigrations: string[] } | { ok: false; reason: string } {
  if (!parseVersion(manifest.appVersion)) return { ok: false, reason: `the backup's app version "${manifest.appVersion}" is not a version number` };
  if (!parseVersion(live.appVersion)) return { ok: false, reason: `this app's version "${live.appVersion}" is not a version number` };
  if (compareVersions(manifest.appVersion, live.appVersion) > 0) {
    return { ok: false, reason: `the backup was made by version ${manifest.appVersion}, newer than this app (${live.appVersion}): update the app first` };
  }
  const applied = new Set(live.migrations);
  const unknown = manifest.migrations.filter((name) => !applied.has(name));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : "");
    return { ok: false, reason: `the backup holds ${unknown.length} migration(s) this app has not applied (${shown}): update the app first` };
  }
  const inBackup = new Set(manifest.migrations);
  return { ok: true, pendingMigrations: live.migrations.filter((name) => !inBackup.has(name)).sort() };
}
