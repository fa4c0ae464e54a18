// A `medusa exec` script for the bench database, run by scripts/bench-pos.mjs before the stack starts:
//   cd commerce && medusa exec ../scripts/bench-pickup-option.mjs <sku> [<sku>…]
// Medusa's cart flow needs a shipping method for stocked items, and the demo shop sells at the
// counter only, so the bench gives it a RM 0 "Collect at the shop" pickup option: the manual
// provider at the Shop location, a pickup fulfilment set with a Malaysia zone, and the default
// shipping profile on the products of the given SKUs. Staff tokens cannot reach Medusa's own
// /admin routes, so this runs the same Medusa workflows those routes run, in process. Safe to run again.
import { createRequire } from "node:module";
import path from "node:path";

const OPTION_NAME = "Collect at the shop";
const SET_NAME = "Shop pickup";
const MANUAL_PROVIDER = "manual_manual";

export default async function benchPickupOption({ container, args }) {
  // Medusa's own copies, as the running loader resolved them from the commerce app.
  const requireFromApp = createRequire(path.join(process.cwd(), "package.json"));
  const { ContainerRegistrationKeys, Modules } = requireFromApp("@medusajs/framework/utils");
  const flows = requireFromApp("@medusajs/medusa/core-flows");
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const fulfillment = container.resolve(Modules.FULFILLMENT);
  const skus = (args ?? []).filter(Boolean);
  if (!skus.length) throw new Error("name the SKUs whose products get the pickup option");

  const one = async (entity, fields, filters, what) => {
    const { data } = await query.graph({ entity, fields, filters });
    if (!data[0]) throw new Error(`the bench database has no ${what}`);
    return data[0];
  };
  const location = await one("stock_location", ["id", "fulfillment_sets.id", "fulfillment_sets.name", "fulfillment_providers.id"], { name: "Shop" }, "Shop stock location");
  const region = await one("region", ["id", "currency_code"], { name: "Malaysia" }, "Malaysia region");

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" });
  if (!profile) {
    const { result } = await flows.createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } });
    profile = result[0];
  }
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["sku", "product_id"], filters: { sku: skus } });
  const productIds = [...new Set(variants.map((v) => v.product_id))];
  if (variants.length !== skus.length) throw new Error(`bench items missing: ${skus.filter((s) => !variants.some((v) => v.sku === s)).join(", ")}`);
  await flows.updateProductsWorkflow(container).run({ input: { selector: { id: productIds }, update: { shipping_profile_id: profile.id } } });

  const [existing] = await fulfillment.listShippingOptions({ name: OPTION_NAME });
  if (existing) return;

  if (!(location.fulfillment_providers ?? []).some((p) => p?.id === MANUAL_PROVIDER)) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_PROVIDER },
    });
  }
  let set = (location.fulfillment_sets ?? []).find((f) => f?.name === SET_NAME);
  if (!set) {
    await flows.createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: location.id, fulfillment_set_data: { name: SET_NAME, type: "pickup" } },
    });
    const reread = await one("stock_location", ["fulfillment_sets.id", "fulfillment_sets.name"], { id: location.id }, "Shop stock location");
    set = reread.fulfillment_sets.find((f) => f?.name === SET_NAME);
  }
  const [zone] = await fulfillment.listServiceZones({ fulfillment_set: { id: set.id } });
  const zoneId =
    zone?.id ??
    (await flows.createServiceZonesWorkflow(container).run({
      input: { data: [{ fulfillment_set_id: set.id, name: "Malaysia", geo_zones: [{ type: "country", country_code: "my" }] }] },
    })).result[0].id;
  await flows.createShippingOptionsWorkflow(container).run({
    input: [{
      name: OPTION_NAME,
      service_zone_id: zoneId,
      shipping_profile_id: profile.id,
      provider_id: MANUAL_PROVIDER,
      price_type: "flat",
      type: { label: "Pickup", description: OPTION_NAME, code: "pickup" },
      prices: [{ currency_code: region.currency_code, amount: 0 }, { region_id: region.id, amount: 0 }],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "false" },
      ],
    }],
  });
}
