package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
  /** The textbook table, cell by cell: slow and obviously right. */
  private static int table(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  /**
   * {@code cut} against each prefix of {@code whole}, one table per prefix, the least of them:
   * slower still, and right by definition.
   */
  private static int prefixTable(String cut, String whole) {
    int best = Integer.MAX_VALUE;
    for (int j = 0; j <= whole.length(); j++) {
      best = Math.min(best, table(cut, whole.substring(0, j)));
    }
    return best;
  }

  /** A string over a few ASCII letters, a CJK char, a combining mark and a surrogate pair. */
  private static String random(Random r, int length, int letters) {
    String[] alphabet = {"a", "b", "c", "d", " ", "川", "\u0301", "\uD83D\uDE00", "E", "x"};
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(alphabet[r.nextInt(Math.min(letters, alphabet.length))]);
    }
    return b.toString();
  }

  /** {@code s} with a few random edits, so pairs are near as well as far. */
  private static String edit(Random r, String s, int edits) {
    StringBuilder b = new StringBuilder(s);
    for (int k = 0; k < edits && b.length() > 0; k++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, (char) ('a' + r.nextInt(4)));
        default -> b.setCharAt(at, (char) ('a' + r.nextInt(4)));
      }
    }
    return b.toString();
  }

  @Test
  void agreesWithTheTableOnEveryLengthAcrossTheBlockEdges() {
    Random r = new Random(20261123);
    for (int round = 0; round < 20_000; round++) {
      // Lengths around 64 and 128 cross one and two block edges of the bit-vector column.
      int length = r.nextInt(4) == 0 ? 60 + r.nextInt(75) : r.nextInt(200);
      String a = random(r, length, 2 + r.nextInt(9));
      String b = r.nextBoolean() ? edit(r, a, r.nextInt(12)) : random(r, r.nextInt(200), 10);
      int expected = table(a, b);
      assertThat(EditDistance.distance(a, b, Integer.MAX_VALUE - 1))
          .as("%s / %s", a, b)
          .isEqualTo(expected);
      assertThat(EditDistance.distance(b, a, Integer.MAX_VALUE - 1)).isEqualTo(expected);
      // Under a bound: the distance when within it, OVER otherwise, never a wrong number.
      int bound = r.nextInt(Math.max(1, expected * 2 + 1));
      assertThat(EditDistance.distance(a, b, bound))
          .as("%s / %s bound %d", a, b, bound)
          .isEqualTo(expected <= bound ? expected : EditDistance.OVER);
    }
  }

  @Test
  void agreesWithTheTableOnManyDistinctChars() {
    // More distinct chars than the mask table starts with: it grows while the pattern is read.
    Random r = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder a = new StringBuilder();
      for (int k = r.nextInt(150); k > 0; k--) {
        a.append((char) ('\u4E00' + r.nextInt(60)));
      }
      String b = edit(r, a.toString(), r.nextInt(20));
      assertThat(EditDistance.distance(a.toString(), b, Integer.MAX_VALUE - 1))
          .isEqualTo(table(a.toString(), b));
    }
  }

  @Test
  void prefixDistanceAgreesWithTheTableOnEveryPrefix() {
    Random r = new Random(20261124);
    for (int round = 0; round < 1_500; round++) {
      int length = r.nextInt(4) == 0 ? 60 + r.nextInt(75) : r.nextInt(150);
      String whole = random(r, length, 2 + r.nextInt(9));
      // A cut of the whole, edited (a restart that says a word more), or something else.
      String cut = switch (r.nextInt(3)) {
        case 0 -> edit(r, whole.substring(0, r.nextInt(whole.length() + 1)), r.nextInt(8));
        case 1 -> edit(r, whole, r.nextInt(8));
        default -> random(r, r.nextInt(150), 10);
      };
      int expected = prefixTable(cut, whole);
      assertThat(EditDistance.prefixDistance(cut, whole, Integer.MAX_VALUE - 1000))
          .as("%s / %s", cut, whole)
          .isEqualTo(expected);
      int bound = r.nextInt(Math.max(1, expected * 2 + 1));
      assertThat(EditDistance.prefixDistance(cut, whole, bound))
          .as("%s / %s bound %d", cut, whole, bound)
          .isEqualTo(expected <= bound ? expected : EditDistance.OVER);
    }
  }

  @Test
  void prefixDistanceEdgeCases() {
    // The rest of the whole sentence, which the cut never reached, costs nothing.
    assertThat(EditDistance.prefixDistance("sandbags volu", "sandbags volunteers 352-3-0.", 0))
        .isZero();
    // A word more in the cut costs its length, not the kept end as well.
    assertThat(EditDistance.prefixDistance("a b b b c", "a b b c d e f g", 10)).isEqualTo(2);
    assertThat(EditDistance.distance("a b b b c", "a b b c d e f g", 10)).isEqualTo(8);
    assertThat(EditDistance.prefixDistance("", "abc", 0)).isZero();
    assertThat(EditDistance.prefixDistance("abc", "", 3)).isEqualTo(3);
    assertThat(EditDistance.prefixDistance("abc", "", 2)).isEqualTo(EditDistance.OVER);
    // A cut longer than the whole sentence is compared with all of it.
    assertThat(EditDistance.prefixDistance("kitten", "sitt", 10)).isEqualTo(3);
    String longCut = "a".repeat(1000);
    assertThat(EditDistance.prefixDistance(longCut, "b" + longCut + "tail", 1)).isEqualTo(1);
    assertThat(EditDistance.prefixDistance(longCut, "b".repeat(2000), 999))
        .isEqualTo(EditDistance.OVER);
    assertThatThrownBy(() -> EditDistance.prefixDistance("a", "b", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bound");
  }

  @Test
  void edgeCases() {
    assertThat(EditDistance.distance("", "", 0)).isZero();
    assertThat(EditDistance.distance("", "abc", 3)).isEqualTo(3);
    assertThat(EditDistance.distance("", "abc", 2)).isEqualTo(EditDistance.OVER);
    assertThat(EditDistance.distance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(EditDistance.distance("kitten", "sitting", 2)).isEqualTo(EditDistance.OVER);
    // Units, not code points: a surrogate pair against another differs in one unit here.
    assertThat(EditDistance.distance("\uD83D\uDE00", "\uD83D\uDE01", 5)).isEqualTo(1);
    String longA = "a".repeat(1000);
    assertThat(EditDistance.distance(longA, longA + "b", 0)).isEqualTo(EditDistance.OVER);
    assertThat(EditDistance.distance(longA, "b" + longA, 1)).isEqualTo(1);
    assertThat(EditDistance.distance(longA, "b".repeat(1000), 1000)).isEqualTo(1000);
    assertThatThrownBy(() -> EditDistance.distance("a", "b", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bound");
  }
}
