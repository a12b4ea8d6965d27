package dev.seam;

/** How removed or flagged text relates to the text that was kept in its place. */
public enum MatchKind {
  /** Equal after normalization (NFKC, case folding, whitespace and markup ignored). */
  EXACT,
  /** Wholly inside kept text (a prefix, a suffix, or pieces of several kept sentences). */
  CONTAINED,
  /** Similar but not equal; {@link Change#similarity()} says how similar. */
  NEAR
}
