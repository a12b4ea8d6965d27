package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReassemblerTest {
  private final Reassembler engine = Reassembler.withDefaults();

  @Test
  void anEngineSurvivesSerializationWithItsOptions() throws Exception {
    Reassembler custom =
        Reassembler.create(ReassemblyOptions.builder().endMarker("[cut]").minOverlap(6).build());
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(custom);
    }
    Reassembler copy;
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Reassembler) in.readObject();
    }
    assertThat(copy.options()).isEqualTo(custom.options());
    List<String> parts = List.of("The quick bro[cut]", "wn fox.\n");
    assertThat(copy.reassemble(parts)).isEqualTo(custom.reassemble(parts));
    assertThat(copy.reassemble(parts).text()).isEqualTo("The quick brown fox.\n");
  }

  @Test
  void cleanFragmentComesBackIdenticalWithEmptyReport() {
    String clean = "# Title\n\nFirst paragraph. It has two sentences.\n\nSecond one.\n";
    Reassembly r = engine.reassemble(List.of(clean));
    assertThat(r.text()).isEqualTo(clean);
    assertThat(r.report().changes()).isEmpty();
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void directContinuationAcrossMarkerJoinsWithoutBreak() {
    Reassembly r = engine.reassemble(List.of("インドの2\n\n---END---\n\n0以上の公用語があります。\n"));
    assertThat(r.text()).isEqualTo("インドの20以上の公用語があります。\n");
    assertThat(r.report().count(ChangeKind.END_MARKER_REMOVED)).isEqualTo(1);
    assertThat(r.report().count(ChangeKind.CUT_OFF_REPAIRED)).isEqualTo(1);
  }

  @Test
  void aSpaceLeftBeforeTheMarkerMeansTheCutFellBetweenWords() {
    assertThat(engine.reassemble(List.of("The quick \n\n---END---\n\nbrown fox.\n")).text())
        .isEqualTo("The quick brown fox.\n");
    assertThat(engine.reassemble(List.of("The quick ---END---brown fox.\n")).text())
        .isEqualTo("The quick brown fox.\n");
    assertThat(engine.reassemble(List.of("The quick\n\n---END---\n\n brown fox.\n")).text())
        .isEqualTo("The quick brown fox.\n");
    assertThat(engine.reassemble(List.of("The quick bro\n\n---END---\n\nwn fox.\n")).text())
        .isEqualTo("The quick brown fox.\n");
  }

  @Test
  void aPieceThatSaysTheFirstCutAgainIsItsRestOnlyWhenItOpensInsideItsToken() {
    // "-1." cannot start a sentence: it goes on "item 4", though it says "item 4" again later.
    Reassembly rest = engine.reassemble(List.of(
        "Checked item 4\n\n---END---", "-1. Then the list moved on, and Checked item 4-2.\n"));
    assertThat(rest.text())
        .isEqualTo("Checked item 4-1. Then the list moved on, and Checked item 4-2.\n");
    assertThat(rest.report().count(ChangeKind.REPLACED_BY_FULLER)).isZero();
    // A piece that opens with a word and holds the first cut further on is its fuller version,
    // said from earlier than the first piece began.
    Reassembly fuller = engine.reassemble(List.of("the bridge was closed at no\n---END---",
        "on Monday the bridge was closed at noon because of the flood.\n"));
    assertThat(fuller.text())
        .isEqualTo("on Monday the bridge was closed at noon because of the flood.\n");
    assertThat(fuller.report().count(ChangeKind.REPLACED_BY_FULLER)).isEqualTo(1);
  }

  @Test
  void aLineSayingWordsFromTheMiddleOfTheSentenceAboveIsKept() {
    // Read as a repeat of those words, the line was dropped from clean text.
    String clean = "Volunteers filled sandbags near the old mill all night.\n\n"
        + "Sandbags near the old mill\n\nMore text follows here.\n";
    Reassembly r = engine.reassemble(List.of(clean));
    assertThat(r.text()).isEqualTo(clean);
    assertThat(r.report().changes()).isEmpty();
    // A paragraph said twice in a row is still a repeat.
    String twice = "The mill flooded at noon.\n\nThe mill flooded at noon.\n\nMore text.\n";
    assertThat(engine.reassemble(List.of(twice)).text())
        .isEqualTo("The mill flooded at noon.\n\nMore text.\n");
  }

  @Test
  void nullListAndNullElementNameTheArgument() {
    assertThatThrownBy(() -> engine.reassemble(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fragments");
    assertThatThrownBy(() -> engine.reassemble(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fragments[1]");
  }
}
