/**
 * A code → label map whose labels are read in the current language each time they are used
 * (each property is a getter calling a message function). Lets `LABELS[code]` stay the way pages
 * read labels while never freezing them in one language.
 */
export function labelsByCode<K extends string>(messages: Record<K, () => string>): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const code of Object.keys(messages) as K[]) {
    Object.defineProperty(labels, code, { enumerable: true, get: () => messages[code]() });
  }
  return labels;
}
