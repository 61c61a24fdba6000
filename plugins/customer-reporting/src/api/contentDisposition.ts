/**
 * The file name of a Content-Disposition header (`attachment;
 * filename="x.yaml"`, or RFC 5987 `filename*=UTF-8''x.yaml`), so the saved
 * file gets the name the backend chose rather than one guessed here.
 */
export function filenameFromDisposition(
  header: string | null,
): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding falls back to the plain parameter below.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || undefined;
}
