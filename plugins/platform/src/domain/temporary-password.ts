import { randomInt } from "node:crypto";

/** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Four groups of four from 55 characters (about 92 bits), e.g. "h7Kp-3xQm-Rt9w-Bn4e". */
export function generateTemporaryPassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")).join("-");
}
