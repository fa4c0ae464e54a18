import { model } from "@medusajs/framework/utils";
import { DEVICE_TYPES } from "@voltura/domain";

/**
 * A device a customer owns (links/customer-devices.ts) and has brought in (links/device-repair-jobs.ts).
 * imei_serial is stored normalised (normaliseImeiSerial) and is unique per customer; the workflows
 * check it under a lock on the customer, since the owner is known only through the link.
 */
export const Device = model
  .define("device", {
    id: model.id({ prefix: "cdev" }).primaryKey(),
    device_type: model.enum([...DEVICE_TYPES]),
    brand: model.text().searchable(),
    model: model.text().searchable(),
    imei_serial: model.text().nullable(),
    colour: model.text().nullable(),
  })
  .indexes([{ on: ["imei_serial"] }, { on: ["device_type"] }]);
