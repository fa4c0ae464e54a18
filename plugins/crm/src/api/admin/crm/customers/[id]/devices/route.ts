import { CRM_EDITORS } from "@voltura/domain";
import { addCustomerDeviceBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { addCustomerDeviceWorkflow } from "../../../../../../workflows/add-customer-device";
import { deviceWithImei } from "../../../../../../domain/customer-state";
import { loadCustomerCrmState } from "../../../../../../workflows/steps/load-customer-crm-state";
import { answerDuplicateDevice, workflowError } from "../../../answers";
import { loadCrmCustomer } from "../../../customers-query";

export const POST = staffRoute(CRM_EDITORS, async (req, res) => {
  const body = parseOrThrow(addCustomerDeviceBodySchema, req.body);
  const customerId = req.params.id!;
  const answerIfTwin = async () => {
    const twin = deviceWithImei((await loadCustomerCrmState(req.scope, customerId)).devices, body.imei_serial);
    if (twin) answerDuplicateDevice(res, twin);
    return !!twin;
  };
  if (await answerIfTwin()) return; // also answers 404 for an unknown customer
  const { result, errors } = await addCustomerDeviceWorkflow(req.scope).run({ input: { customer_id: customerId, ...body }, throwOnError: false });
  if (errors.length) {
    if (workflowError(errors)?.type === "conflict" && (await answerIfTwin())) return;
    throw errors[0]!.error;
  }
  const device = (await loadCrmCustomer(req.scope, customerId)).devices.find((d) => d.id === result.id);
  res.status(201).json({ device });
});
