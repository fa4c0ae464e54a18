import { credentialsCheckBodySchema, type CredentialsCheckBody } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { answerTooManyAttempts, answerWrongCredentials } from "../../answers";
import { checkStaffCredentials } from "../../../../../modules/staff-guard/check-credentials";

/**
 * The console's sign-in (and anything else that must check a staff password) asks here, as the
 * system actor, passing the browser's address. 200 with the staff member, 401 with one message
 * for every kind of wrong, 429 with retry_after_seconds when the account or the address is limited.
 */
export const POST = staffRoute<CredentialsCheckBody>(["system"], async (req, res) => {
  const body = parseOrThrow(credentialsCheckBodySchema, req.body);
  const result = await checkStaffCredentials(req, { ...body, channel: "console" });
  if (!result.ok) {
    if (result.reason === "limited") return answerTooManyAttempts(res, result.retry_after_seconds);
    return answerWrongCredentials(res);
  }
  const { id, email, name, role, locale } = result.staff;
  res.json({ staff: { id, email, name, role, locale }, must_change_password: result.must_change_password });
});
