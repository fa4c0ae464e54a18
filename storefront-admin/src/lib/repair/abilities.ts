import { MANAGERS, REPAIR_DESK, roleAllowed, type StaffRole } from "@voltura/domain";

/**
 * Who may do what on a repair job, mirroring the commerce routes (which enforce it again).
 * The workspace hides what a role cannot do; every action checks again on the server.
 */
export const JOB_ABILITY_ROLES = {
  /** Status moves, intake edits, photos, warranty claims: the whole desk. */
  status: REPAIR_DESK,
  editIntake: REPAIR_DESK,
  photos: REPAIR_DESK,
  claimWarranty: REPAIR_DESK,
  /** The bench's work: diagnosis, parts and labour, sending the quote. */
  diagnose: ["owner", "manager", "technician"],
  editLines: ["owner", "manager", "technician"],
  sendQuote: ["owner", "manager", "technician"],
  /** At the counter: the customer's decision and the money. */
  decideQuote: ["owner", "manager", "cashier"],
  pickup: ["owner", "manager", "cashier"],
  /** Managers' calls. */
  assign: MANAGERS,
  voidWarranty: MANAGERS,
} as const satisfies Record<string, readonly StaffRole[]>;

export type JobAbility = keyof typeof JOB_ABILITY_ROLES;
export type JobAbilities = Record<JobAbility, boolean>;

export function abilitiesFor(role: StaffRole): JobAbilities {
  return Object.fromEntries(
    Object.entries(JOB_ABILITY_ROLES).map(([ability, roles]) => [ability, roleAllowed(role, roles)]),
  ) as JobAbilities;
}
