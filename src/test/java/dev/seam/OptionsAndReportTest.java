package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsAndReportTest {
  @Test
  void invalidOptionsFailNamingTheOption() {
    assertThatThrownBy(() -> ReassemblyOptions.builder().endMarker(" ").build())
        .hasMessageContaining("endMarker");
    assertThatThrownBy(() -> ReassemblyOptions.builder().endMarker("a\nb").build())
        .hasMessageContaining("endMarker");
    assertThatThrownBy(() -> ReassemblyOptions.builder().nearSimilarity(0).build())
        .hasMessageContaining("nearSimilarity");
    assertThatThrownBy(() -> ReassemblyOptions.builder().variantSimilarity(1.5).build())
        .hasMessageContaining("variantSimilarity");
    assertThatThrownBy(() -> ReassemblyOptions.builder().minOverlap(0).build())
        .hasMessageContaining("minOverlap");
    assertThatThrownBy(() -> ReassemblyOptions.builder().minRepeatChars(-1).build())
        .hasMessageContaining("minRepeatChars");
    assertThatThrownBy(() -> ReassemblyOptions.builder().variantPolicy(null).build())
        .hasMessageContaining("variantPolicy");
    assertThatThrownBy(() -> Reassembler.create(null)).hasMessageContaining("options");
  }

  @Test
  void builderRoundTripsAndCustomMarkerWorks() {
    ReassemblyOptions o = ReassemblyOptions.builder().endMarker("[cut]").variantPolicy(VariantPolicy.KEEP_FIRST).build();
    assertThat(o.toBuilder().build()).isEqualTo(o);
    Reassembly r = Reassembler.create(o).reassemble(List.of("Hello wor[cut]ld.\n---END---\n"));
    assertThat(r.text()).isEqualTo("Hello world.\n---END---\n");
  }

  @Test
  void variantPolicyChoosesWhichVersionStays() {
    List<String> in = List.of("# T\n\nThe old mil stood by the river.\n\n---END---\n\nThe old mill stood by the river.\n");
    assertThat(Reassembler.withDefaults().reassemble(in).text()).contains("old mill stood");
    Reassembly first =
        Reassembler.create(ReassemblyOptions.builder().variantPolicy(VariantPolicy.KEEP_FIRST).build())
            .reassemble(in);
    assertThat(first.text()).contains("old mil stood");
    assertThat(first.report().count(ChangeKind.VARIANT_DROPPED)).isEqualTo(1);
  }

  @Test
  void dropRecurrencesRemovesEvenUnexplainedRepeats() {
    String clean = "### Example\n\nOne thing.\n\n### Example\n\nAnother thing.\n";
    assertThat(Reassembler.withDefaults().reassemble(List.of(clean)).text()).isEqualTo(clean);
    Reassembly dedup =
        Reassembler.create(ReassemblyOptions.builder().keepRecurrences(false).build())
            .reassemble(List.of(clean));
    assertThat(dedup.text()).isEqualTo("### Example\n\nOne thing.\n\nAnother thing.\n");
  }

  @Test
  void reportJsonAndCountsAndSimilarityRange() {
    Reassembly r = Reassembler.withDefaults().reassemble(List.of("Hello wor---END---ld. \"Quoted\"\n"));
    String json = r.toJson();
    assertThat(json).startsWith("{\"text\":\"Hello world. \\\"Quoted\\\"\\n\",\"report\":{\"truncated\":false");
    assertThat(r.report().counts()).containsEntry(ChangeKind.END_MARKER_REMOVED, 1);
    assertThat(r.report().removedChars()).isEqualTo(9);
    assertThatThrownBy(
            () -> Change.relative(ChangeKind.REPEAT_REMOVED, new SourceSpan(0, 0, 1), "x",
                new SourceSpan(0, 0, 1), MatchKind.EXACT, 1.5))
        .hasMessageContaining("similarity");
    assertThatThrownBy(() -> new SourceSpan(0, 3, 2)).hasMessageContaining("range");
  }

  @Test
  void loneSurrogatesAreEscapedInJson() {
    Reassembly r = Reassembler.withDefaults().reassemble(List.of("bad \uD800 char.\n"));
    assertThat(r.text()).isEqualTo("bad \uD800 char.\n");
    assertThat(r.toJson()).contains("\\ud800");
  }
}
