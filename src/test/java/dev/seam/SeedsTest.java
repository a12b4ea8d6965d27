package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Properties of the real seed documents beyond their golden files. */
class SeedsTest {
  private final Reassembler engine = Reassembler.withDefaults();

  static List<Path> seeds() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("testdata/seeds"))) {
      return s.filter(p -> p.toString().endsWith(".input.txt")).sorted().toList();
    }
  }

  @Test
  void wholeFileAndPartsSplitAtMarkersGiveTheSameText() throws Exception {
    assertThat(seeds()).hasSize(5);
    for (Path p : seeds()) {
      String s = Files.readString(p);
      List<String> parts = Arrays.asList(s.split("---END---", -1));
      assertThat(engine.reassemble(parts).text())
          .as(p.toString())
          .isEqualTo(engine.reassemble(List.of(s)).text());
    }
  }

  @Test
  void outputHoldsNoMarkerNoLeadInAndTruncationIsFlagged() throws Exception {
    for (Path p : seeds()) {
      Reassembly r = engine.reassemble(List.of(Files.readString(p)));
      assertThat(r.text()).as(p.toString()).doesNotContain("---END---");
      for (String line : r.text().split("\n")) {
        assertThat(line).as(p.toString()).doesNotStartWith("…").doesNotStartWith("...");
      }
    }
    assertThat(engine.reassemble(List.of(Files.readString(seeds().get(1)))).truncated()).isTrue();
    assertThat(engine.reassemble(List.of(Files.readString(seeds().get(0)))).truncated()).isTrue();
    assertThat(engine.reassemble(List.of(Files.readString(seeds().get(2)))).truncated()).isFalse();
  }

  @Test
  void oneSharedEngineGivesSequentialResultsUnderConcurrency() throws Exception {
    List<List<String>> inputs = new ArrayList<>();
    for (Path p : GoldenTest.cases()) {
      inputs.add(GoldenTest.fragments(GoldenTest.read(p)));
    }
    List<Reassembly> sequential = new ArrayList<>();
    for (List<String> in : inputs) {
      sequential.add(engine.reassemble(in));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reassembly>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (List<String> in : inputs) {
          futures.add(pool.submit(() -> engine.reassemble(in)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % inputs.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
