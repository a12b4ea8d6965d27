package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocTest {
  private static Unit unit(String text) {
    return new Unit(0, 0, 0, 0, text.length(), text, text, Unit.Kind.PROSE, true, false, false, 0, "", 0, null);
  }

  private static Match match(Doc d, String text) {
    Unit u = unit(text);
    return d.match(u.key, d.begin, 0.8);
  }

  @Test
  void exactContainedFullerNearAndNone() {
    Doc d = new Doc();
    Slot a = d.insertAfter(d.begin, unit("The river rose overnight and flooded the road."), "");
    Slot b = d.insertAfter(a, unit("Volunteers filled sandbags near the old mill."), " ");
    assertThat(match(d, "the river rose overnight and flooded the road.").relation())
        .isEqualTo(Match.Relation.EXACT);
    Match cut = match(d, "Volunteers filled sandb");
    assertThat(cut.relation()).isEqualTo(Match.Relation.COVERED);
    assertThat(cut.target()).isSameAs(b);
    Match glued = match(d, "flooded the road. Volunteers filled sandbags");
    assertThat(glued.relation()).isEqualTo(Match.Relation.COVERED);
    assertThat(glued.last()).isSameAs(b);
    // "...mill at dawn." does not contain "...mill." (the full stop): that is a near match.
    assertThat(match(d, "Volunteers filled sandbags near the old mill at dawn.").relation())
        .isEqualTo(Match.Relation.NEAR);
    Slot cutOff = d.insertAfter(b, unit("The bridge was closed until the water"), " ");
    Match fuller = match(d, "The bridge was closed until the water went down on Friday.");
    assertThat(fuller.relation()).isEqualTo(Match.Relation.FULLER);
    assertThat(fuller.target()).isSameAs(cutOff);
    Match near = match(d, "Volunteers filled sandbags near the old mil.");
    assertThat(near.relation()).isEqualTo(Match.Relation.NEAR);
    assertThat(near.similarity()).isBetween(0.8, 1.0);
    assertThat(match(d, "Something else entirely, with no shared words at all.").isNone()).isTrue();
  }

  /**
   * A sentence cut off at a marker that says a word more than a kept one is near it by the part it
   * reached (1529352): the kept end the cut never reached does not count against it, and neither
   * does its last number cut off inside. A number the cut says otherwise, or a whole sentence, gets
   * no such reading.
   */
  @Test
  void aCutIsNearTheStartOfAKeptSentence() {
    Doc d = new Doc();
    Slot kept = d.insertAfter(d.begin,
        unit("road bridge sandbags volunteers volunteers volunteers rising water Brücke 352-3-0."),
        "");
    String cut = Keys.key("road bridge sandbags volunteers volunteers volunteers volunteers "
        + "rising water Brücke 352-3");
    assertThat(d.match(cut, d.begin, 0.8).isNone()).isTrue();
    Match near = d.match(cut, d.begin, 0.8, true);
    assertThat(near.relation()).isEqualTo(Match.Relation.NEAR);
    assertThat(near.target()).isSameAs(kept);
    // One word more ("volunteers "), and nothing for the kept end.
    assertThat(near.similarity()).isCloseTo(1 - 11.0 / cut.length(), within(1e-9));
    String otherNumber = Keys.key("road bridge sandbags volunteers volunteers volunteers "
        + "volunteers rising water Brücke 352-4");
    assertThat(d.match(otherNumber, d.begin, 0.8, true).isNone()).isTrue();
    // A cut that opens otherwise, or a short one, is read as a whole.
    assertThat(d.match("river " + cut, d.begin, 0.8, true).isNone()).isTrue();
    Slot shortKept = d.insertAfter(kept, unit("bridge bridge ש Deich bridge road mill Fluss."), " ");
    assertThat(d.match("bridge bridge 増水 ם deich", d.begin, 0.8, true).isNone()).isTrue();
    assertThat(Doc.prefixSimilarity("bridge bridge 増水 ם deich", shortKept.unit.key, 0.8))
        .isGreaterThan(0.8);
    assertThat(Doc.numbersOpen("a 352-3", "a 352-3-0. b")).isTrue();
    assertThat(Doc.numbersOpen("a 35", "a 352-3-0. b")).isTrue();
    assertThat(Doc.numbersOpen("a 352-4", "a 352-3-0. b")).isFalse();
    assertThat(Doc.numbersOpen("a 3520", "a 352-3-0. b")).isFalse();
    assertThat(Doc.numbersOpen("a 1 b", "a b")).isFalse();
  }

  /**
   * Kept sentences made from one template that differ only in their numbers fill every window of
   * the template, and each window that holds a number's first digits lists other units: those
   * windows bring in only a bounded number of candidates. The sentence that an edited version
   * comes from is still found, by the windows only it shares, and so is the kept cut that a whole
   * sentence completes; among many copies of one sentence, where every window is full, a version
   * of it still finds a copy.
   */
  @Test
  void fullWindowsStillFindTheSentenceAVersionComesFrom() {
    Doc d = new Doc();
    Slot at = d.begin;
    Slot source = null;
    Slot cut = null;
    for (int i = 0; i < 600; i++) {
      String text = "Paragraph " + i + " discusses the flood near the mill and topic "
          + (i * 7919 % 10007) + ". Volunteers counted " + (i * 31 % 997) + " sandbags.";
      at = d.insertAfter(at, unit(i == 502 ? text.substring(0, text.length() - 12) : text), " ");
      source = i == 421 ? at : source;
      cut = i == 502 ? at : cut;
    }
    Match edited = match(d, "Paragraph 421 discusses the flood near the old mill and topic "
        + (421 * 7919 % 10007) + ". Volunteers counted " + (421 * 31 % 997) + " sandbags.");
    assertThat(edited.relation()).isEqualTo(Match.Relation.NEAR);
    assertThat(edited.target()).isSameAs(source);
    Match whole = match(d, "Paragraph 502 discusses the flood near the mill and topic "
        + (502 * 7919 % 10007) + ". Volunteers counted " + (502 * 31 % 997) + " sandbags.");
    assertThat(whole.relation()).isEqualTo(Match.Relation.FULLER);
    assertThat(whole.target()).isSameAs(cut);

    Doc copies = new Doc();
    Slot last = copies.begin;
    java.util.Set<Slot> all = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      last = copies.insertAfter(last, unit("Volunteers filled sandbags near the old mill."), " ");
      all.add(last);
    }
    Match version = match(copies, "Volunteers filled many sandbags near the old mill.");
    assertThat(version.relation()).isEqualTo(Match.Relation.NEAR);
    assertThat(all).contains(version.target());
  }

  /**
   * A short sentence that opens a kept unit which says most of its words again further on (96939:
   * "ם mill 👨‍👩 939-3-1." of "ם mill 👨‍👩 939-3-1. 河水 川 mill 👨‍👩 939-3-2. ..."): the first
   * seed found those words at the second place, and the run there hid the sentence's own start.
   */
  @Test
  void shortSentenceOpeningAUnitThatSaysItsWordsAgainIsCovered() {
    Doc d = new Doc();
    Slot kept = d.insertAfter(d.begin, unit("ם mill 👨\u200D👩 939-3-1. 河水 川 mill 👨\u200D👩"
        + " 939-3-2. é flood ש 川 river mill 増水 flood Fluss volunteers 939-3-3."), "");
    Match m = match(d, "ם mill 👨\u200D👩 939-3-1.");
    assertThat(m.relation()).isEqualTo(Match.Relation.COVERED);
    assertThat(m.target()).isSameAs(kept);
  }

  /**
   * A short sentence whose only anchor the kept unit says twice: the index posts the window at
   * its first place, where it reads on neither way, and the sentence stands at the second
   * (658052).
   */
  @Test
  void shortSentenceAtTheSecondPlaceOfItsOnlyAnchorIsCovered() {
    Doc d = new Doc();
    Slot kept = d.insertAfter(d.begin, unit("川 👨\u200D👩 土のう Fluss volunteers 👨\u200D👩 mill 土のう"
        + " é 52-1-1. 土のう 堤坝 é 52-1-2."), "");
    Match m = match(d, "土のう 堤坝 é 52-1-2.");
    assertThat(m.relation()).isEqualTo(Match.Relation.COVERED);
    assertThat(m.target()).isSameAs(kept);
    // Also where the first place reads on, but only over part of a short key (748268).
    Doc e = new Doc();
    Slot twice = e.insertAfter(e.begin,
        unit("Deich flood Brücke 268-2-2. 橋 flood Brücke 268-2-3."), "");
    Match n = match(e, "橋 flood Brücke 268-2-3.");
    assertThat(n.relation()).isEqualTo(Match.Relation.COVERED);
    assertThat(n.target()).isSameAs(twice);
  }

  @Test
  void sentencePiecesFromTwoPlacesGluedMidWordAreNotCovered() {
    Doc d = new Doc();
    Slot a = d.insertAfter(d.begin, unit("alphabetical order matters here."), "");
    d.insertAfter(a, unit("numerical stability matters less."), "");
    // Every 8-gram exists somewhere, but the two sources meet mid-word.
    assertThat(match(d, "alphabetical stability matters less.").relation())
        .isNotEqualTo(Match.Relation.COVERED);
  }

  /**
   * Kept units glued end to end cover a key only in kept order: a unit's end said again, then its
   * own start (124943), or a later unit's end then an earlier one's start, is no kept text.
   */
  @Test
  void unitsGluedOutOfKeptOrderAreNotCovered() {
    Doc d = new Doc();
    Slot a = d.insertAfter(d.begin, unit("The volunteers filled sandbags along the river bank."), "");
    Slot b = d.insertAfter(a, unit("The council closed the old bridge before the flood."), "");
    assertThat(match(d, "filled sandbags along the river bank. The volunteers fil").relation())
        .isNotEqualTo(Match.Relation.COVERED);
    assertThat(match(d, "the old bridge before the flood. The volunteers filled").relation())
        .isNotEqualTo(Match.Relation.COVERED);
    Match inOrder = match(d, "along the river bank. The council closed the old");
    assertThat(inOrder.relation()).isEqualTo(Match.Relation.COVERED);
    assertThat(inOrder.last()).isSameAs(b);
  }

  /**
   * A key covered only by windows found at different offsets of one kept unit is not inside it:
   * every word is there, but not in that order (208220).
   */
  @Test
  void windowsFromTwoPlacesInOneUnitAreNotCovered() {
    Doc d = new Doc();
    d.insertAfter(d.begin,
        unit("The council met at 9 a.m. on Monday. Sandbags went to the bridge and the coun"), "");
    assertThat(match(d, "Sandbags went to the bridge and the council met at 9").relation())
        .isNotEqualTo(Match.Relation.COVERED);
    assertThat(match(d, "Sandbags went to the bridge and the coun").relation())
        .isEqualTo(Match.Relation.COVERED);
  }

  @Test
  void labelsStayOrderedThroughManyInsertionsAtOnePlace() {
    Doc d = new Doc();
    Slot first = d.insertAfter(d.begin, unit("first"), "");
    Slot last = d.insertAfter(first, unit("last"), "");
    for (int i = 0; i < 200; i++) {
      d.insertAfter(first, unit("middle " + i), "");
    }
    assertThat(d.relabels()).isPositive();
    long previous = Long.MIN_VALUE;
    int n = 0;
    for (Slot s = d.begin.next; s != d.end; s = s.next) {
      assertThat(s.label).isGreaterThan(previous);
      previous = s.label;
      n++;
    }
    assertThat(n).isEqualTo(202);
    assertThat(Doc.before(first, last)).isTrue();
  }

  @Test
  void removedAndReplacedUnitsLeaveTheIndexes() {
    Doc d = new Doc();
    Slot a = d.insertAfter(d.begin, unit("A sentence long enough to index."), "");
    d.replace(a, unit("Another sentence, also long enough."));
    assertThat(match(d, "A sentence long enough to index.").isNone()).isTrue();
    Slot b = d.insertAfter(a, unit("A third sentence, kept after the second."), "");
    d.remove(a, b);
    assertThat(match(d, "Another sentence, also long enough.").isNone()).isTrue();
    assertThat(d.size()).isEqualTo(1);
    // Anything still holding the removed slot is forwarded to the slot that took its text.
    assertThat(Doc.live(a)).isSameAs(b);
    Slot after = d.insertAfter(a, unit("Inserted after a removed slot."), "");
    assertThat(b.next).isSameAs(after);
  }

  @Test
  void gramsAreStableAcrossRuns() {
    // Fixed values: windows and anchors must not depend on the JVM's seed or on iteration order,
    // or the same input could match differently from one run to the next.
    assertThat(Doc.grams("abcdefghij"))
        .containsExactly(-7212375107303680989L, 5378051787850243904L, 7830639695888500989L);
    assertThat(Doc.anchors(Doc.grams("the committee notes that item 7 was checked")))
        .containsExactly(2, 3, 11, 12, 17, 21, 27, 35);
  }

  @Test
  void aMatchDoesNotDependOnTheMatchesBeforeIt() {
    // A document reuses its matching buffers from key to key; whatever one match leaves in them
    // must not reach the next. Every key is matched in a fresh document and again after all the
    // others in one shared document, and the two answers must be the same.
    List<String> kept = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      kept.add("Paragraph " + i + " says the river rose near mill " + (i * 7 % 13)
          + " and volunteers counted sandbags before the bridge closed.");
    }
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i += 3) {
      keys.add(kept.get(i));
      keys.add(kept.get(i).substring(0, 40));
      keys.add(kept.get(i).replace("river", "stream"));
      keys.add(kept.get(i).substring(30) + " " + kept.get(i + 1).substring(0, 25));
      keys.add("volunteers counted sandbags before the bridge closed and nothing else.");
    }
    Doc shared = fill(kept);
    java.util.Set<Match.Relation> seen = java.util.EnumSet.noneOf(Match.Relation.class);
    for (String k : keys) {
      Match alone = match(fill(kept), k);
      Match after = match(shared, k);
      assertThat(describe(after)).as(k).isEqualTo(describe(alone));
      seen.add(after.relation());
    }
    assertThat(seen)
        .contains(Match.Relation.EXACT, Match.Relation.COVERED, Match.Relation.NEAR, Match.Relation.NONE);
  }

  private static Doc fill(List<String> texts) {
    Doc d = new Doc();
    Slot at = d.begin;
    for (String t : texts) {
      at = d.insertAfter(at, unit(t), " ");
    }
    return d;
  }

  private static String describe(Match m) {
    return m.isNone()
        ? "none"
        : m.relation() + " " + m.target().unit.text() + " .. " + m.last().unit.text() + " "
            + m.similarity();
  }
}
