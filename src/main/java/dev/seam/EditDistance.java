package dev.seam;

import java.util.Arrays;

/**
 * Levenshtein distance between two char sequences (UTF-16 units, as comparison keys are stored), by
 * Myers' bit-vector algorithm: one pass over the longer string, 64 rows of the dynamic-programming
 * table at a time, so a comparison costs about {@code n * ceil(m / 64)} word operations instead of
 * {@code n * m} cells.
 *
 * <p>Near-duplicate matching compares every candidate sentence pair and every repeated front matter
 * block with this, and a cell-by-cell table made it about a tenth of a call on the seeds. The
 * result is the exact distance, so the similarity of every match, and with it every decision, is
 * the same as with the table.
 *
 * <p>Follows G. Myers, "A fast bit-vector algorithm for approximate string matching based on
 * dynamic programming" (J. ACM 46(3), 1999), block-based form, with the first row fixed at
 * {@code D[0][j] = j} (global distance, not search).
 */
final class EditDistance {
  private EditDistance() {}

  /** Returned when the distance exceeds the bound. */
  static final int OVER = Integer.MAX_VALUE;

  /**
   * The Levenshtein distance between {@code a} and {@code b}, or {@link #OVER} if it exceeds {@code
   * bound} (then the pass stops as soon as the bound cannot be met).
   */
  static int distance(String a, String b, int bound) {
    if (bound < 0) {
      throw new IllegalArgumentException("bound must be >= 0: " + bound);
    }
    if (a.length() > b.length()) {
      String t = a;
      a = b;
      b = t;
    }
    if (b.length() - a.length() > bound) {
      return OVER;
    }
    // A common prefix and suffix never change the distance; near-duplicates share long ones.
    int start = 0;
    int aEnd = a.length();
    int bEnd = b.length();
    while (start < aEnd && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    while (aEnd > start && a.charAt(aEnd - 1) == b.charAt(bEnd - 1)) {
      aEnd--;
      bEnd--;
    }
    int m = aEnd - start;
    int n = bEnd - start;
    if (m == 0) {
      return n <= bound ? n : OVER;
    }
    return m <= 64
        ? oneWord(a, start, m, b, start, n, bound, false)
        : blocks(a, start, m, b, start, n, bound, false);
  }

  /**
   * The Levenshtein distance between {@code cut} and the prefix of {@code whole} nearest to it, or
   * {@link #OVER} if that exceeds {@code bound}: how far a sentence cut off short is from the
   * start of a whole one, whatever the whole one says after the point where the cut stopped.
   */
  static int prefixDistance(String cut, String whole, int bound) {
    if (bound < 0) {
      throw new IllegalArgumentException("bound must be >= 0: " + bound);
    }
    int start = 0;
    int m = cut.length();
    // A prefix longer than the cut by more than the bound is further from it than the bound.
    int n = (int) Math.min(whole.length(), (long) m + bound);
    while (start < m && start < n && cut.charAt(start) == whole.charAt(start)) {
      start++;
    }
    if (start == m) {
      return 0;
    }
    int rows = m - start;
    int columns = n - start;
    if (columns == 0) {
      return rows <= bound ? rows : OVER;
    }
    return rows <= 64
        ? oneWord(cut, start, rows, whole, start, columns, bound, true)
        : blocks(cut, start, rows, whole, start, columns, bound, true);
  }

  /** The pattern's match masks: for each char, the bits of the rows where it stands. */
  private static final class Peq {
    private static final long[] NONE = new long[0];
    private final int blocks;
    private final long[][] ascii = new long[128][];
    // Other chars in a small open-addressed table: a key has few distinct chars.
    private char[] keys = new char[16];
    private long[][] masks = new long[16][];
    private int size;

    Peq(String p, int from, int m) {
      blocks = (m + 63) >>> 6;
      for (int i = 0; i < m; i++) {
        char c = p.charAt(from + i);
        long[] mask;
        if (c < 128) {
          if (ascii[c] == null) {
            ascii[c] = new long[blocks];
          }
          mask = ascii[c];
        } else {
          mask = slot(c, true);
        }
        mask[i >>> 6] |= 1L << (i & 63);
      }
    }

    /**
     * The masks of {@code c}, one per block, looked up once per text char however many blocks;
     * empty when the pattern does not hold {@code c}.
     */
    long[] masks(char c) {
      if (c < 128) {
        return ascii[c] != null ? ascii[c] : NONE;
      }
      return slot(c, false);
    }

    private long[] slot(char c, boolean create) {
      int i = (c * 0x9E37) & (keys.length - 1);
      while (masks[i] != null) {
        if (keys[i] == c) {
          return masks[i];
        }
        i = (i + 1) & (keys.length - 1);
      }
      if (!create) {
        return NONE;
      }
      if (2 * (size + 1) > keys.length) {
        grow();
        return slot(c, true);
      }
      keys[i] = c;
      masks[i] = new long[blocks];
      size++;
      return masks[i];
    }

    private void grow() {
      char[] oldKeys = keys;
      long[][] oldMasks = masks;
      keys = new char[oldKeys.length * 2];
      masks = new long[oldKeys.length * 2][];
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldMasks[k] != null) {
          int i = (oldKeys[k] * 0x9E37) & (keys.length - 1);
          while (masks[i] != null) {
            i = (i + 1) & (keys.length - 1);
          }
          keys[i] = oldKeys[k];
          masks[i] = oldMasks[k];
        }
      }
    }
  }

  /** A pattern of at most 64 chars: the whole column in one word. */
  private static int oneWord(
      String p, int pFrom, int m, String t, int tFrom, int n, int bound, boolean prefix) {
    Peq peq = new Peq(p, pFrom, m);
    long high = 1L << (m - 1);
    long pv = -1L;
    long mv = 0;
    int score = m;
    // With prefix, the least last-row value over all columns: the pattern against the nearest
    // prefix of the text, column 0 (the empty prefix) included.
    int least = m;
    for (int j = 0; j < n; j++) {
      long[] row = peq.masks(t.charAt(tFrom + j));
      long eq = row.length == 0 ? 0 : row[0];
      long xv = eq | mv;
      long xh = (((eq & pv) + pv) ^ pv) | eq;
      long ph = mv | ~(xh | pv);
      long mh = pv & xh;
      if ((ph & high) != 0) {
        score++;
      } else if ((mh & high) != 0) {
        score--;
      }
      // The first row is D[0][j] = j: every step along it costs one.
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      least = Math.min(least, score);
      // Each remaining column lowers the last row by at most one.
      if (score - (n - 1 - j) > bound) {
        return prefix && least <= bound ? least : OVER;
      }
    }
    int result = prefix ? least : score;
    return result <= bound ? result : OVER;
  }

  /** A longer pattern: the column in 64-row blocks, each passing its last row's step down. */
  private static int blocks(
      String p, int pFrom, int m, String t, int tFrom, int n, int bound, boolean prefix) {
    Peq peq = new Peq(p, pFrom, m);
    int count = peq.blocks;
    long[] pvs = new long[count];
    long[] mvs = new long[count];
    Arrays.fill(pvs, -1L);
    long lastHigh = 1L << ((m - 1) & 63);
    int score = m;
    int least = m;
    for (int j = 0; j < n; j++) {
      long[] row = peq.masks(t.charAt(tFrom + j));
      int hin = 1;
      for (int b = 0; b < count; b++) {
        long pv = pvs[b];
        long mv = mvs[b];
        long eq = row.length == 0 ? 0 : row[b];
        long xv = eq | mv;
        if (hin < 0) {
          eq |= 1;
        }
        long xh = (((eq & pv) + pv) ^ pv) | eq;
        long ph = mv | ~(xh | pv);
        long mh = pv & xh;
        long high = b == count - 1 ? lastHigh : Long.MIN_VALUE;
        int hout = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (hin < 0) {
          mh |= 1;
        } else if (hin > 0) {
          ph |= 1;
        }
        pvs[b] = mh | ~(xv | ph);
        mvs[b] = ph & xv;
        hin = hout;
      }
      score += hin;
      least = Math.min(least, score);
      if (score - (n - 1 - j) > bound) {
        return prefix && least <= bound ? least : OVER;
      }
    }
    int result = prefix ? least : score;
    return result <= bound ? result : OVER;
  }
}
