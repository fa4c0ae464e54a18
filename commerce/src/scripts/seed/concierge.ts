import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { saveKnowledgeDocumentWorkflow, updateConciergeSettingsWorkflow } from "@voltura/plugin-concierge/workflows";
import { DEMO_ITEMS } from "./demo-data";

/** 43000 → "RM 430", 4550 → "RM 45.50": how the price list is written (and parsed back by the chunker). */
const formatRinggit = (sen: number) => `RM ${sen % 100 === 0 ? sen / 100 : (sen / 100).toFixed(2)}`;
const price = (sku: string) => {
  const item = DEMO_ITEMS.find((i) => i.sku === sku);
  if (!item) throw new Error(`seed: no demo item ${sku}`);
  return item.priceSen;
};
/** Part plus fixed labour, as the counter would quote it. */
const line = (label: string, ...skus: string[]) => `${label} — ${formatRinggit(skus.reduce((sum, sku) => sum + price(sku), 0))}`;

/** The knowledge base in BM and English (one bilingual document per topic, so the local embedder matches both). */
export function demoKnowledge(): Array<{ kind: "faq" | "price_list" | "policy" | "hours"; title: string; body: string; language: "mixed" }> {
  return [
    {
      kind: "price_list",
      title: "Senarai harga pembaikan / Repair price list",
      language: "mixed",
      body: [
        line("iPhone 13 screen replacement tukar skrin (OEM)", "PART-IP13-LCD-OEM", "SVC-LAB-SCREEN"),
        line("iPhone 11 battery replacement tukar bateri (Original)", "PART-IP11-BAT-ORI", "SVC-LAB-BATT"),
        line("Samsung A54 charging port repair baiki port cas (Compatible)", "PART-A54-PORT-CMP", "SVC-LAB-BATT"),
        line("Redmi Note 12 screen replacement tukar skrin (Compatible)", "PART-RN12-LCD-CMP", "SVC-LAB-SCREEN"),
        line("Laptop SSD 512GB upgrade naik taraf SSD", "PART-SSD-512-NVME", "SVC-LAB-HOUR"),
        line("Tempered glass screen protector pelindung skrin", "ACC-TG-UNIV"),
        line("Diagnostic fee yuran pemeriksaan", "SVC-DIAG"),
        "Harga termasuk alat ganti dan upah. Prices include the part and labour; final price after inspection.",
      ].join("\n"),
    },
    {
      kind: "faq",
      title: "Soalan lazim / FAQ",
      language: "mixed",
      body:
        "Berapa lama tukar skrin? Biasanya 1 hingga 2 jam jika alat ganti ada dalam stok. How long does a screen replacement take? Usually 1 to 2 hours when the part is in stock.\n\n" +
        "Perlu buat temujanji? Tidak perlu, walk-in dialu-alukan. Do I need an appointment? No, walk-ins are welcome.\n\n" +
        "Data saya selamat? Kami tidak memadam data, tetapi sila buat backup dahulu. Is my data safe? We do not wipe data, but please back up first.",
    },
    {
      kind: "policy",
      title: "Waranti dan yuran pemeriksaan / Warranty and diagnostic fee",
      language: "mixed",
      body:
        "Waranti: 90 hari untuk skrin, 180 hari untuk bateri original, 30 hari untuk upah. Waranti terbatal jika masuk air, rosak fizikal atau dibaiki pihak lain. " +
        "Warranty: 90 days on screens, 180 days on original batteries, 30 days on workmanship; void on water damage, physical damage or third-party repair.\n\n" +
        `Yuran pemeriksaan ${formatRinggit(price("SVC-DIAG"))}, dikecualikan jika anda setuju dengan sebut harga. ` +
        `Diagnostic fee ${formatRinggit(price("SVC-DIAG"))}, waived when you approve the quote.`,
    },
    {
      kind: "hours",
      title: "Waktu operasi / Opening hours",
      language: "mixed",
      body: "Kami buka setiap hari 10:00 pagi hingga 8:00 malam, kecuali cuti umum. We are open daily 10:00 to 20:00, except public holidays.",
    },
  ];
}

/** The concierge's knowledge base (embedded into pgvector) and settings. Skipped once documents exist. */
export async function seedConcierge(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const concierge = container.resolve<{ listKnowledgeDocuments(f: object, c: object): Promise<unknown[]> }>("concierge");
  if ((await concierge.listKnowledgeDocuments({}, { take: 1 })).length) return;
  for (const doc of demoKnowledge()) {
    await saveKnowledgeDocumentWorkflow(container).run({ input: { ...doc, updated_by: "Farid Owner" } });
  }
  await updateConciergeSettingsWorkflow(container).run({
    input: {
      patch: { escalate_after_minutes: 15, manager_phones: ["+60123450099"], opening_hours: { opens: "10:00", closes: "20:00", closed_days: [] } },
      updated_by: "Farid Owner",
    },
  });
  logger.info("Seeded the concierge knowledge base");
}
