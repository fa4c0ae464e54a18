import { z } from "zod";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { consolidatedDocument } from "../../einvoice";
import { respondToError, sendJsonFile } from "../../../../respond";
import { INVOICING_MANAGERS } from "../../../../../domain/roles";

const querySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month like 2026-11") });

/** GET ?month=2026-11 → the month's consolidated B2C e-invoice (general public TIN EI00000000010, classification 004). */
export const GET = staffRoute(INVOICING_MANAGERS, async (req, res) => {
  const { month } = parseOrThrow(querySchema, req.query);
  try {
    const { number, document } = await consolidatedDocument(req.scope, month);
    sendJsonFile(res, document, `${number}-myinvois-consolidated.json`);
  } catch (error) {
    respondToError(res, error);
  }
});
