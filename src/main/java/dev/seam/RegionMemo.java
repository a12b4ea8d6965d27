package dev.seam;

/**
 * A bounded, direct-mapped memo of values computed from the content of a char range: a later range
 * with the same chars, in any fragment, gets the value computed for the first.
 *
 * <p>Fragments repeat themselves (restarts regenerate paragraphs, copies repeat them), and a
 * repeated sentence's key or a repeated line's sentence bounds cost an ICU pass each time. With the
 * memo they cost one hash of the chars, and units that repeat one text share one key string, so the
 * live set of a call grows with its distinct text, not with its repeats.
 *
 * <p>A value must depend only on the range's chars: then a hit and a miss give the same answer, and
 * the output never depends on what the memo happened to hold. Each slot keeps the last range stored
 * there, so memory is bounded by the capacity, however long the input.
 */
final class RegionMemo<V> {
  private final String[] texts;
  private final int[] starts;
  private final int[] lengths;
  private final int[] hashes;
  private final Object[] values;
  private final int mask;

  /** A memo of about {@code capacity} entries, rounded up to a power of two (at least 16). */
  RegionMemo(int capacity) {
    int size = Integer.highestOneBit(Math.max(16, Math.min(capacity, 1 << 16)) - 1) << 1;
    texts = new String[size];
    starts = new int[size];
    lengths = new int[size];
    hashes = new int[size];
    values = new Object[size];
    mask = size - 1;
  }

  /** A hash of {@code s[from, to)}'s chars, the same wherever those chars stand. */
  static int hash(String s, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h ^ (h >>> 16);
  }

  /** The value stored for a range with the same chars as {@code s[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(String s, int from, int to, int hash) {
    int slot = hash & mask;
    String t = texts[slot];
    if (t == null || hashes[slot] != hash || lengths[slot] != to - from) {
      return null;
    }
    return t.regionMatches(starts[slot], s, from, to - from) ? (V) values[slot] : null;
  }

  void put(String s, int from, int to, int hash, V value) {
    int slot = hash & mask;
    texts[slot] = s;
    starts[slot] = from;
    lengths[slot] = to - from;
    hashes[slot] = hash;
    values[slot] = value;
  }
}
