package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysAndTextsTest {
  @Test
  void markupCaseWidthAndWhitespaceAreIgnored() {
    assertThat(Keys.key("**見出し**")).isEqualTo(Keys.key("### 見出し")).isEqualTo("見出し");
    assertThat(Keys.key("Ｈｅｌｌｏ   World")).isEqualTo("hello world");
    assertThat(Keys.key("- item")).isEqualTo("item");
    assertThat(Keys.key("…続き")).isEqualTo(Keys.key("...続き")).isEqualTo("続き");
  }

  @Test
  void holdsSearchesOnlyInsideItsWindow() {
    String text = "mill bridge flood bridge";
    assertThat(Texts.holds(text, 0, text.length(), "flood")).isTrue();
    assertThat(Texts.holds(text, 5, 17, "flood")).isTrue();
    // Ends one char past the window, or starts before it.
    assertThat(Texts.holds(text, 5, 16, "flood")).isFalse();
    assertThat(Texts.holds(text, 13, text.length(), "flood")).isFalse();
    assertThat(Texts.holds(text, 3, 3, "")).isTrue();
    assertThat(Texts.holds(text, 0, 3, "mill")).isFalse();
  }

  @Test
  void holdsReadsTwoRangesAsOneStringInPlace() {
    // A cut "土の" in one source and the start "う mill" of the piece after it in another.
    String text = "road 土のう mill 土の";
    String cut = "x 土の";
    String rest = "う mill river";
    assertThat(Texts.holds(text, 0, text.length(), cut, 2, 2, rest, 0, 1)).isTrue();
    assertThat(Texts.holds(text, 0, text.length(), cut, 2, 2, rest, 0, 6)).isTrue();
    // Found where the whole of both ranges fits in the window, and not at the end, where only
    // the first range is.
    assertThat(Texts.holds(text, 5, 7, cut, 2, 2, rest, 0, 1)).isFalse();
    assertThat(Texts.holds(text, 5, 8, cut, 2, 2, rest, 0, 1)).isTrue();
    assertThat(Texts.holds(text, 9, text.length(), cut, 2, 2, rest, 0, 1)).isFalse();
    // An empty first range is the second alone.
    assertThat(Texts.holds(text, 0, text.length(), "", 0, 0, rest, 2, 4)).isTrue();
    // "土のう mill r": the text goes on with "土" after "mill ".
    assertThat(Texts.holds(text, 0, text.length(), cut, 2, 2, rest, 0, 8)).isFalse();
  }

  @Test
  void aUnitReadsItsEdgeCodePointsAsItsTextWould() {
    // A unit over the middle of its source: a surrogate pair inside it is one code point, and a
    // half at its edge is not joined with the other half outside it.
    String source = "a\uD83D\uDC68b\uD83D\uDC69";
    for (int[] range : new int[][] {{1, 4}, {2, 6}, {1, 2}, {3, 5}, {0, 6}}) {
      Unit u = new Unit(0, 0, 0, range[0], range[1], null, source, Unit.Kind.PROSE, true,
          false, false, 0, "", 0, null);
      String t = source.substring(range[0], range[1]);
      assertThat(u.text()).isEqualTo(t);
      for (int i = 0; i < t.length(); i++) {
        assertThat(u.codePointAt(i)).as("%s at %s", t, i).isEqualTo(t.codePointAt(i));
        assertThat(u.codePointBefore(i + 1)).as("%s before %s", t, i + 1)
            .isEqualTo(t.codePointBefore(i + 1));
      }
    }
  }

  @Test
  void nfdAndNfcGiveTheSameKey() {
    assertThat(Keys.key("Bru\u0308cke")).isEqualTo(Keys.key("Br\u00fccke"));
  }

  @Test
  void aKeyNeverStartsWithTheMarkOfALetterBeforeACut() {
    assertThat(Keys.key("\u0301 by the mill")).isEqualTo("by the mill");
    assertThat(Keys.key("…\u0301\u0308. The")).isEqualTo(". the");
    // Inside text a mark stays with its letter.
    assertThat(Keys.key("cafe\u0301 by")).isEqualTo("caf\u00e9 by");
    Keys.Key k = Keys.normalize("\u0301 ab", 0, 4, true);
    assertThat(k.key).isEqualTo("ab");
    assertThat(k.origin[0]).isEqualTo(2);
  }

  @Test
  void aCutThatLostTheMarkOfItsLastLetterStillStandsInItsFullerVersion() {
    String cut = Keys.key("Fluss river e");
    String fuller = Keys.key("9-2-0. Fluss river e\u0301 199-2-1.");
    assertThat(fuller).doesNotContain(cut);
    assertThat(Keys.containsCut(fuller, cut)).isTrue();
    assertThat(Keys.startsWithCut(Keys.key("Fluss river e\u0301 199"), cut)).isTrue();
    // Only a letter composed from the cut's last letter: "a" does not become "é".
    assertThat(Keys.containsCut(Keys.key("Fluss river a\u0301"), cut)).isFalse();
    assertThat(Keys.containsCut(fuller, Keys.key("river x"))).isFalse();
    // A cut at the key's very end has nothing after its last letter to compose with.
    assertThat(Keys.containsCut(Keys.key("Fluss river"), Keys.key("river e"))).isFalse();
    // Where it ends there: after the composed letter, also at the last of several places.
    String kept = Keys.key("river e\u0301 1. river e\u0301 2.");
    assertThat(Keys.lastEndOfCut(kept, cut.substring(cut.indexOf("river")))).isEqualTo(18);
    assertThat(kept.substring(18)).isEqualTo(" 2.");
    assertThat(Keys.lastEndOfCut(kept, "mill")).isEqualTo(-1);
    // And where it first starts there.
    String riverE = cut.substring(cut.indexOf("river"));
    assertThat(Keys.indexOfCut(kept, riverE)).isZero();
    assertThat(Keys.indexOfCut("x " + kept, riverE)).isEqualTo(2);
    assertThat(Keys.indexOfCut(kept, "2.")).isEqualTo(kept.indexOf("2."));
    assertThat(Keys.indexOfCut(kept, "mill")).isEqualTo(-1);
    assertThat(Keys.indexOfCut(Keys.key("Fluss river"), Keys.key("river e"))).isEqualTo(-1);
    // From a place on: the second "river é", composed or bare, and none past the last.
    int second = kept.lastIndexOf("river");
    assertThat(Keys.indexOfCut(kept, riverE, 1)).isEqualTo(second);
    assertThat(Keys.indexOfCut(kept, "river", 1)).isEqualTo(second);
    assertThat(Keys.indexOfCut(kept, riverE, second + 1)).isEqualTo(-1);
  }

  @Test
  // A backstop, on a thread of its own so that a walk that never ends fails the test: this one
  // once did, for any one-letter cut that the key does not hold.
  @org.junit.jupiter.api.Timeout(
      value = 60,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aOneLetterCutIsLookedForOnceAtEachIndex() {
    String key = Keys.key("mill caf\u00e9 road");
    assertThat(Keys.indexOfCut(key, "e")).isEqualTo(key.indexOf('\u00e9'));
    assertThat(Keys.indexOfCut(key, "x")).isEqualTo(-1);
    assertThat(Keys.indexOfCut(key, "x", 3)).isEqualTo(-1);
    assertThat(Keys.indexOfCut("", "x")).isEqualTo(-1);
  }

  @Test
  void originMapsKeyCharsBackToSourceOffsets() {
    Keys.Key k = Keys.normalize("…**Ab** cd", 0, 10, true);
    assertThat(k.key).isEqualTo("ab cd");
    assertThat(k.origin[0]).isEqualTo(3);
    assertThat(k.origin[3]).isEqualTo(8);
    assertThat(k.origin[k.key.length()]).isEqualTo(10);
  }

  @Test
  void sentenceEndsAndLeadIns() {
    assertThat(Texts.endsSentence("Done.")).isTrue();
    assertThat(Texts.endsSentence("終わり。」")).isTrue();
    assertThat(Texts.endsSentence("法整備を急ぎ、企業")).isFalse();
    assertThat(Texts.endsSentence("a list,")).isFalse();
    assertThat(Texts.leadInLength("…abc", 0, 4)).isEqualTo(1);
    assertThat(Texts.leadInLength("... abc", 0, 7)).isEqualTo(4);
    assertThat(Texts.leadInLength("...", 0, 3)).isZero();
  }

  @Test
  void excerptsAndCutsNeverSplitAGraphemeCluster() {
    String family = "ab\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67cd";
    // Offset 4 is inside the ZWJ sequence.
    assertThat(Texts.graphemeFloor(family, 4)).isEqualTo(2);
    assertThat(Texts.graphemeCeil(family, 4)).isEqualTo(10);
    assertThat(Texts.excerpt(family, 5)).isEqualTo("ab");
    assertThat(Texts.excerpt("e\u0301tude", 1)).isEqualTo("e\u0301");
  }

  @Test
  void theLastBaseIsTheLetterACombiningMarkOrJoinerBelongsTo() {
    assertThat(Texts.lastBase("cafe\u0301")).isEqualTo('e');
    assertThat(Texts.lastBase("ab\uD83D\uDC68\u200D\uD83D\uDC69")).isEqualTo(0x1F468);
    assertThat(Texts.lastBase("a\r\n")).isEqualTo('\r');
    assertThat(Texts.lastBase("\uD840\uDC0B")).isEqualTo(0x2000B);
    // The shortcut below U+0300 agrees with ICU after every kind of neighbour.
    com.ibm.icu.text.BreakIterator it = Texts.graphemes();
    for (String before : new String[] {"", "a", "\r", "\u0915\u094D", "\uD83D\uDC68\u200D"}) {
      for (int c = 0; c < 0x300; c++) {
        String s = before + (char) c;
        it.setText(s);
        assertThat(Texts.lastBase(s)).as("U+%04X after %s", c, Report.escape(before))
            .isEqualTo(s.codePointAt(it.preceding(s.length())));
      }
    }
  }

  @Test
  void keysDropJoinersAndSelectorsAndNothingElseNearby() {
    assertThat(Texts.keyIgnores(0x200D)).isTrue();
    assertThat(Texts.keyIgnores(0xFE0F)).isTrue();
    assertThat(Texts.keyIgnores(0xAD)).isTrue();
    assertThat(Texts.keyIgnores('a')).isFalse();
    assertThat(Texts.keyIgnores(0x0301)).isFalse();
    assertThat(Texts.keyIgnores(0x1F469)).isFalse();
    // What the predicate says is what keys do.
    for (int cp : new int[] {0x200D, 0xFE0F, 0xAD, 0x200B, 0x2060}) {
      assertThat(Keys.key("a" + Character.toString(cp) + "b")).isEqualTo("ab");
    }
  }

  @Test
  void aSeamInsideAClusterIsSeen() {
    assertThat(Texts.splitsCluster("cafe", "\u0301 by")).isTrue();
    assertThat(Texts.splitsCluster("ab\uD83D\uDC68", "\u200D\uD83D\uDC69")).isTrue();
    assertThat(Texts.splitsCluster("ab\uD83D", "\uDC68 cd")).isTrue();
    assertThat(Texts.splitsCluster("a\r", "\nb")).isTrue();
    assertThat(Texts.splitsCluster("cafe\u0301", " by")).isFalse();
    assertThat(Texts.splitsCluster("river", "bank")).isFalse();
    assertThat(Texts.splitsCluster("", "\u0301")).isFalse();
    // Only the chars near the seam are looked at, however long the sides.
    assertThat(Texts.splitsCluster("x".repeat(100) + "e", "\u0301" + "y".repeat(100))).isTrue();
  }

  @Test
  void thePlainBoundaryShortcutAgreesWithIcu() {
    // Every BMP code point beside a fixed mix of neighbours: Latin, CJK, kana, Hangul syllables and
    // jamo, combining marks, ZWJ, a virama, CR and LF, a regional-indicator half, a variation
    // selector. The shortcut may say "ask ICU"; it must never claim a boundary ICU does not see.
    String neighbours = "a.\u00E9\u4E2D\u3042\uAC00\u1100\u1161\u11A8\u0301\u200D\u094D\u0915"
        + "\r\n\u00AD\uFE0F\u0E33\u0600\u3000";
    com.ibm.icu.text.BreakIterator it = Texts.graphemes();
    int claimed = 0;
    for (int c = 0; c < 0x10000; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      for (int k = 0; k < neighbours.length(); k++) {
        char n = neighbours.charAt(k);
        for (String pair : new String[] {"" + (char) c + n, "" + n + (char) c}) {
          if (Texts.plainBoundary(pair, 1)) {
            claimed++;
            it.setText(pair);
            assertThat(it.isBoundary(1)).as("U+%04X U+%04X", (int) pair.charAt(0), (int) pair.charAt(1)).isTrue();
          }
        }
      }
    }
    // The shortcut must also be taken: 707,336 of these 2.6 million pairs (ICU 76.1), though half
    // the neighbours are chosen to be the cases it declines.
    assertThat(claimed).isGreaterThan(500_000);
    assertThat(Texts.plainBoundary("ab", 1)).isTrue();
    assertThat(Texts.plainBoundary("\uD83D\uDC68", 1)).isFalse();
    assertThat(Texts.plainBoundary("e\u0301", 1)).isFalse();
  }
}
