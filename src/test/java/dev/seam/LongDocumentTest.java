package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long generated documents whose sentences recur, as a manual's do: the index then holds thousands
 * of near-identical sentences, and an author's sentence comes back hundreds of paragraphs later.
 */
class LongDocumentTest {
  private final Reassembler engine = Reassembler.withDefaults();

  /** Sentence two of paragraph {@code i} recurs every 997 paragraphs; sentence one never does. */
  private static String paragraph(int i) {
    return "Paragraph " + i + " discusses the flood near the mill and topic " + (i * 7919 % 10007)
        + ". Volunteers counted " + (i * 31 % 997) + " sandbags before the bridge closed.";
  }

  @Test
  void restartsOverALongDocumentWithRecurringSentencesLoseNoParagraph() {
    // Runs of eight new paragraphs, each restarting three paragraphs back and ending in a cut
    // paragraph: the shape of the speed benchmark's corrupted input, 2,400 paragraphs long.
    StringBuilder input = new StringBuilder();
    int paragraphs = 2400;
    for (int next = 0; next < paragraphs; next += 8) {
      for (int i = Math.max(0, next - 3); i < next + 8; i++) {
        input.append(paragraph(i)).append("\n\n");
      }
      String cut = paragraph(next + 8);
      input.append(cut, 0, cut.length() / 2).append("\n\n---END---\n\n");
    }
    List<String> fragments = List.of(input.toString());
    Reassembly r = engine.reassemble(fragments);
    Invariants.accounting(fragments, r);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < paragraphs; i++) {
      expected.add(paragraph(i));
    }
    List<String> out = List.of(r.text().split("\n\n"));
    // Every paragraph once and in order; the last run's cut paragraph is left as it stops.
    assertThat(out.subList(0, paragraphs)).containsExactlyElementsOf(expected);
    assertThat(out).hasSize(paragraphs + 1);
    assertThat(r.report().changes())
        .filteredOn(c -> c.kind() == ChangeKind.RECURRENCE_KEPT)
        .as("each sentence said again 997 paragraphs on is the author's, kept and reported")
        .hasSize(paragraphs - 997);
  }

  @Test
  void aThousandRestartsFromTheStartLoseAndDuplicateNothing() {
    // The speed benchmark's hostile shape: each fragment re-reads the same twenty paragraphs and
    // adds one of its own. New paragraph 697 + i says the second sentence of paragraph i, and
    // 997 + i that of new paragraph i: the restarts that follow must still find paragraph i's
    // copy, and no kept sentence may be taken for a fuller one that differs in its numbers.
    StringBuilder head = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      head.append(paragraph(i)).append("\n\n");
    }
    List<String> fragments = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(paragraph(i));
    }
    int restarts = 1000;
    for (int f = 0; f < restarts; f++) {
      fragments.add(head + paragraph(100_000 + f) + "\n\n---END---\n");
      expected.add(paragraph(100_000 + f));
    }
    Reassembly r = engine.reassemble(fragments);
    Invariants.accounting(fragments, r);

    List<String> out = new ArrayList<>(List.of(r.text().strip().split("\n\n")));
    // The twenty re-read paragraphs in order; each restart's own paragraph once, placed where
    // that restart stopped re-reading (after paragraph 19, so the latest comes first).
    assertThat(out.subList(0, 20)).containsExactlyElementsOf(expected.subList(0, 20));
    List<String> own = new ArrayList<>(expected.subList(20, expected.size()));
    Collections.reverse(own);
    assertThat(out.subList(20, out.size())).containsExactlyElementsOf(own);
    assertThat(r.report().changes())
        .filteredOn(c -> c.kind() == ChangeKind.REPLACED_BY_FULLER)
        .isEmpty();
  }
}
