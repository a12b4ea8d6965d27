package dev.seam;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/** Character-level helpers. Boundaries come from ICU; nothing here walks raw chars for meaning. */
final class Texts {
  private static final BreakIterator GRAPHEMES = BreakIterator.getCharacterInstance(ULocale.ROOT);
  private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(ULocale.ROOT);

  private Texts() {}

  /** A fresh grapheme-cluster iterator; BreakIterator is stateful, so each call clones. */
  static BreakIterator graphemes() {
    return (BreakIterator) GRAPHEMES.clone();
  }

  /** A fresh sentence iterator (UAX #29 via ICU). */
  static BreakIterator sentences() {
    return (BreakIterator) SENTENCES.clone();
  }

  static boolean isWhitespace(int cp) {
    if (cp < 0x10000) {
      return (BMP_WHITESPACE[cp >>> 6] & (1L << cp)) != 0;
    }
    return UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE);
  }

  /**
   * ICU's White_Space property (and U+FEFF) for the BMP, read once: this test runs for every char
   * of every key, and a property lookup per char was a measurable share of a run.
   */
  private static final long[] BMP_WHITESPACE = new long[0x10000 / 64];

  static {
    for (int cp = 0; cp < 0x10000; cp++) {
      if (UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE) || cp == 0xFEFF) {
        BMP_WHITESPACE[cp >>> 6] |= 1L << cp;
      }
    }
  }

  static boolean isBlank(CharSequence s, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(s, i);
      if (!isWhitespace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * The first code point of the last grapheme cluster of non-empty {@code s}: the letter that
   * says which script a text ends in. The last code point may be a combining mark or a joiner
   * ("e\u0301" ends in U+0301, whose script is inherited from the letter before it).
   */
  static int lastBase(String s) {
    int cp = s.codePointBefore(s.length());
    // Below U+0300 only LF (CR LF) and the pictographs (c) and (R) (after a ZWJ) can extend a
    // cluster: Latin text needs no iterator.
    if (cp < 0x300 && cp != '\n' && cp != 0xA9 && cp != 0xAE) {
      return cp;
    }
    BreakIterator it = graphemes();
    it.setText(s);
    return s.codePointAt(it.preceding(s.length()));
  }

  /** How many chars either side of a seam decide whether a grapheme cluster spans it. */
  static final int SEAM_CONTEXT = 16;

  /**
   * Whether {@code before} followed by {@code after} has no grapheme boundary between them: a cut
   * fell inside a cluster ("e" + "\u0301", a ZWJ sequence, a surrogate pair).
   */
  static boolean splitsCluster(String before, String after) {
    if (before.isEmpty() || after.isEmpty()) {
      return false;
    }
    if (plainBoundary(before.charAt(before.length() - 1), after.charAt(0))) {
      return false;
    }
    // Clusters that span a seam are short; a few chars either side decide it.
    int from = Math.max(0, before.length() - SEAM_CONTEXT);
    String around =
        before.substring(from) + after.substring(0, Math.min(SEAM_CONTEXT, after.length()));
    BreakIterator it = graphemes();
    it.setText(around);
    return !it.isBoundary(before.length() - from);
  }

  /** Whether {@code cp} is a combining mark (of any kind): it finishes the letter before it. */
  static boolean isCombiningMark(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** Whether comparison keys drop {@code cp}: a default-ignorable code point (joiners, selectors). */
  static boolean keyIgnores(int cp) {
    return cp >= 0xAD && UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
  }

  /** The nearest grapheme boundary at or after {@code offset} within {@code s}. */
  static int graphemeCeil(String s, int offset) {
    if (offset <= 0) {
      return 0;
    }
    if (offset >= s.length()) {
      return s.length();
    }
    if (plainBoundary(s, offset)) {
      return offset;
    }
    BreakIterator it = graphemes();
    it.setText(s);
    return it.isBoundary(offset) ? offset : it.following(offset);
  }

  /** The nearest grapheme boundary at or before {@code offset} within {@code s}. */
  static int graphemeFloor(String s, int offset) {
    if (offset <= 0) {
      return 0;
    }
    if (offset >= s.length()) {
      return s.length();
    }
    if (plainBoundary(s, offset)) {
      return offset;
    }
    BreakIterator it = graphemes();
    it.setText(s);
    return it.isBoundary(offset) ? offset : it.preceding(offset);
  }

  /**
   * Whether {@code offset} (inside {@code s}) is certainly a grapheme boundary: the code points on
   * both sides have Grapheme_Cluster_Break=Other, and every UAX #29 rule that joins two code points
   * needs one of them to be something else (CR, LF, Control, Extend, ZWJ, SpacingMark, Prepend,
   * a regional indicator or a Hangul jamo). Answering that from two property lookups spares
   * cloning an iterator (about 2 KB) for the common case; anything else asks ICU.
   */
  static boolean plainBoundary(String s, int offset) {
    return plainBoundary(s.charAt(offset - 1), s.charAt(offset));
  }

  /** {@link #plainBoundary(String, int)} between two chars side by side. */
  static boolean plainBoundary(char before, char after) {
    if (Character.isSurrogate(before) || Character.isSurrogate(after)) {
      return false;
    }
    if (before >= 0x20 && before < 0x7F && after >= 0x20 && after < 0x7F) {
      return true;
    }
    return graphemeOther(before) && graphemeOther(after);
  }

  private static boolean graphemeOther(char c) {
    return UCharacter.getIntPropertyValue(c, UProperty.GRAPHEME_CLUSTER_BREAK)
        == UCharacter.GraphemeClusterBreak.OTHER;
  }

  /**
   * {@link #excerpt(String, int)} of {@code s[from, to)}, copying only the excerpt when the cut
   * falls on a plain boundary (the same chars decide it either way).
   */
  static String excerpt(String s, int from, int to, int max) {
    return s.substring(from, excerptEnd(s, from, to, max));
  }

  /** Where {@link #excerpt(String, int, int, int)} ends, without making the excerpt. */
  static int excerptEnd(String s, int from, int to, int max) {
    if (to - from <= max) {
      return to;
    }
    if (max > 0 && plainBoundary(s, from + max)) {
      return from + max;
    }
    // Clusters are found within the range alone, as the excerpt of the range's own text would.
    return from + excerpt(s.substring(from, to), max).length();
  }

  /** The start of {@code s}, at most about {@code max} chars, cut at a grapheme boundary. */
  static String excerpt(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = graphemeFloor(s, max);
    // A first cluster longer than the limit is kept whole rather than split.
    return s.substring(0, end > 0 ? end : graphemeCeil(s, 1));
  }

  /** Length of a lead-in mark ("…", "...", "‥", "⋯", repeated) at {@code from}, or 0. */
  static int leadInLength(String s, int from, int to) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '\u2026' || c == '\u2025' || c == '\u22EF') {
        i++;
      } else if (c == '.' && i + 2 < to && s.charAt(i + 1) == '.' && s.charAt(i + 2) == '.') {
        i += 3;
      } else {
        break;
      }
    }
    if (i == from) {
      return 0;
    }
    // "...." alone, or a lead-in swallowing the whole unit, is not a lead-in but text.
    int j = i;
    while (j < to && isWhitespace(s.charAt(j))) {
      j++;
    }
    return j < to ? j - from : 0;
  }

  /**
   * Whether prose text ends at a sentence end: terminal punctuation, possibly followed by closing
   * quotes or brackets. Text that does not is a candidate cut.
   */
  static boolean endsSentence(String s) {
    return endsSentence(s, 0, s.length());
  }

  /** As {@link #endsSentence(String)}, for {@code s[from, to)}, without copying it. */
  static boolean endsSentence(String s, int from, int to) {
    int i = to;
    while (i > from) {
      // Never pair a low surrogate at the range start with a char before the range.
      int cp = i - 1 == from ? s.charAt(from) : s.codePointBefore(i);
      if (isWhitespace(cp) || isClosing(cp)) {
        i -= Character.charCount(cp);
        continue;
      }
      return isTerminal(cp);
    }
    return true;
  }

  private static boolean isClosing(int cp) {
    int type = UCharacter.getType(cp);
    return type == UCharacter.END_PUNCTUATION
        || type == UCharacter.FINAL_PUNCTUATION
        || cp == '"'
        || cp == '\''
        || cp == '*'
        || cp == '_'
        || cp == '`';
  }

  private static boolean isTerminal(int cp) {
    if (UCharacter.hasBinaryProperty(cp, UProperty.S_TERM)
        || UCharacter.hasBinaryProperty(cp, UProperty.TERMINAL_PUNCTUATION)) {
      return cp != ',' && cp != '、' && cp != '，' && cp != '､';
    }
    return cp == '\u2026' || cp == '\u2025';
  }

  /**
   * The letter right before the digits that end {@code s}, else {@code last} (the last base
   * char): a number written against a word spaces as that word's script does.
   */
  static int beforeTrailingDigits(String s, int last) {
    int i = s.length();
    while (i > 0 && UCharacter.isDigit(s.codePointBefore(i))) {
      i -= Character.charCount(s.codePointBefore(i));
    }
    if (i == s.length() || i == 0 || !UCharacter.isLetter(s.codePointBefore(i))) {
      return last;
    }
    return s.codePointBefore(i);
  }

  /** The letter right after the digits that start {@code s}, else its first code point. */
  static int afterLeadingDigits(String s) {
    int i = 0;
    while (i < s.length() && UCharacter.isDigit(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    if (i == 0 || i == s.length() || !UCharacter.isLetter(s.codePointAt(i))) {
      return s.codePointAt(0);
    }
    return s.codePointAt(i);
  }

  /**
   * Whether {@code text[from, to)} holds {@code s}, read in place: a window of a long fragment
   * is searched at every seam, and a copy of it per search was most of what such input allocated.
   */
  static boolean holds(String text, int from, int to, String s) {
    return holds(text, from, to, s, 0, s.length(), "", 0, 0);
  }

  /**
   * Whether {@code text[from, to)} holds {@code a[aFrom, aFrom + aLength)} followed by {@code
   * b[bFrom, bFrom + bLength)}, both read where they are (a cut and the start of the piece after
   * it, without joining them into a string).
   */
  static boolean holds(
      String text, int from, int to, String a, int aFrom, int aLength, String b, int bFrom,
      int bLength) {
    int n = aLength + bLength;
    if (n == 0) {
      return true;
    }
    char first = aLength > 0 ? a.charAt(aFrom) : b.charAt(bFrom);
    for (int p = from, last = to - n; p <= last; p++) {
      if (text.charAt(p) == first && text.regionMatches(p, a, aFrom, aLength)
          && text.regionMatches(p + aLength, b, bFrom, bLength)) {
        return true;
      }
    }
    return false;
  }

  /** Letters of spaced scripts: the chars a word of a spaced script is made of. */
  static boolean wordChar(int cp) {
    return UCharacter.isLetter(cp) && spacedScript(cp);
  }

  /** Whether the script of {@code cp} separates words with spaces (Latin, Cyrillic, Greek, ...). */
  static boolean spacedScript(int cp) {
    if (!UCharacter.isLetterOrDigit(cp)) {
      return false;
    }
    int script = UScript.getScript(cp);
    return switch (script) {
      case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO,
          UScript.KHMER, UScript.MYANMAR, UScript.TIBETAN -> false;
      default -> true;
    };
  }
}
