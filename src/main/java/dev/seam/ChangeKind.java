package dev.seam;

/**
 * What one reported change did. Kinds for which {@link #removesText()} is true account for input
 * text that is not in the output; the others only flag a position or explain a decision.
 */
public enum ChangeKind {
  /** A {@code ---END---} marker (or the configured marker) was removed. */
  END_MARKER_REMOVED(true),
  /** A lead-in mark ("…" or "...") at the start of a continuation was removed. */
  LEAD_IN_REMOVED(true),
  /**
   * The start of a continuation repeated the words just before a cut; the repeated words were
   * removed and the two pieces joined.
   */
  OVERLAP_REMOVED(true),
  /** A continuation was joined to the text it continues across a cut (flag; nothing removed). */
  CUT_OFF_REPAIRED(false),
  /**
   * Text that stops mid-sentence at a cut was never completed by a later fragment and is kept as
   * it is. {@link Reassembly#truncated()} is true when any such change is reported.
   */
  CUT_OFF_LEFT(false),
  /** A repeat of text already in the output was removed; see {@link Change#match()}. */
  REPEAT_REMOVED(true),
  /** An earlier, shorter version (a cut-off or abridged one) gave way to a fuller later version. */
  REPLACED_BY_FULLER(true),
  /** One of two near-identical versions was dropped (see {@link VariantPolicy}). */
  VARIANT_DROPPED(true),
  /** A "context" line gluing earlier paragraphs into one line was removed. */
  CONTEXT_LINE_REMOVED(true),
  /** A repeat of the front matter at the start of a later fragment was dropped. */
  FRONT_MATTER_REPEAT_DROPPED(true),
  /**
   * Text that repeats earlier text was kept, because nothing in the way fragments are produced
   * explains the repeat (a recurring heading, a chorus, a short line such as "Yes."). Flag only.
   */
  RECURRENCE_KEPT(false);

  private final boolean removesText;

  ChangeKind(boolean removesText) {
    this.removesText = removesText;
  }

  /** Whether the change's range is input text that does not appear in the output. */
  public boolean removesText() {
    return removesText;
  }
}
