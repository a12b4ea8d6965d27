package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests over {@code testdata/}: each {@code NAME.input.txt} holds the fragments of one
 * case (separated by lines {@value #FRAGMENT_SEPARATOR}), {@code NAME.expected.txt} the expected
 * text and {@code NAME.report.txt} the expected {@link Report#summary()}. Cases are discovered and
 * sorted; a missing or orphaned file fails the run.
 *
 * <p>{@code -Dtestdata.update=true} rewrites the expected files. It refuses to run under {@code
 * CI=true} and always ends in a failure that lists what it rewrote, so it never passes silently:
 * read every rewritten file's diff before committing it.
 */
class GoldenTest {
  static final String FRAGMENT_SEPARATOR = "%%% fragment %%%";
  private static final Path ROOT = Path.of("testdata");
  private static final boolean UPDATE = Boolean.getBoolean("testdata.update");

  private final Reassembler engine = Reassembler.withDefaults();
  private final List<String> updated = new ArrayList<>();

  static List<String> fragments(String input) {
    return Arrays.asList(input.split("\n" + FRAGMENT_SEPARATOR + "\n", -1));
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".input.txt"))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  List<DynamicTest> golden() throws IOException {
    if (UPDATE && "true".equals(System.getenv("CI"))) {
      fail("testdata.update refuses to run under CI=true");
    }
    List<Path> inputs = cases();
    assertThat(inputs).as("golden cases under %s", ROOT.toAbsolutePath()).isNotEmpty();
    checkNoOrphans(inputs);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path input : inputs) {
      tests.add(DynamicTest.dynamicTest(ROOT.relativize(input).toString(), () -> run(input)));
    }
    if (UPDATE) {
      tests.add(
          DynamicTest.dynamicTest(
              "update mode never passes",
              () -> fail("testdata.update rewrote " + updated.size() + " files; read each diff:\n"
                  + String.join("\n", updated))));
    }
    return tests;
  }

  private static void checkNoOrphans(List<Path> inputs) throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<String> orphans =
          files
              .map(Path::toString)
              .filter(p -> p.endsWith(".expected.txt") || p.endsWith(".report.txt"))
              .filter(
                  p -> {
                    String base = p.replaceAll("\\.(expected|report)\\.txt$", "");
                    return !Files.exists(Path.of(base + ".input.txt"));
                  })
              .sorted()
              .toList();
      assertThat(orphans).as("expected files without an input (malformed case)").isEmpty();
    }
  }

  private void run(Path input) throws IOException {
    String base = input.toString().replaceAll("\\.input\\.txt$", "");
    Path expectedText = Path.of(base + ".expected.txt");
    Path expectedReport = Path.of(base + ".report.txt");
    List<String> fragments = fragments(read(input));
    Reassembly r = engine.reassemble(fragments);
    String summary = r.report().summary();
    if (UPDATE) {
      write(expectedText, r.text());
      write(expectedReport, summary);
    } else {
      if (!Files.exists(expectedText) || !Files.exists(expectedReport)) {
        fail("malformed case " + base + ": missing .expected.txt or .report.txt; "
            + "generate with -Dtestdata.update=true and read it");
      }
      String want = read(expectedText);
      if (!want.equals(r.text())) {
        fail("text differs for " + base + "\n" + LineDiff.diff(want, r.text()));
      }
      String wantReport = read(expectedReport);
      if (!wantReport.equals(summary)) {
        fail("report differs for " + base + "\n" + LineDiff.diff(wantReport, summary));
      }
    }
    Invariants.accounting(fragments, r);
    Invariants.idempotent(engine, r);
  }

  private void write(Path p, String content) {
    try {
      if (!Files.exists(p) || !read(p).equals(content)) {
        Files.writeString(p, content, StandardCharsets.UTF_8);
        updated.add(p.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
