/** A select's options from a list of codes and their labels (labels read in the current language when called). */
export function codeOptions<K extends string>(codes: readonly K[], labels: Readonly<Record<K, string>>): { value: K; label: string }[] {
  return codes.map((code) => ({ value: code, label: labels[code] }));
}
