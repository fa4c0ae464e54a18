import { ALL_STAFF } from "@voltura/domain";
import type { CrmTagCounts } from "@voltura/contracts";
import { staffRoute } from "@voltura/medusa-kit";
import { CRM_MODULE } from "../../../../modules/crm/index";
import type CrmModuleService from "../../../../modules/crm/service";

/** Tags in use, with how many customers carry each, most used first. */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const tags = await req.scope.resolve<CrmModuleService>(CRM_MODULE).countTags();
  res.json({ tags } satisfies CrmTagCounts);
});
