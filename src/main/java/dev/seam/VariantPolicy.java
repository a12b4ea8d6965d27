package dev.seam;

/**
 * Which of two near-identical versions of one sentence or block is kept when fragments disagree.
 *
 * <p>The other version is never lost silently: it is reported as {@link ChangeKind#VARIANT_DROPPED}
 * with its similarity to the kept one.
 */
public enum VariantPolicy {
  /**
   * Keep the version that appears last in the fragments. A regenerated run usually corrects the run
   * it restarts (002 line 62 fixes the typo "提件" of line 36), and the blocks around it come from
   * the same run, so the later version reads best in its context.
   */
  KEEP_LATEST,
  /** Keep the version that appears first; later versions only ever add content, never replace it. */
  KEEP_FIRST,
  /** Keep the longer version (by normalized length); on a tie, the later one. */
  KEEP_LONGEST
}
