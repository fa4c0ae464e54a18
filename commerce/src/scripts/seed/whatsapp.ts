import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import {
  createWhatsAppSessionWorkflow,
  recordInboundWhatsAppWorkflow,
  sendWhatsAppMessageWorkflow,
  updateWhatsAppMessageStatusWorkflow,
} from "@voltura/plugin-whatsapp/workflows";

type DemoLine =
  | { in: string; name?: string }
  | { out: string; status: "sent" | "delivered" | "read"; kind: "staff" | "reminder" | "concierge"; ref?: string };

/** Sample chats with demo customers (phones from DEMO_CUSTOMERS), in both directions. */
const CHATS: Array<{ phone: string; lines: DemoLine[] }> = [
  {
    phone: "+60123456789",
    lines: [
      { in: "Salam, phone saya dah siap ke?", name: "Aisyah Rahman" },
      { out: "Waalaikumsalam Cik Aisyah, iPhone 13 anda masih dalam pembaikan. Kami akan maklumkan bila siap.", status: "read", kind: "staff" },
      { in: "Ok, terima kasih!" },
    ],
  },
  {
    phone: "+60162201144",
    lines: [
      { in: "Hi, how much to replace the charging port on a Galaxy A54?", name: "Tan Wei Jie" },
      { out: "Hi Mr Tan, a Galaxy A54 charging port is RM 85 and takes about an hour.", status: "delivered", kind: "staff" },
    ],
  },
  {
    phone: "+60175550101",
    lines: [{ out: "Salam Encik Lim, iPhone 11 anda sudah siap dan boleh diambil di kedai Voltura.", status: "sent", kind: "reminder", ref: "demo-pickup" }],
  },
];

/** The demo's paired default simulator session "Shop (simulator)" and a few chats. Skipped once it exists. */
export async function seedWhatsApp(container: MedusaContainer): Promise<void> {
  // The module service, not query.graph: its list method is listWhatsAppSessions (capital A).
  const whatsapp = container.resolve<{ listWhatsAppSessions(filter: object): Promise<unknown[]> }>("whatsapp");
  if ((await whatsapp.listWhatsAppSessions({ name: "Shop (simulator)" })).length) return;
  const { result: session } = await createWhatsAppSessionWorkflow(container).run({
    input: { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true },
  });
  let n = 0;
  for (const chat of CHATS) {
    for (const line of chat.lines) {
      n += 1;
      if ("in" in line) {
        await recordInboundWhatsAppWorkflow(container).run({
          input: { session_id: session.id, phone: chat.phone, body: line.in, media: null, wa_message_id: `DEMOIN${n}`, sender_name: line.name ?? null, received_at: new Date().toISOString() },
        });
        continue;
      }
      // Seeded as history: stored, then moved to its status with a WhatsApp id, never transmitted.
      const { result } = await sendWhatsAppMessageWorkflow(container).run({
        input: { session_id: session.id, phone: chat.phone, customer_id: null, body: line.out, media: null, idempotency_key: `demo-seed:${n}`, context_kind: line.kind, context_ref: line.ref ?? null },
      });
      await updateWhatsAppMessageStatusWorkflow(container).run({ input: { message_id: result.message.id, status: line.status, set_wa_message_id: `DEMOOUT${n}` } });
    }
  }
  container.resolve(ContainerRegistrationKeys.LOGGER).info("Seeded the WhatsApp simulator session and sample chats");
}
