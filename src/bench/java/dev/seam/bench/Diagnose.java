package dev.seam.bench;

import dev.seam.Change;
import dev.seam.Reassembler;
import dev.seam.Reassembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles one case written by {@link QualityBench} and prints the report, to see why it is
 * not exact: {@code java ... Diagnose target/bench/failures/NAME}.
 */
public final class Diagnose {
  private Diagnose() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String input = Files.readString(Path.of(base + ".input.txt"));
    List<String> fragments = Arrays.asList(input.split("\n%%% fragment %%%\n", -1));
    Reassembly r = Reassembler.withDefaults().reassemble(fragments);
    for (Change c : r.report().changes()) {
      if (c.kind().name().equals("END_MARKER_REMOVED")) {
        continue;
      }
      System.out.printf("%-22s %s %s %s  %s%n", c.kind(), c.source(), c.match().map(Object::toString).orElse(""),
          c.kept().map(Object::toString).orElse(""), c.excerpt().replace("\n", "\\n"));
    }
  }
}
