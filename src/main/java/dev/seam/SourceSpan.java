package dev.seam;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A character range {@code [start, end)} of one input fragment, in the fragment string exactly as
 * the caller passed it (before line endings are normalized).
 *
 * @param fragment index of the fragment in the list given to {@link Reassembler#reassemble}
 * @param start first char index, inclusive
 * @param end last char index, exclusive; {@code end == start} marks a position, not a range
 */
public record SourceSpan(int fragment, int start, int end) {
  /** Validates the indices. */
  public SourceSpan {
    checkArgument(fragment >= 0, "fragment must be >= 0: %s", fragment);
    checkArgument(start >= 0 && end >= start, "bad range [%s, %s)", start, end);
  }

  /** Number of chars in the range. */
  public int length() {
    return end - start;
  }

  @Override
  public String toString() {
    return "#" + fragment + "[" + start + "," + end + ")";
  }
}
