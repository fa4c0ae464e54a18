import { describe, expect, it } from "vitest";
import { activityTypeOf, activityTypesAsked, activityTypesFor, entitiesOfTypes, readsAllActivity } from "./activity.js";

describe("activity types", () => {
  it("puts explicit and generic audit entities into one type each", () => {
    expect(activityTypeOf("repair_job")).toBe("job");
    expect(activityTypeOf("repair_jobs")).toBe("job");
    expect(activityTypeOf("repair_jobs.bulk")).toBe("job");
    expect(activityTypeOf("warranties")).toBe("job");
    expect(activityTypeOf("customer")).toBe("customer");
    expect(activityTypeOf("crm.customers")).toBe("customer");
    expect(activityTypeOf("device")).toBe("customer");
    expect(activityTypeOf("pos_sale")).toBe("sale");
    expect(activityTypeOf("pos.sales")).toBe("sale");
    expect(activityTypeOf("pos.checkout")).toBe("sale");
    expect(activityTypeOf("quotation")).toBe("document");
    expect(activityTypeOf("sales.invoices")).toBe("document");
    expect(activityTypeOf("invoicing.invoices")).toBe("document");
    expect(activityTypeOf("invoicing.quotations")).toBe("document");
    expect(activityTypeOf("inventory_item")).toBe("stock");
    expect(activityTypeOf("inventory.purchase_orders")).toBe("stock");
    expect(activityTypeOf("campaign_template")).toBe("messaging");
    expect(activityTypeOf("whatsapp.messages")).toBe("messaging");
    expect(activityTypeOf("concierge.answer")).toBe("messaging");
  });

  it("keeps settings, staff, operations and anything unnamed as admin", () => {
    expect(activityTypeOf("pos.settings")).toBe("admin");
    expect(activityTypeOf("sales.templates")).toBe("admin");
    expect(activityTypeOf("invoicing.templates")).toBe("admin");
    expect(activityTypeOf("invoicing.einvoice_profile")).toBe("admin");
    expect(activityTypeOf("concierge_handoff")).toBe("messaging");
    expect(activityTypeOf("staff")).toBe("admin");
    expect(activityTypeOf("operations_backup")).toBe("admin");
    expect(activityTypeOf("vault_secret")).toBe("admin");
    expect(activityTypeOf("repair_jobsmith")).toBe("admin");
    expect(activityTypeOf("")).toBe("admin");
  });

  it("lets technicians read job activity only, cashiers the counter's types, managers and owners all", () => {
    expect(activityTypesFor("technician")).toEqual(["job"]);
    expect(activityTypesFor("cashier")).toEqual(["job", "customer", "sale", "document"]);
    expect(activityTypesFor("manager")).toHaveLength(7);
    expect(activityTypesFor("owner")).toHaveLength(7);
    expect(activityTypesFor("system")).toEqual([]);
    expect(activityTypesFor(undefined)).toEqual([]);
    expect(readsAllActivity("owner")).toBe(true);
    expect(readsAllActivity("cashier")).toBe(false);
  });

  it("answers an asked type only within the role's types", () => {
    expect(activityTypesAsked("cashier", undefined)).toEqual(["job", "customer", "sale", "document"]);
    expect(activityTypesAsked("cashier", "sale")).toEqual(["sale"]);
    expect(activityTypesAsked("technician", "sale")).toBeNull();
    expect(activityTypesAsked("cashier", "admin")).toBeNull();
  });

  it("filters the trail's entity names to the asked types", () => {
    const entities = ["customer", "pos.sales", "repair_job", "repair_jobs", "staff", "variant"];
    expect(entitiesOfTypes(entities, ["job"])).toEqual(["repair_job", "repair_jobs"]);
    expect(entitiesOfTypes(entities, ["job", "sale"])).toEqual(["pos.sales", "repair_job", "repair_jobs"]);
    expect(entitiesOfTypes(entities, [])).toEqual([]);
  });
});
