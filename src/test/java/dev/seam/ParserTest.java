package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static List<Part> parse(String... fragments) {
    long chars = 0;
    for (String f : fragments) {
      chars += f.length();
    }
    Parser p = new Parser("---END---", chars);
    for (int i = 0; i < fragments.length; i++) {
      p.parse(i, fragments[i]);
    }
    return p.parts();
  }

  private static List<String> texts(Part p) {
    return p.units().stream().map(u -> u.text()).toList();
  }

  @Test
  void markerOnItsOwnLineGluedOrMidLineSplitsParts() {
    List<Part> parts = parse("a b\n  ---END---  \nc d---END---\ne---END---f\n");
    assertThat(parts).hasSize(4);
    assertThat(texts(parts.get(0))).containsExactly("a b");
    assertThat(parts.get(0).endsWithMarker()).isTrue();
    assertThat(texts(parts.get(1))).containsExactly("c d");
    assertThat(texts(parts.get(2))).containsExactly("e");
    assertThat(texts(parts.get(3))).containsExactly("f");
    assertThat(parts.get(3).endsWithMarker()).isFalse();
  }

  @Test
  void halfASurrogatePairCutAfterAFullStopIsNotPartOfTheSentenceBefore() {
    // The first half of "👨" (U+1F468), cut there: it opens the next sentence, as the whole emoji
    // would, instead of making the finished sentence before it look unfinished.
    Part p = parse("Brücke ש 831-2-1. \uD83D\n\n---END---").get(0);
    assertThat(texts(p)).containsExactly("Brücke ש 831-2-1.", "\uD83D");
    assertThat(p.units().get(0).incomplete()).isFalse();
    // A cut number still reads on, as "2019. 2020 was ..." does.
    assertThat(texts(parse("Floods came in 2019. 20\n\n---END---").get(0)))
        .containsExactly("Floods came in 2019. 20");
  }

  @Test
  void sentencesHeadingsListItemsAndAtomicBlocks() {
    String s =
        "# Title\n\nOne. Two three.\nLine two.\n\n- item one\n- item two\n\n```\nx\n\ny\n```\n\n| a |\n| b |\n";
    Part p = parse(s).get(0);
    assertThat(texts(p))
        .containsExactly("# Title", "One.", "Two three.", "Line two.", "- item one", "- item two",
            "```\nx\n\ny\n```", "| a |\n| b |");
    assertThat(p.units().get(0).kind).isEqualTo(Unit.Kind.HEADING);
    assertThat(p.units().get(6).kind).isEqualTo(Unit.Kind.ATOMIC);
    assertThat(p.units().get(7).kind).isEqualTo(Unit.Kind.ATOMIC);
    // Separators keep the layout: same line, line break, blank line.
    assertThat(p.units().get(2).sep).isEqualTo(" ");
    assertThat(p.units().get(3).sep).isEqualTo("\n");
    assertThat(p.units().get(4).sep).isEqualTo("\n\n");
    assertThat(p.units().get(5).listItemStart).isTrue();
  }

  @Test
  void shortLineStartingWithHashIsOneHeadingUnlessItGluesParagraphs() {
    Part p =
        parse(
                "# 3.4. Die Systemmeldungen\n\n## Why? Because\n\n"
                    + "# Recipe ### Example Mix. Yes. Bake.\n\n# A. B. C. D.\n\n"
                    + "# losetup -f disk.img Loop device is /dev/loop0 # fdisk -l /dev/loop0\n")
            .get(0);
    assertThat(texts(p))
        .containsExactly("# 3.4. Die Systemmeldungen", "## Why? Because",
            "# Recipe", "### Example Mix.", "Yes.", "Bake.", "# A.", "B.", "C.", "D.",
            "# losetup -f disk.img Loop device is /dev/loop0 # fdisk -l /dev/loop0");
    assertThat(p.units().get(0).kind).isEqualTo(Unit.Kind.HEADING);
    assertThat(p.units().get(1).kind).isEqualTo(Unit.Kind.HEADING);
    assertThat(p.units().get(2).kind).isNotEqualTo(Unit.Kind.HEADING);
    // A root prompt in flattened shell text is no heading mark: the line stays one heading.
    assertThat(p.units().get(10).kind).isEqualTo(Unit.Kind.HEADING);
  }

  @Test
  void leadInAndListNumbersStayWithTheirSentence() {
    Part p = parse("x\n---END---\n...continued here. Next.\n\n1. Mix well. Then wait.\n").get(1);
    assertThat(texts(p)).containsExactly("...continued here.", "Next.", "1. Mix well.", "Then wait.");
    assertThat(p.units().get(0).leadIn).isEqualTo(3);
  }

  @Test
  void frontMatterOnlyAtTheStartAndOnlyWithAKey() {
    Part p = parse("---\ntitle: x\n---\n\nBody.\n").get(0);
    assertThat(p.frontMatter()).isNotNull();
    assertThat(p.frontMatter().text()).isEqualTo("---\ntitle: x\n---");
    assertThat(texts(p)).containsExactly("Body.");
    // A thematic break pair without keys is not front matter.
    assertThat(parse("---\njust text\n---\n").get(0).frontMatter()).isNull();
  }

  @Test
  void crlfAndCrAreLineBreaksButSpansCountTheOriginalChars() {
    Part p = parse("A.\r\nB.\rC.").get(0);
    assertThat(texts(p)).containsExactly("A.", "B.", "C.");
    assertThat(p.units().get(1).sep).isEqualTo("\n");
    assertThat(p.units().get(1).start).isEqualTo(4);
    assertThat(p.units().get(2).start).isEqualTo(7);
  }

  @Test
  void twoBlankLinesStartASegment() {
    Part p = parse("A.\n\nB.\n\n\nC.\n").get(0);
    assertThat(p.units().get(1).segmentStart).isFalse();
    assertThat(p.units().get(2).segmentStart).isTrue();
  }

  @Test
  void repeatedTextSharesOneKeyAndSplitsAsTheFirstCopyDid() {
    String para = "The river rose. Volunteers filled *sandbags* near the mill.";
    List<Part> parts = parse(para + "\n\n" + para + "\n", "Intro.\n\n" + para);
    List<Unit> first = parts.get(0).units();
    List<Unit> again = parts.get(1).units();
    assertThat(texts(parts.get(1))).containsExactly("Intro.", "The river rose.",
        "Volunteers filled *sandbags* near the mill.");
    // The memo only shares: each key is what keying the text afresh gives.
    for (Unit u : parts.stream().flatMap(p -> p.units().stream()).toList()) {
      assertThat(u.key).isEqualTo(Keys.key(u.text()));
    }
    assertThat(first.get(2).key).isSameAs(first.get(0).key);
    assertThat(again.get(2).key).isSameAs(first.get(1).key);
  }

  @Test
  void theMemoNeverAnswersForOtherCharsWithTheSameHash() {
    // "Aa" and "BB" hash alike, and a memo of 16 slots collides often: a hit must compare chars.
    RegionMemo<String> memo = new RegionMemo<>(16);
    String s = "xAaBBAa";
    int h = RegionMemo.hash(s, 1, 3);
    assertThat(RegionMemo.hash(s, 3, 5)).isEqualTo(h);
    memo.put(s, 1, 3, h, "first");
    assertThat(memo.get(s, 3, 5, h)).isNull();
    assertThat(memo.get(s, 5, 7, h)).isEqualTo("first");
    assertThat(memo.get("Aa", 0, 2, RegionMemo.hash("Aa", 0, 2))).isEqualTo("first");
    for (int i = 0; i < 1000; i++) {
      String t = "unit " + i;
      memo.put(t, 0, t.length(), RegionMemo.hash(t, 0, t.length()), t);
    }
    for (int i = 0; i < 1000; i++) {
      String t = "unit " + i;
      assertThat(memo.get(t, 0, t.length(), RegionMemo.hash(t, 0, t.length()))).isIn(null, t);
    }
  }
}
