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
  void nfdAndNfcGiveTheSameKey() {
    assertThat(Keys.key("Bru\u0308cke")).isEqualTo(Keys.key("Br\u00fccke"));
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
}
