package dev.seam;

/**
 * How a unit relates to the kept document.
 *
 * @param relation the relation
 * @param target the kept slot it relates to most
 * @param last for {@link Relation#COVERED}, the last kept slot it touches (a context line spans
 *     many); otherwise {@code target}
 * @param similarity 0..1, 1 meaning identical keys
 */
record Match(Relation relation, Slot target, Slot last, double similarity) {
  enum Relation {
    /** No kept text is like it. */
    NONE,
    /** Same key as a kept unit. */
    EXACT,
    /** Every character is inside kept text. */
    COVERED,
    /** Contains a kept unit and more (a cut-off completed, a sentence extended). */
    FULLER,
    /** Similar to a kept unit, at least the near threshold. */
    NEAR
  }

  static final Match NONE = new Match(Relation.NONE, null, null, 0);

  boolean isNone() {
    return relation == Relation.NONE;
  }
}
