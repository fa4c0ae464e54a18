/**
 * The activities the worker registers, as the workflows see them (types only: activity code never
 * enters the workflow bundle). Empty until a workflow needs one; the worker's `createActivities`
 * must return this type, so the two sides cannot drift apart.
 */
export type VolturaActivities = Record<never, never>;
