import type { MedusaContainer } from "@medusajs/framework/types";

/** The shop's business name for `{shop_name}` (the platform plugin's settings). */
export async function shopNameOf(container: MedusaContainer): Promise<string> {
  try {
    const settings = await container.resolve<{ retrieveSettings(): Promise<{ business: { name: string } }> }>("shopSettings").retrieveSettings();
    return settings.business.name;
  } catch {
    return "";
  }
}
