package dev.seam;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One change the reassembly made, or one decision it flags.
 *
 * <table>
 *   <caption>Edge cases</caption>
 *   <tr><th>case</th><th>what the change holds</th></tr>
 *   <tr><td>a flag such as {@link ChangeKind#CUT_OFF_REPAIRED}</td>
 *       <td>{@code source} is the position or text flagged; nothing was removed</td></tr>
 *   <tr><td>CRLF input</td><td>offsets count the {@code \r} chars of the original string</td></tr>
 *   <tr><td>no other text involved (a marker)</td>
 *       <td>{@code kept}, {@code match} and {@code similarity} are empty</td></tr>
 *   <tr><td>a near version cut off at a marker</td>
 *       <td>{@code similarity} compares it with the kept sentence only as far as the cut reached:
 *       1 − the edit distance to the nearest start of the kept one / the cut's length</td></tr>
 * </table>
 *
 * @param kind what was done
 * @param source the affected input range
 * @param excerpt the start of the affected text, at most about 60 chars, never splitting a
 *     grapheme cluster
 * @param kept where the text kept in its place comes from, if another piece of text is involved
 * @param match how the affected text relates to the kept text, if another piece is involved
 * @param similarity 0..1, 1 meaning identical after normalization; present when {@code kept} is
 */
public record Change(
    ChangeKind kind,
    SourceSpan source,
    String excerpt,
    Optional<SourceSpan> kept,
    Optional<MatchKind> match,
    OptionalDouble similarity) {

  /** Validates the fields. */
  public Change {
    requireNonNull(kind, "kind");
    requireNonNull(source, "source");
    requireNonNull(excerpt, "excerpt");
    requireNonNull(kept, "kept");
    requireNonNull(match, "match");
    requireNonNull(similarity, "similarity");
    similarity.ifPresent(
        s -> checkArgument(s >= 0 && s <= 1, "similarity must be in [0, 1]: %s", s));
  }

  /** A change that involves no other text. */
  static Change of(ChangeKind kind, SourceSpan source, String excerpt) {
    return new Change(
        kind, source, excerpt, Optional.empty(), Optional.empty(), OptionalDouble.empty());
  }

  /** A change relative to kept text. */
  static Change relative(
      ChangeKind kind,
      SourceSpan source,
      String excerpt,
      SourceSpan kept,
      MatchKind match,
      double similarity) {
    return new Change(
        kind, source, excerpt, Optional.of(kept), Optional.of(match), OptionalDouble.of(similarity));
  }
}
