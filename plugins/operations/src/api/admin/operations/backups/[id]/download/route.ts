import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { MedusaError } from "@medusajs/framework/utils";
import { recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { requireBackup } from "../../../../../../modules/operations/sql/backups";
import { backupIdParam, OWNERS } from "../../../access";

/** Streams the encrypted backup file kept on this machine (404 when it is only in the external bucket). Audited. */
export const GET = staffRoute(OWNERS, async (req, res) => {
  const id = backupIdParam(req.params);
  const backup = await requireBackup(sqlConnection(req.scope), id);
  const dir = process.env.BACKUP_DIR;
  const file = dir ? path.join(dir, `${id}.vsbk`) : null;
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backup ${id} is not on this machine${backup.external ? " (it is in the external bucket)" : ""}`);
  }
  await recordAudit(req, {
    action: "operations.backup.download", entity: "operations_backup", entity_id: id,
    metadata: { bytes: info.size, sha256: backup.sha256, kind: backup.kind },
  });
  res.setHeader("content-type", "application/octet-stream");
  res.setHeader("content-length", String(info.size));
  res.setHeader("content-disposition", `attachment; filename="${id}.vsbk"`);
  res.setHeader("cache-control", "no-store");
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on("error", reject);
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
});
