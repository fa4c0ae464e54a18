import { MedusaService } from "@medusajs/framework/utils";
import { PosApproval } from "./models/pos-approval";
import { PosOutbox } from "./models/pos-outbox";
import { PosPayment } from "./models/pos-payment";
import { PosReturn } from "./models/pos-return";
import { PosSale } from "./models/pos-sale";
import { PosSaleLine } from "./models/pos-sale-line";
import { PosSetting } from "./models/pos-setting";
import { PosShift } from "./models/pos-shift";

/**
 * The counter's data. Sales, payments and returns are written in one PostgreSQL transaction each
 * (workflows/steps/checkout-commit.ts, balance-payment.ts, return-commit.ts); the generated
 * methods serve reads, shifts and settings.
 */
class PosModuleService extends MedusaService({
  PosSale,
  PosSaleLine,
  PosPayment,
  PosReturn,
  PosApproval,
  PosShift,
  PosSetting,
  PosOutbox,
}) {}

export default PosModuleService;
