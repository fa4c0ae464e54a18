// POS checkout against Medusa's own cart-to-order flow, side by side, for the same items
// (two accessories and a service). Called from scripts/bench.mjs: prepareCartBaseline before the stack starts,
// benchCheckout on the running stack.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { repoRoot } from "./lib/env.mjs";
import { run } from "./lib/processes.mjs";
import { psql } from "./lib/services.mjs";

const SKUS = ["ACC-TG-UNIV", "ACC-USBC-1M", "SVC-DIAG"];

function sqlList(values) {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",");
}

/** Store API call with the Online shop's publishable key. */
async function store(baseUrl, key, method, path, body) {
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${json.message ?? JSON.stringify(json)}`);
  return json;
}

/**
 * Medusa's cart flow needs a shipping method for stocked items: give the bench database a RM 0
 * "Collect at the shop" pickup option on the bench products. Medusa's own /admin routes are closed
 * to staff tokens, so this runs Medusa's workflows through `medusa exec` on the bench database
 * (scripts/bench-pickup-option.mjs), before the stack starts. Resolves to null when ready, or to
 * why the baseline cannot run (the POS rows still print).
 */
export async function prepareCartBaseline(env) {
  try {
    await run("bench", path.join(repoRoot, "node_modules", ".bin", "medusa"), ["exec", path.join(repoRoot, "scripts", "bench-pickup-option.mjs"), ...SKUS], {
      cwd: path.join(repoRoot, "commerce"),
      env,
      quiet: true,
    });
    return null;
  } catch (err) {
    return `pickup option not set up: ${err.message}`;
  }
}

/**
 * Rows for the bench table: POS checkout (one Medusa workflow: stock guard, number, order, ledger)
 * and Medusa's store flow (create cart with items → payment collection → system payment session →
 * complete cart). Stock is topped up first through the ledger (a "found" adjustment) so neither
 * side runs out. `baselineBlocker` is prepareCartBaseline's answer.
 */
export async function benchCheckout({ env, client, measure, requests, concurrency, database, baselineBlocker = null }) {
  const variants = psql(`SELECT sku || ':' || id FROM product_variant WHERE sku IN (${sqlList(SKUS)}) AND deleted_at IS NULL`, database)
    .split("\n").filter(Boolean).map((row) => row.split(":"));
  const variantIds = SKUS.map((sku) => variants.find(([s]) => s === sku)?.[1]).filter(Boolean);
  if (variantIds.length !== SKUS.length) throw new Error(`bench items missing: ${SKUS.join(", ")}`);
  const items = psql(`SELECT id FROM inventory_item WHERE sku IN (${sqlList(SKUS.slice(0, 2))}) AND deleted_at IS NULL`, database).split("\n").filter(Boolean);
  for (const id of items) {
    await client.request("POST", "/admin/inventory/adjustments", { parse: (v) => v }, { inventory_item_id: id, reason: "found", quantity: requests * 2 + 20, note: "Benchmark stock" });
  }
  const publishable = psql(`SELECT token FROM api_key WHERE title = 'Online shop' AND revoked_at IS NULL LIMIT 1`, database);
  const regionId = psql(`SELECT id FROM region WHERE name = 'Malaysia' AND deleted_at IS NULL LIMIT 1`, database);
  const lines = variantIds.map((variant_id) => ({ variant_id, quantity: 1 }));
  // 25.00 + 19.90 + 30.00 = 74.90 + SST 8% 5.99 = 80.89: a RM 100 note, cash rounded to 80.90.
  const rows = [];
  rows.push(await measure("POS checkout (POST /admin/pos/checkout, 3 items, cash)", requests, concurrency, () =>
    client.request("POST", "/admin/pos/checkout", { parse: (v) => v }, {
      idempotency_key: `bench-${randomUUID()}`, lines, payments: [{ method: "cash", amount_sen: 10_000 }],
    })));
  try {
    if (baselineBlocker) throw new Error(baselineBlocker);
    rows.push(await measure("Medusa cart → order (store API: cart, shipping, payment session, complete; same 3 items)", requests, concurrency, async (i) => {
      const { cart } = await store(env.MEDUSA_URL, publishable, "POST", "/store/carts", {
        region_id: regionId, email: `bench${i}@example.com`, items: lines,
        shipping_address: { first_name: "Bench", last_name: "Customer", address_1: "1 Jalan Bench", city: "Kuala Lumpur", postal_code: "50000", country_code: "my" },
      });
      // Stocked items require shipping in Medusa: take the cheapest option the cart can use (a pickup option when seeded).
      const { shipping_options: options = [] } = await store(env.MEDUSA_URL, publishable, "GET", `/store/shipping-options?cart_id=${cart.id}`);
      if (options[0]) await store(env.MEDUSA_URL, publishable, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: options[0].id });
      const { payment_collection: collection } = await store(env.MEDUSA_URL, publishable, "POST", "/store/payment-collections", { cart_id: cart.id });
      await store(env.MEDUSA_URL, publishable, "POST", `/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" });
      const done = await store(env.MEDUSA_URL, publishable, "POST", `/store/carts/${cart.id}/complete`, {});
      if (done.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(done.error ?? done)}`);
    }));
  } catch (err) {
    // The POS numbers still print; the table says why the baseline could not run on this data.
    rows.push({ benchmark: "Medusa cart → order (same 3 items)", requests: 0, concurrency, "req/s": "n/a", "p50 ms": "n/a", "p95 ms": "n/a", "max ms": String(err.message).slice(0, 120) });
  }
  return rows;
}
