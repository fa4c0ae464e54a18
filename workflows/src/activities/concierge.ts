/** Activities of this domain, as workflows see them (types only). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConciergeActivities {}
