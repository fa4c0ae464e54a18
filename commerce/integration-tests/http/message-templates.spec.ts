import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { MESSAGE_TEMPLATE_KINDS, MESSAGE_TEMPLATES } from "@voltura/domain";
import { settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { boot, until } from "./whatsapp-helpers";

medusaIntegrationTestRunner({
  dbName: "voltura_it_message_templates",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let sessionId: string;

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
      const sessions = await api.get("/admin/whatsapp/sessions", as.manager);
      const existing = sessions.data.sessions.find((s: { name: string }) => s.name === "Shop (simulator)");
      sessionId = existing?.id ?? (await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true }, as.owner)).data.session.id;
      await boot.ensureSupervisor(getContainer());
      expect(sessionId).toMatch(/^wa_sess_/);
    });

    /** Sends STOP from `phone` and waits for the opt-out confirmation the shop sends back. */
    const optOutConfirmation = async (phone: string): Promise<string> => {
      await api.post("/admin/whatsapp/simulator/inbound", { from: phone, body: "STOP" }, as.manager);
      const messages = await until(
        async () => (await api.get(`/admin/whatsapp/messages?phone=${encodeURIComponent(phone)}`, as.manager)).data.messages as Array<{ direction: string; body: string }>,
        (list) => list.some((m) => m.direction === "out"), `the opt-out confirmation to ${phone}`);
      return messages.find((m) => m.direction === "out")!.body;
    };

    it("lists every kind with its defaults to owners and managers only", async () => {
      const list = await api.get("/admin/settings/message-templates", as.manager);
      expect(list.data.templates.map((t: { kind: string }) => t.kind)).toEqual([...MESSAGE_TEMPLATE_KINDS]);
      const reminder = list.data.templates.find((t: { kind: string }) => t.kind === "pickup_reminder");
      expect(reminder).toMatchObject({ delivery: "both", overridden: { en: false, ms: false }, texts: MESSAGE_TEMPLATES.pickup_reminder.defaults });
      expect((await settle(api.get("/admin/settings/message-templates", as.cashier))).status).toBe(403);
      expect((await settle(api.put("/admin/settings/message-templates/pos_receipt", { ms: "Resit {receipt_number}" }, as.technician))).status).toBe(403);
    });

    it("refuses an unknown placeholder with a 400 naming the language, and an unknown kind with 404", async () => {
      const bad = await settle(api.put("/admin/settings/message-templates/pickup_reminder", { ms: "Salam {nam}, {model} anda sudah siap." }, as.owner));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toMatch(/ms: unknown placeholder \{nam\}/);
      const empty = await settle(api.put("/admin/settings/message-templates/pickup_reminder", { en: "" }, as.owner));
      expect(empty.status).toBe(400);
      expect(empty.data.message).toMatch(/en/);
      expect((await settle(api.put("/admin/settings/message-templates/birthday_wish", { ms: "Selamat hari jadi" }, as.owner))).status).toBe(404);
      const after = await api.get("/admin/settings/message-templates", as.owner);
      expect(after.data.templates.find((t: { kind: string }) => t.kind === "pickup_reminder").overridden).toEqual({ en: false, ms: false });
    });

    it("uses an override on the next send, audits the change, and resets to the default", async () => {
      const text = "Baik, {shop_name} tidak akan hantar promosi lagi. Balas MULA untuk kembali.";
      const saved = await api.put("/admin/settings/message-templates/optout_confirmation", { ms: text }, as.manager);
      expect(saved.data.template).toMatchObject({ kind: "optout_confirmation", overridden: { en: false, ms: true }, texts: { ms: text } });

      const shopName = (await api.get("/admin/settings", as.manager)).data.settings.business.name as string;
      expect(await optOutConfirmation("+60135550001")).toBe(text.replace("{shop_name}", shopName));

      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      const audit = await db.raw(`SELECT actor_role, changes FROM audit_entry WHERE action = 'message_template.updated' AND entity_id = 'optout_confirmation' ORDER BY seq`);
      expect(audit.rows[0].actor_role).toBe("manager");
      expect(audit.rows[0].changes.ms).toEqual({ before: MESSAGE_TEMPLATES.optout_confirmation.defaults.ms, after: text });

      const reset = await api.put("/admin/settings/message-templates/optout_confirmation", { ms: null }, as.owner);
      expect(reset.data.template).toMatchObject({ overridden: { en: false, ms: false }, texts: MESSAGE_TEMPLATES.optout_confirmation.defaults });
      expect(await optOutConfirmation("+60135550002")).toBe(MESSAGE_TEMPLATES.optout_confirmation.defaults.ms.replace("{shop_name}", shopName));
      const stored = await db.raw(`SELECT count(*)::int AS n FROM message_template WHERE kind = 'optout_confirmation'`);
      expect(stored.rows[0].n).toBe(0);
    });
  },
});
