/**
 * `[[glossary-id|shown words]]` (or `[[glossary-id]]`), `` `code` `` and `**a control's name**`
 * in lesson text.
 */
export const MARK = /\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]|`([^`]+)`|\*\*([^*]+)\*\*/g;

/** Lesson text without its marks (for a sentence quoted inside a UI string). */
export function plainText(text: string): string {
  return text.replace(
    MARK,
    (
      _whole,
      id: string | undefined,
      words: string | undefined,
      code: string | undefined,
      strong: string | undefined,
    ) => (id ? (words ?? id) : (code ?? strong ?? '')),
  );
}
