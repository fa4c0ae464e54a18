import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { OutboxEntry } from "./message.js";

export const NOT_SENT_REASON = "not sent — SMTP not configured";

const entrySchema = z.object({
  id: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  created_at: z.string(),
  attachments: z.array(z.string()),
});

/** Writes the raw message as <id>.eml with a small JSON sidecar the console lists. */
export async function writeToOutbox(dir: string, entry: Omit<OutboxEntry, "status" | "reason">, raw: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${entry.id}.eml`), raw);
  await writeFile(path.join(dir, `${entry.id}.json`), JSON.stringify(entry, null, 2));
}

/** Messages waiting in the outbox, newest first. */
export async function listOutbox(dir: string): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const entries: OutboxEntry[] = [];
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const parsed = entrySchema.safeParse(JSON.parse(await readFile(path.join(dir, name), "utf8")));
    if (parsed.success) entries.push({ ...parsed.data, status: "not_sent", reason: NOT_SENT_REASON });
  }
  return entries.sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** The raw RFC 822 bytes of an outbox message (to download or resend). */
export async function readOutboxMessage(dir: string, id: string): Promise<Buffer> {
  if (!/^[\w.-]+$/.test(id)) throw new Error(`not an outbox id: ${id}`);
  return readFile(path.join(dir, `${id}.eml`));
}
