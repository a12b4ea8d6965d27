package dev.seam;

import com.ibm.icu.text.Normalizer2;

/**
 * Comparison keys: NFKC with case folding, markdown emphasis, heading, bullet and quote marks, a
 * leading lead-in mark and leading combining marks ignored, whitespace collapsed to one space. Keys
 * are for comparing only; output always keeps the input's characters.
 */
final class Keys {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private Keys() {}

  /**
   * Whether {@code key} starts with the key of a cut, also when the cut fell inside a cluster:
   * "Fluss e" cut before its combining acute starts "fluss \u00e9 ...", whose \u00e9 the key
   * composed.
   */
  static boolean startsWithCut(String key, String cut) {
    if (key.startsWith(cut)) {
      return true;
    }
    if (cut.isEmpty()) {
      return false;
    }
    int last = cut.offsetByCodePoints(cut.length(), -1);
    if (key.length() <= last || !key.startsWith(cut.substring(0, last))) {
      return false;
    }
    return composesFrom(key.codePointAt(last), cut.codePointAt(last));
  }

  /**
   * Whether {@code key} says the key of a cut somewhere, also when the cut fell inside a cluster:
   * the cut "river e", stopped before its combining acute, stands in "fluss river \u00e9 199-2-1."
   * as {@link #startsWithCut} finds it at a start.
   */
  static boolean containsCut(String key, String cut) {
    return lastEndOfCut(key, cut) >= 0;
  }

  /**
   * Where the last place {@code key} says the key of a cut ends, also when the cut fell inside a
   * cluster (as {@link #containsCut}); -1 if it says it nowhere.
   */
  static int lastEndOfCut(String key, String cut) {
    int p = key.lastIndexOf(cut);
    if (p >= 0) {
      return p + cut.length();
    }
    if (cut.isEmpty()) {
      return -1;
    }
    int last = cut.offsetByCodePoints(cut.length(), -1);
    String head = cut.substring(0, last);
    int base = cut.codePointAt(last);
    for (int q = key.lastIndexOf(head); q >= 0; q = key.lastIndexOf(head, q - 1)) {
      int at = q + last;
      if (at < key.length() && composesFrom(key.codePointAt(at), base)) {
        return at + Character.charCount(key.codePointAt(at));
      }
    }
    return -1;
  }

  /**
   * Where {@code key} first says the key of a cut, also when the cut fell inside a cluster (as
   * {@link #containsCut}: the cut "road e" at "road \u00e9"); -1 if it says it nowhere.
   */
  static int indexOfCut(String key, String cut) {
    return indexOfCut(key, cut, 0);
  }

  /** As {@link #indexOfCut(String, String)}, from index {@code from} of {@code key} on. */
  static int indexOfCut(String key, String cut, int from) {
    int p = key.indexOf(cut, from);
    if (p >= 0 || cut.isEmpty()) {
      return p;
    }
    int last = cut.offsetByCodePoints(cut.length(), -1);
    String head = cut.substring(0, last);
    int base = cut.codePointAt(last);
    // An empty head (a cut of one letter) is found at every index, and at the key's end for
    // ever after: the walk stops there.
    for (int q = key.indexOf(head, from); q >= 0 && q < key.length();
        q = key.indexOf(head, q + 1)) {
      int at = q + last;
      if (at < key.length() && composesFrom(key.codePointAt(at), base)) {
        return q;
      }
    }
    return -1;
  }

  /**
   * Whether {@code cp} is a letter composed from {@code base} and marks ("\u00e9" from "e"): a cut
   * between a letter and its mark keys the bare letter, a repeat of it the composed one.
   */
  static boolean composesFrom(int cp, int base) {
    String whole = cp != base ? NFD.getDecomposition(cp) : null;
    return whole != null && whole.codePointAt(0) == base;
  }

  /** Whether {@code cp} decomposes to a base and marks that end with {@code mark}. */
  static boolean endsWithMark(int cp, int mark) {
    String whole = cp != mark ? NFD.getDecomposition(cp) : null;
    return whole != null && whole.codePointBefore(whole.length()) == mark;
  }

  /** A key and, for each key char, the offset in the source text it came from. */
  static final class Key {
    final String key;
    // origin[i] = source offset of the normalization chunk that produced key char i;
    // origin[key.length()] = end of the normalized range.
    final int[] origin;

    Key(String key, int[] origin) {
      this.key = key;
      this.origin = origin;
    }
  }

  /**
   * For each BMP code point: 0 not yet known, 1 NFKC_Casefold maps it alone to itself, 2 it does
   * not. Most kana and kanji are not "inert" (a following mark could compose with them), yet alone
   * they map to themselves; knowing that spares a normalizer call per char. Filled lazily; racing
   * threads write the same value, so no lock is needed.
   */
  private static final byte[] SELF = new byte[0x10000];

  /** Whether {@code cp}, followed by a normalization boundary, normalizes to itself. */
  private static boolean normalizesToItself(int cp) {
    if (cp >= 0x10000) {
      return NFKC_CF.isInert(cp);
    }
    byte known = SELF[cp];
    if (known == 0) {
      String alone = String.valueOf((char) cp);
      known = NFKC_CF.normalize(alone).equals(alone) ? (byte) 1 : (byte) 2;
      SELF[cp] = known;
    }
    return known == 1;
  }

  /** The longest text keyed in the reused builder; longer keys get their own. */
  private static final int SCRATCH_CHARS = 1024;

  private static final ThreadLocal<StringBuilder> SCRATCH =
      ThreadLocal.withInitial(() -> new StringBuilder(SCRATCH_CHARS));

  static String key(String s) {
    return normalize(s, 0, s.length(), false).key;
  }

