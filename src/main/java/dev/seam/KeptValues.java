package dev.seam;

import java.util.Optional;

/**
 * The values that the report's removals standing for one kept unit share: a document of repeats
 * reports one removal per copy, and the report outlives the call, so the copies share their kept
 * span and excerpt values instead of holding one of each (the values are immutable and compare
 * equal either way). Held by the kept unit's slot while the report is built.
 */
final class KeptValues {
  final Optional<SourceSpan> span;
  /** The last excerpt handed out, given again to a removal whose text starts the same way. */
  private String excerpt;
  /** The first unit read with the text {@link #excerpt} was cut from, when it was read whole. */
  private Unit excerptOf;

  KeptValues(Unit kept) {
    span = Optional.of(kept.piece(0));
  }

  /** The excerpt of {@code piece} of removed unit {@code u}, whose source is {@code source}. */
  String excerpt(Unit u, String source, SourceSpan piece) {
    // Copies of one text, as the parser found them, share an excerpt without a look at the
    // chars: a hundred thousand copies would otherwise compare sixty chars each.
    Unit first = null;
    if (u.pieceCount() == 1 && u.asRead()) {
      first = u.sameText != null ? u.sameText : u;
      if (first == excerptOf) {
        return excerpt;
      }
    }
    int end = Texts.excerptEnd(source, piece.start(), piece.end(), 60);
    int length = end - piece.start();
    if (excerpt == null
        || excerpt.length() != length
        || !source.regionMatches(piece.start(), excerpt, 0, length)) {
      excerpt = source.substring(piece.start(), end);
    }
    excerptOf = first;
    return excerpt;
  }
}
