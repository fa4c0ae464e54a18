import { rows, type SqlConnection } from "@voltura/medusa-kit";
import { planOf, type RestorableEntity } from "../../../domain/archive-plan";
import { addCounts } from "../../../domain/archive-rules";
import { restoreMessagesOfPhone, restoreRows, type TableCounts } from "./move";
import { prepareArchiveTables, tableExists } from "./tables";

/**
 * Brings one archived record back, with its children, in ONE transaction. A conversation is named
 * by its phone (or its concierge conversation id): its conversation row and every archived message
 * of that phone come back. Empty counts: nothing archived under that id.
 */
export async function restoreArchived(db: SqlConnection, entity: RestorableEntity, id: string): Promise<TableCounts> {
  await prepareArchiveTables(db);
  return db.transaction(async (trx) => {
    if (entity !== "conversation") return restoreRows(trx, planOf(entity), [id]);
    let phone = id;
    let conversationIds: string[] = [];
    if (await tableExists(trx, "archive.concierge_conversation")) {
      const found = await rows(trx, `SELECT id, phone FROM archive.concierge_conversation WHERE id = ? OR phone = ?`, [id, id]);
      if (found[0]) phone = String(found[0].phone);
      conversationIds = (await rows(trx, `SELECT id FROM archive.concierge_conversation WHERE phone = ?`, [phone])).map((r) => String(r.id));
    }
    let counts: TableCounts = conversationIds.length ? await restoreRows(trx, planOf("conversation"), conversationIds) : {};
    const messages = await restoreMessagesOfPhone(trx, phone);
    if (messages) counts = addCounts(counts, { whatsapp_message: messages });
    return counts;
  });
}