  /**
   * Normalizes {@code s[from, to)}. With {@code withOrigin}, records the source offset of every key
   * char, so that a length in key chars can be mapped back to a source offset.
   */
  static Key normalize(String s, int from, int to, boolean withOrigin) {
    StringBuilder out;
    if (to - from <= SCRATCH_CHARS) {
      // Every unit is keyed once at least; a sentence-sized builder per thread, reused, spares
      // one builder per unit (the key itself is still a copy).
      out = SCRATCH.get();
      out.setLength(0);
    } else {
      out = new StringBuilder(to - from);
    }
    int[] origin = withOrigin ? new int[to - from + 1] : null;
    int i = from + Texts.leadInLength(s, from, to);
    boolean lineStart = true;
    StringBuilder chunk = null;
    while (i < to) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (Texts.isWhitespace(cp)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          origin = append(out, origin, " ", i);
        }
        if (cp == '\n') {
          lineStart = true;
        }
        i += len;
        continue;
      }
      if (out.length() == 0 && Texts.isCombiningMark(cp)) {
        // Text that starts with a combining mark was cut inside a cluster ("e" + "\u0301 by
        // ..."); its letter is on the other side of the cut, and alone the mark matches nothing.
        i += len;
        continue;
      }
      int skip = markupLength(s, i, to, lineStart, out);
      lineStart = false;
      if (skip > 0) {
        i += skip;
        continue;
      }
      // A normalization chunk: this code point and every following one without a boundary
      // before it (a base letter and its combining marks compose together: u + U+0308 = ü).
      int start = i;
      int chunkEnd = i + len;
      while (chunkEnd < to) {
        int next = s.codePointAt(chunkEnd);
        // Every ASCII char starts a normalization chunk; only others need the lookup.
        if (next < 0x80 || NFKC_CF.hasBoundaryBefore(next)) {
          break;
        }
        chunkEnd += Character.charCount(next);
      }
      i = chunkEnd;
      if (chunkEnd == start + len && (cp < 0x80 || normalizesToItself(cp))) {
        // The common case, a char normalization leaves alone (ASCII only lower-cased): no
        // String is made for it.
        if (origin != null) {
          origin = grow(origin, out.length() + len + 1);
          for (int k = 0; k < len; k++) {
            origin[out.length() + k] = start;
          }
        }
        if (cp < 0x80) {
          char c = (char) cp;
          out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        } else {
          out.appendCodePoint(cp);
        }
      } else {
        if (chunk == null) {
          chunk = new StringBuilder();
        }
        chunk.setLength(0);
        for (int k = start; k < chunkEnd; ) {
          int c = s.codePointAt(k);
          k += Character.charCount(c);
          // Markup inside a chunk (a combining mark after '*') is still markup.
          if (c != '*' && c != '_' && c != '`') {
            chunk.appendCodePoint(c);
          }
        }
        String norm = NFKC_CF.normalize(chunk);
        StringBuilder cleaned = new StringBuilder(norm.length());
        for (int k = 0; k < norm.length(); ) {
          int c = norm.codePointAt(k);
          k += Character.charCount(c);
          if (Texts.isWhitespace(c)) {
            if ((out.length() + cleaned.length()) > 0
                && (cleaned.length() > 0
                    ? cleaned.charAt(cleaned.length() - 1) != ' '
                    : out.charAt(out.length() - 1) != ' ')) {
              cleaned.append(' ');
            }
          } else {
            cleaned.appendCodePoint(c);
          }
        }
        origin = append(out, origin, cleaned.toString(), start);
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    if (origin != null) {
      int[] exact = new int[out.length() + 1];
      System.arraycopy(origin, 0, exact, 0, out.length());
      exact[out.length()] = to;
      origin = exact;
    }
    return new Key(out.toString(), origin);
  }

  private static int[] grow(int[] origin, int need) {
    if (need <= origin.length) {
      return origin;
    }
    int[] grown = new int[Math.max(need, origin.length * 2)];
    System.arraycopy(origin, 0, grown, 0, origin.length);
    return grown;
  }

  private static int[] append(StringBuilder out, int[] origin, String text, int source) {
    if (origin != null) {
      int need = out.length() + text.length() + 1;
      if (need > origin.length) {
        int[] grown = new int[Math.max(need, origin.length * 2)];
        System.arraycopy(origin, 0, grown, 0, out.length());
        origin = grown;
      }
      for (int k = 0; k < text.length(); k++) {
        origin[out.length() + k] = source;
      }
    }
    out.append(text);
    return origin;
  }

  /**
   * Length of markdown markup at {@code i} that keys ignore: emphasis and code marks anywhere,
   * heading hashes, bullets and quote marks at a line start or after a space (context lines glue
   * headings into running text).
   */
  private static int markupLength(String s, int i, int to, boolean lineStart, StringBuilder out) {
    char c = s.charAt(i);
    if (c == '*' || c == '_' || c == '`') {
      return 1;
    }
    boolean atStart = lineStart || out.length() == 0 || out.charAt(out.length() - 1) == ' ';
    if (!atStart) {
      return 0;
    }
    if (c == '#') {
      int j = i;
      while (j < to && s.charAt(j) == '#') {
        j++;
      }
      if (j - i <= 6 && (j == to || Texts.isWhitespace(s.charAt(j)))) {
        return j - i;
      }
      return 0;
    }
    // A bullet or quote mark at a line start, or glued into running text by a context line
    // ("... bekommen: - Geben Sie ..."): keys only compare, so a dash between spaces can go too.
    if (c == '-' || c == '+' || c == '>') {
      if (i + 1 == to || Texts.isWhitespace(s.charAt(i + 1))) {
        return 1;
      }
    }
    return 0;
  }
}
