package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of {@link Reassembler#reassemble} with Jazzer.
 *
 * <p>An input is UTF-8 text (malformed bytes decode to U+FFFD), split into fragments at the golden
 * files' separator line, so every {@code testdata/**}{@code /*.input.txt} is a corpus entry as it
 * is. Without {@code JAZZER_FUZZ} the test replays that corpus and any findings under {@code
 * src/test/resources/dev/seam/ReassembleFuzzTestInputs/reassemble/}; with it, it fuzzes for {@code
 * maxDuration} (README, "Fuzzing"). Checked on every input: no exception, no end marker left,
 * every character accounted for, and the same result twice.
 */
class ReassembleFuzzTest {
  private static final Pattern SEPARATOR = Pattern.compile("\n%%% fragment %%%\n", Pattern.LITERAL);
  private static final Reassembler ENGINE = Reassembler.withDefaults();

  @FuzzTest(maxDuration = "60s")
  void reassemble(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<String> fragments = List.of(SEPARATOR.split(text, -1));
    Reassembly r = ENGINE.reassemble(fragments);
    assertThat(r.text()).doesNotContain(ENGINE.options().endMarker());
    Invariants.accounting(fragments, r);
    assertThat(ENGINE.reassemble(fragments)).as("determinism").isEqualTo(r);
  }
}
