package dev.seam;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a reassembly changed or flagged, in input order (fragment, then offset).
 *
 * <p>Accounting: every non-whitespace character of the input is either in the output or inside the
 * {@link Change#source() source} of a change whose kind {@link ChangeKind#removesText() removes
 * text}. Layout whitespace (line endings, runs of blank lines at a seam) is normalized and not
 * itemized.
 *
 * @param changes the changes, sorted by fragment and start offset
 */
public record Report(ImmutableList<Change> changes) {

  /** An empty report: the input came back unchanged. */
  public static final Report EMPTY = new Report(ImmutableList.of());

  /** Validates and copies. */
  public Report {
    requireNonNull(changes, "changes");
  }

  /** Whether nothing was changed or flagged. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * How many changes of each kind, for kinds that occur, in {@link ChangeKind} order. The summary
   * a log line or a dashboard wants.
   */
  public ImmutableSortedMap<ChangeKind, Integer> counts() {
    Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
    for (Change c : changes) {
      counts.merge(c.kind(), 1, Integer::sum);
    }
    return ImmutableSortedMap.copyOf(counts);
  }

  /** Number of changes of one kind. */
  public int count(ChangeKind kind) {
    int n = 0;
    for (Change c : changes) {
      if (c.kind() == kind) {
        n++;
      }
    }
    return n;
  }

  /** Total number of input chars inside changes that remove text. */
  public long removedChars() {
    long n = 0;
    for (Change c : changes) {
      if (c.kind().removesText()) {
        n += c.source().length();
      }
    }
    return n;
  }

  /** Whether some text was left cut off mid-sentence (see {@link ChangeKind#CUT_OFF_LEFT}). */
  public boolean truncated() {
    return count(ChangeKind.CUT_OFF_LEFT) > 0;
  }
}
