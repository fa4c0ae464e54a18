import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { provideVaultSecrets } from "@voltura/keyring";
import { listOutbox, mailerConfigFromEnv, readOutboxMessage, resolveMailerConfig, sendEmail, senderFromSmtpUrl, NOT_SENT_REASON } from "../index.js";

interface Received { from: string; to: string[]; raw: string; user: string | undefined }

const received: Received[] = [];
let server: SMTPServer;
let port = 0;
let outboxDir = "";

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "shop" && auth.password === "secret") return callback(null, { user: auth.username });
      return callback(new Error("bad credentials"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  received.length = 0;
  outboxDir = await mkdtemp(path.join(tmpdir(), "mailer-outbox-"));
  return () => rm(outboxDir, { recursive: true, force: true });
});

const pdf = Buffer.from("%PDF-1.7 fake bytes for the attachment test");

describe("sendEmail over SMTP (real local server)", () => {
  it("delivers text, html and a PDF attachment with authentication", async () => {
    const config = { smtpUrl: `smtp://shop:secret@127.0.0.1:${port}`, from: "invoices@voltura.demo", outboxDir };
    const result = await sendEmail({
      to: "aisyah@example.my", subject: "Invoice INV-2026-000042", text: "Your invoice is attached.",
      html: "<p>Your invoice is attached.</p>",
      attachments: [{ filename: "INV-2026-000042.pdf", content: pdf, contentType: "application/pdf" }],
    }, config);
    expect(result.transport).toBe("smtp");
    expect(result.messageId).toMatch(/^<.+>$/);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.user).toBe("shop");
    expect(mail.from).toBe("invoices@voltura.demo");
    expect(mail.to).toEqual(["aisyah@example.my"]);
    expect(mail.raw).toContain("Subject: Invoice INV-2026-000042");
    expect(mail.raw).toContain('filename=INV-2026-000042.pdf');
    expect(mail.raw).toContain(pdf.toString("base64").slice(0, 40));
    expect(await listOutbox(outboxDir)).toEqual([]);
  });

  it("fails loudly on wrong credentials instead of pretending to send", async () => {
    const config = { smtpUrl: `smtp://shop:wrong@127.0.0.1:${port}`, from: "invoices@voltura.demo", outboxDir };
    await expect(sendEmail({ to: "a@example.my", subject: "x", text: "y" }, config)).rejects.toThrow();
    expect(received).toHaveLength(0);
  });
});

describe("the SMTP URL owners set in the console (vault)", () => {
  it("wins over SMTP_URL at send time, and SMTP_URL applies again once it is cleared", async () => {
    const env = { SMTP_URL: "smtp://env-only.invalid:25", MAIL_FROM: "shop@voltura.demo", MAIL_OUTBOX_DIR: outboxDir };
    let vaultValue: string | null = `smtp://shop:secret@127.0.0.1:${port}`;
    provideVaultSecrets(async (name) => (name === "smtp_url" ? vaultValue : null));
    try {
      const config = await resolveMailerConfig(env);
      expect(config.smtpUrl).toBe(`smtp://shop:secret@127.0.0.1:${port}`);
      const result = await sendEmail({ to: "a@example.my", subject: "Vault", text: "y" }, config);
      expect(result.transport).toBe("smtp");
      expect(received.map((m) => m.user)).toEqual(["shop"]);
      vaultValue = null;
      expect((await resolveMailerConfig(env)).smtpUrl).toBe("smtp://env-only.invalid:25");
    } finally {
      provideVaultSecrets(null);
    }
  });

  it("takes the sender from the URL's user when MAIL_FROM is unset, and ignores a value that is not an SMTP URL", async () => {
    const warnings: unknown[] = [];
    provideVaultSecrets(async () => "smtps://shop%40voltura.demo:pw@mail.example:465");
    try {
      const config = await resolveMailerConfig({ MAIL_OUTBOX_DIR: outboxDir }, process.cwd(), (e) => warnings.push(e));
      expect(config).toMatchObject({ smtpUrl: "smtps://shop%40voltura.demo:pw@mail.example:465", from: "shop@voltura.demo" });
      provideVaultSecrets(async () => "https://not-smtp");
      expect((await resolveMailerConfig({ MAIL_OUTBOX_DIR: outboxDir }, process.cwd(), (e) => warnings.push(e))).smtpUrl).toBeUndefined();
      expect(warnings).toHaveLength(1);
    } finally {
      provideVaultSecrets(null);
    }
    expect(senderFromSmtpUrl("smtp://plainuser:pw@host")).toBeUndefined();
  });
});

describe("sendEmail without SMTP (outbox)", () => {
  it("writes an .eml and lists it as not sent", async () => {
    const result = await sendEmail({
      to: ["a@example.my", "b@example.my"], subject: "Quotation QUO-2026-000001", text: "Hello",
      attachments: [{ filename: "QUO-2026-000001.pdf", content: pdf, contentType: "application/pdf" }],
    }, { outboxDir });
    expect(result.transport).toBe("outbox");
    const entries = await listOutbox(outboxDir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      to: ["a@example.my", "b@example.my"], subject: "Quotation QUO-2026-000001",
      attachments: ["QUO-2026-000001.pdf"], status: "not_sent", reason: NOT_SENT_REASON,
    });
    const raw = (await readOutboxMessage(outboxDir, entries[0]!.id)).toString("utf8");
    expect(raw).toContain("Subject: Quotation QUO-2026-000001");
    expect(raw).toMatch(/Message-ID: <[^>]+@voltura\.outbox>/);
    expect(received).toHaveLength(0);
  });

  it("uses the outbox when SMTP_URL is set but MAIL_FROM is not", async () => {
    const config = mailerConfigFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_OUTBOX_DIR: outboxDir });
    const result = await sendEmail({ to: "a@example.my", subject: "s", text: "t" }, config);
    expect(result.transport).toBe("outbox");
    expect(received).toHaveLength(0);
    expect(await readFile(path.join(outboxDir, `${(await listOutbox(outboxDir))[0]!.id}.json`), "utf8")).toContain('"subject": "s"');
  });
});

describe("validation", () => {
  it.each([
    [{ to: "not-an-email", subject: "s", text: "t" }, "to"],
    [{ to: "a@example.my", subject: "", text: "t" }, "subject"],
    [{ to: "a@example.my", subject: "s", text: "" }, "text"],
    [{ to: "a@example.my", subject: "s", text: "t", attachments: [{ filename: "a.pdf", content: "nope", contentType: "application/pdf" }] }, "attachments"],
  ])("rejects %j naming %s", async (input, field) => {
    const error = await sendEmail(input as never, { outboxDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify((error as { issues?: unknown }).issues)).toContain(field);
    expect(await listOutbox(outboxDir)).toEqual([]);
  });

  it("rejects an SMTP_URL that is not smtp(s)://", () => {
    expect(() => mailerConfigFromEnv({ SMTP_URL: "http://x", MAIL_FROM: "a@b.my" })).toThrow(/SMTP_URL/);
  });
});
