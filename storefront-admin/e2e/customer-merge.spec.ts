import { expect, test } from "@playwright/test";
import { commerceAsOwner, createLegacyCustomer, deleteCustomer } from "./commerce-api";
import { demo, signInAs } from "./helpers";

test("a manager merges a legacy duplicate from the duplicates report and sees what moved", async ({ page }) => {
  const commerce = commerceAsOwner();
  const digits = String(Date.now()).slice(-7);
  const display = `019-${digits.slice(0, 3)} ${digits.slice(3)}`;
  const keptId = await createLegacyCustomer(commerce, "Legacy", `Kept ${digits}`, display);
  const dupId = await createLegacyCustomer(commerce, "Legacy", `Dup ${digits}`, `+6019${digits}`);
  await commerce.addCrmCustomerNote(dupId, { body: `Old record note ${digits}` });

  try {
    await signInAs(page, demo.manager);
    await page.goto("/customers");
    await page.getByRole("link", { name: "Duplicates" }).click();
    const group = page.getByTestId("duplicate-group").filter({ hasText: display });
    await expect(group).toBeVisible();
    await expect(group.getByRole("row")).toHaveCount(3); // header + both records
    await group.getByRole("link", { name: new RegExp(`^Merge into Legacy Kept ${digits}`) }).click();

    const review = page.getByTestId("merge-review");
    await expect(review).toContainText(`Merge Legacy Dup ${digits}`);
    await expect(review).toContainText("1 note");
    await expect(review).toContainText("0 repair jobs");
    await review.getByRole("button", { name: `Merge into Legacy Kept ${digits}` }).click();

    await expect(page.getByRole("status")).toContainText("Merged: 0 repair jobs, 0 devices, 1 note, 0 orders moved");
    await expect(page).toHaveURL(new RegExp(`/customers/${keptId}$`));
    await expect(page.getByTestId("customer-notes")).toContainText(`Old record note ${digits}`);

    await page.goto("/customers/duplicates");
    await expect(page.getByTestId("duplicate-group").filter({ hasText: display })).toHaveCount(0);
    const gone = await page.goto(`/customers/${dupId}`);
    expect(gone?.status()).toBe(404);
  } finally {
    await deleteCustomer(commerce, keptId);
    await deleteCustomer(commerce, dupId);
  }
});
