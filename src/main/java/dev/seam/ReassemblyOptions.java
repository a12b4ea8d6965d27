package dev.seam;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How a {@link Reassembler} decides. The defaults are tuned on the seed documents and the quality
 * benchmark; most callers never change them.
 *
 * @param endMarker marks where generation stopped; recognized on a line of its own (surrounding
 *     whitespace allowed), glued to the end of a line, or anywhere inside a line. Never appears in
 *     the output. Default {@code ---END---}.
 * @param nearSimilarity a sentence at least this similar (0..1, 1 meaning identical) to kept text
 *     is a version of it, not new text; a sentence of 48 or more chars cut off at a marker is
 *     compared with the start of a kept one that opens alike, as far as the cut reached. Default
 *     0.8.
 * @param variantSimilarity a new sentence between sentences that repeat kept text is a version of
 *     the kept sentence in the same place if at least this similar (0..1); lower than {@code
 *     nearSimilarity} because its neighbours already show it is the same passage (002 lines 110
 *     and 172). Default 0.6.
 * @param minOverlap the fewest characters (after normalization) that the start of a continuation
 *     must share with the end of a cut to count as a repeated overlap. Default 4. After a lead-in
 *     mark ("…"), which says that words repeat, they are UTF-16 chars; without one they are code
 *     points, so that one emoji said again right after a cut reads as the next word, and after a
 *     cut that stopped between words at least 16 (or this, if more), so that a word said twice is
 *     not taken for one.
 * @param minRepeatChars sentences shorter than this (after normalization) are removed as repeats
 *     only when a neighbouring sentence repeats too; alone they are kept ("Yes.", a heading).
 *     Default 24.
 * @param variantPolicy which of two near-identical versions is kept. Default {@link
 *     VariantPolicy#KEEP_LATEST}.
 * @param keepRecurrences whether repeats that the way fragments are produced does not explain are
 *     kept (and reported as {@link ChangeKind#RECURRENCE_KEPT}); false removes every repeat, like
 *     exact dedup. Default true.
 *     <p>Serializable, so that options travel to the workers of a distributed job; deserializing
 *     validates them again.
 */
public record ReassemblyOptions(
    String endMarker,
    double nearSimilarity,
    double variantSimilarity,
    int minOverlap,
    int minRepeatChars,
    VariantPolicy variantPolicy,
    boolean keepRecurrences)
    implements java.io.Serializable {

  private static final ReassemblyOptions DEFAULTS = builder().build();

  /** Validates every option; an invalid one fails naming the option. */
  public ReassemblyOptions {
    requireNonNull(endMarker, "endMarker");
    checkArgument(!endMarker.isBlank(), "endMarker must not be blank");
    checkArgument(
        endMarker.indexOf('\n') < 0 && endMarker.indexOf('\r') < 0,
        "endMarker must be on one line: %s",
        endMarker);
    checkArgument(
        nearSimilarity > 0 && nearSimilarity <= 1,
        "nearSimilarity must be in (0, 1]: %s",
        nearSimilarity);
    checkArgument(
        variantSimilarity > 0 && variantSimilarity <= 1,
        "variantSimilarity must be in (0, 1]: %s",
        variantSimilarity);
    checkArgument(minOverlap >= 1, "minOverlap must be >= 1: %s", minOverlap);
    checkArgument(minRepeatChars >= 0, "minRepeatChars must be >= 0: %s", minRepeatChars);
    requireNonNull(variantPolicy, "variantPolicy");
  }

  /** The default options. */
  public static ReassemblyOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .endMarker(endMarker)
        .nearSimilarity(nearSimilarity)
        .variantSimilarity(variantSimilarity)
        .minOverlap(minOverlap)
        .minRepeatChars(minRepeatChars)
        .variantPolicy(variantPolicy)
        .keepRecurrences(keepRecurrences);
  }

  /** Builds {@link ReassemblyOptions}; {@link #build()} validates. */
  public static final class Builder {
    private String endMarker = "---END---";
    private double nearSimilarity = 0.8;
    private double variantSimilarity = 0.6;
    private int minOverlap = 4;
    private int minRepeatChars = 24;
    private VariantPolicy variantPolicy = VariantPolicy.KEEP_LATEST;
    private boolean keepRecurrences = true;

    private Builder() {}

    /** See {@link ReassemblyOptions#endMarker()}. */
    public Builder endMarker(String endMarker) {
      this.endMarker = endMarker;
      return this;
    }

    /** See {@link ReassemblyOptions#nearSimilarity()}. */
    public Builder nearSimilarity(double nearSimilarity) {
      this.nearSimilarity = nearSimilarity;
      return this;
    }

    /** See {@link ReassemblyOptions#variantSimilarity()}. */
    public Builder variantSimilarity(double variantSimilarity) {
      this.variantSimilarity = variantSimilarity;
      return this;
    }

    /** See {@link ReassemblyOptions#minOverlap()}. */
    public Builder minOverlap(int minOverlap) {
      this.minOverlap = minOverlap;
      return this;
    }

    /** See {@link ReassemblyOptions#minRepeatChars()}. */
    public Builder minRepeatChars(int minRepeatChars) {
      this.minRepeatChars = minRepeatChars;
      return this;
    }

    /** See {@link ReassemblyOptions#variantPolicy()}. */
    public Builder variantPolicy(VariantPolicy variantPolicy) {
      this.variantPolicy = variantPolicy;
      return this;
    }

    /** See {@link ReassemblyOptions#keepRecurrences()}. */
    public Builder keepRecurrences(boolean keepRecurrences) {
      this.keepRecurrences = keepRecurrences;
      return this;
    }

    /** Validates and builds. */
    public ReassemblyOptions build() {
      return new ReassemblyOptions(
          endMarker, nearSimilarity, variantSimilarity, minOverlap, minRepeatChars, variantPolicy, keepRecurrences);
    }
  }
}
