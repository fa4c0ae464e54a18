import { realpathSync } from "node:fs";
import path from "node:path";
import { vaultSecret } from "@voltura/keyring";
import { mailerConfigSchema, type MailerConfig } from "./message.js";

/**
 * Reads SMTP_URL, MAIL_FROM and MAIL_OUTBOX_DIR. SMTP is used only when both SMTP_URL and
 * MAIL_FROM are set; otherwise mail goes to the outbox (default `.data/outbox` under the cwd),
 * which must not lie inside a folder the commerce server publishes.
 */
export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): MailerConfig {
  const blank = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
  const outboxDir = path.resolve(cwd, blank(env.MAIL_OUTBOX_DIR) ?? ".data/outbox");
  assertOutboxNotPublic(outboxDir, publicDirs(cwd));
  return mailerConfigSchema.parse({ smtpUrl: blank(env.SMTP_URL), from: blank(env.MAIL_FROM), outboxDir });
}

/**
 * The configuration at send time: the SMTP URL owners set in the console (the vault's `smtp_url`)
 * wins over SMTP_URL. The sender is MAIL_FROM, else the URL's user name when it is an email address.
 * A vault value that is not an SMTP URL is ignored (reported through `onVaultError`).
 */
export async function resolveMailerConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  onVaultError: (error: unknown) => void = (error) => console.warn(`[mailer] vault smtp_url unusable, using SMTP_URL: ${String(error)}`),
): Promise<MailerConfig> {
  const config = mailerConfigFromEnv(env, cwd);
  const smtpUrl = await vaultSecret("smtp_url", onVaultError);
  if (!smtpUrl) return config;
  const parsed = mailerConfigSchema.safeParse({ ...config, smtpUrl, from: config.from ?? senderFromSmtpUrl(smtpUrl) });
  if (!parsed.success) {
    onVaultError(new Error("the vault's smtp_url is not an smtp:// or smtps:// URL"));
    return config;
  }
  return parsed.data;
}

/** `smtp://shop%40example.com:pw@host` → `shop@example.com`; undefined when the user is not an address. */
export function senderFromSmtpUrl(smtpUrl: string): string | undefined {
  try {
    const user = decodeURIComponent(new URL(smtpUrl).username);
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(user) ? user : undefined;
  } catch {
    return undefined;
  }
}

export function smtpConfigured(config: MailerConfig): boolean {
  return Boolean(config.smtpUrl && config.from);
}

/** The path, and where it really points when it (or a parent) is a symbolic link. */
function realForms(dir: string): string[] {
  const forms = [path.resolve(dir)];
  let existing = forms[0]!;
  let rest = "";
  while (existing !== path.dirname(existing)) {
    try {
      forms.push(path.join(realpathSync(existing), rest));
      break;
    } catch {
      rest = path.join(path.basename(existing), rest);
      existing = path.dirname(existing);
    }
  }
  return [...new Set(forms)];
}

/** Folders served to anyone by commerce: Medusa publishes `<cwd>/static` at /static (local file provider). */
export function publicDirs(cwd: string = process.cwd()): string[] {
  return realForms(path.join(cwd, "static"));
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Unsent mail carries invoices and receipts: it must never be reachable under /static. */
export function assertOutboxNotPublic(outboxDir: string, publicFolders: readonly string[]): void {
  for (const outbox of realForms(outboxDir)) {
    for (const folder of publicFolders) {
      if (isInside(outbox, folder)) {
        throw new Error(
          `MAIL_OUTBOX_DIR (${outboxDir}) is inside ${folder}, which commerce serves publicly at /static: choose a folder outside it, e.g. /app/outbox or .data/outbox`,
        );
      }
    }
  }
}
