/** Characters of an ID kept at its end when it is too long for its line: IDs are told apart by both ends. */
const ID_TAIL = 6;

/**
 * An ID on one line (its container clips and does not wrap): too long for it, it loses characters in the middle
 * (conv_69b1c2d3…d9e8f7), never its ends. The text is the whole ID, for a selection, a copy and the page's find; both
 * parts stay inline, so a copy has no line break between them. A screen reader would hear a space where the two parts
 * meet (the first is an inline block), so it hears the whole ID from generated content instead, which nothing copies.
 */
export function ShortenedId({ id }: { id: string }) {
  if (id.length <= ID_TAIL * 2) return id;
  return (
    <span data-id={id} className="before:sr-only before:content-[attr(data-id)]">
      <span aria-hidden="true">
        <span className="inline-block max-w-[calc(100%-6ch)] truncate align-top">{id.slice(0, -ID_TAIL)}</span>
        {id.slice(-ID_TAIL)}
      </span>
    </span>
  );
}

/**
 * A shortened ID within a line of text: it moves to a line of its own rather than break, and shortens only past that.
 * It stays inline, so its shortened part is measured against the paragraph's width, not against its own (an inline
 * block as wide as the ID would shorten it wherever it stood, and leave a gap).
 */
export function InlineId({ id, className = '' }: { id: string; className?: string }) {
  return (
    <span title={id} className={`whitespace-nowrap ${className}`}>
      <ShortenedId id={id} />
    </span>
  );
}
