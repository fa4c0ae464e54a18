/** Paths the console calls with its raw fetch (multipart upload, CSV download). */
export const CAMPAIGN_RAW_PATHS = {
  /** multipart/form-data, one file in field `file` (image ≤ 5 MB, PDF ≤ 16 MB, video mp4 ≤ 16 MB) → { media: CampaignMedia }. */
  mediaUpload: "/admin/campaigns/media",
  /** text/csv: phone,reason,added_by,created_at (active rows). */
  blacklistExport: "/admin/campaigns/blacklist/export",
} as const;
