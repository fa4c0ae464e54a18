/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone; the shop's wall clock is
 * Asia/Kuala_Lumpur (UTC+8 all year). The conversions are the shop calendar's.
 */
export { isoToShopLocal, shopLocalToIso } from "@voltura/domain";
