package dev.seam;

import com.ibm.icu.lang.UCharacter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the input writes its capitalized words and its tokens that open with a symbol: only where
 * a sentence or line starts, or also inside one. A page break after a line without a full stop
 * asks it whether the next page opens a new block. Built in one pass over the input.
 */
final class Openers {
  /** Capitalized word of a spaced script: {at a sentence start, inside a sentence}. */
  private final Map<String, int[]> capitals = new HashMap<>();

  /** Token that opens with a symbol or bracket ("[Unit]"): {at a line start, inside a line}. */
  private final Map<String, int[]> symbols = new HashMap<>();

  Openers(List<String> fragments) {
    for (String f : fragments) {
      scan(f);
    }
  }

  private void scan(String f) {
    boolean lineStart = true;
    boolean sentenceStart = true;
    int i = 0;
    int n = f.length();
    while (i < n) {
      int cp = f.codePointAt(i);
      if (cp == '\n' || cp == '\r') {
        lineStart = true;
        sentenceStart = true;
        i++;
        continue;
      }
      if (Texts.isWhitespace(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && !Texts.isWhitespace(f.codePointAt(i))) {
        i += Character.charCount(f.codePointAt(i));
      }
      if (UCharacter.isUpperCase(cp) && Texts.wordChar(cp)) {
        int end = start;
        while (end < i && Texts.wordChar(f.codePointAt(end))) {
          end += Character.charCount(f.codePointAt(end));
        }
        capitals.computeIfAbsent(f.substring(start, end), k -> new int[2])[sentenceStart ? 0 : 1]++;
      } else if (!UCharacter.isLetterOrDigit(cp)) {
        symbols.computeIfAbsent(f.substring(start, i), k -> new int[2])[lineStart ? 0 : 1]++;
      }
      int last = f.codePointBefore(i);
      lineStart = false;
      sentenceStart = last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
    }
  }

  /**
   * Whether the input writes capitalized {@code word} at sentence starts other than the one asked
   * about, and never inside a sentence ("You" and "For" open sentences; "Debian" and German nouns
   * stand anywhere).
   */
  boolean opensSentencesOnly(String word) {
    int[] c = capitals.get(word);
    return c != null && c[0] >= 2 && c[1] == 0;
  }

  /** Whether the input writes capitalized {@code word} inside a sentence somewhere. */
  boolean writtenInsideSentences(String word) {
    int[] c = capitals.get(word);
    return c != null && c[1] > 0;
  }

  /**
   * Whether the input writes {@code token} at line starts other than the one asked about, and
   * never inside a line.
   */
  boolean opensLinesOnly(String token) {
    int[] c = symbols.get(token);
    return c != null && c[0] >= 2 && c[1] == 0;
  }
}
