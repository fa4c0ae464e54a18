export { detectLanguage, languageScores, type Language, type LanguageScores, type DetectLanguageOptions } from "./language.js";
export { classifyQuoteReply, mentionsQuoteDecision, type QuoteReply } from "./quote-reply.js";
export {
  matchIntent,
  shouldHandOff,
  intents,
  type Intent,
  type IntentEntities,
  type IntentMatch,
  type MatchContext,
} from "./intent.js";
export {
  extractJobNumber,
  extractDevice,
  extractDeviceType,
  extractRepairType,
  extractWeekday,
  repairTypes,
  weekdays,
  type Device,
  type DeviceType,
  type RepairType,
  type Weekday,
} from "./entities.js";
export { HANDOFF_TEXT, renderReply, formatRinggit, type ReplyData } from "./replies.js";
export { HANDOFF_REASONS, isHandoffReason, type HandoffReason } from "./handoff-reasons.js";
export { normalise, canonicalise, type NormalisedText } from "./normalise.js";
export { isSubscriptionKeyword } from "./subscription.js";
