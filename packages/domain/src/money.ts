/** Money is integer sen everywhere; these helpers convert at the edges only. */
export type Sen = number;

export function ringgitToSen(ringgit: number): Sen {
  return Math.round(ringgit * 100);
}

export function senToRinggit(sen: Sen): number {
  return sen / 100;
}

const formatter = new Intl.NumberFormat("en-MY", { style: "currency", currency: "MYR" });

export function formatMYR(sen: Sen): string {
  return formatter.format(sen / 100);
}
