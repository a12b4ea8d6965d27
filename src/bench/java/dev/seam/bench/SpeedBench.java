package dev.seam.bench;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.seam.Reassembler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of seam against two reference points on every input shape, one thread.
 *
 * <pre>mvn -B -q -Pbench test-compile exec:exec@speed</pre>
 *
 * Prints MB/s of UTF-8 input per core for seam, exact paragraph dedup (what users do today) and a
 * single pass that hashes every char (the floor no implementation can beat), and the time ratio
 * of each 10x step in input size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The two reference points are steady from the first call; seam's figures get more forks and
// iterations below, because the 10x ratios are read from them.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SpeedBench {
  static final List<String> SHAPES =
      List.of(
          "seeds",
          "corrupted-10KB",
          "corrupted-100KB",
          "corrupted-1MB",
          "corrupted-10MB",
          "copies-10k",
          "copies-100k",
          "restarts-100",
          "restarts-1000",
          "line-1MB",
          "line-10MB",
          "tiny-10k",
          "tiny-100k",
          "stream-10k",
          "stream-100k",
          "prefix-10k",
          "prefix-100k",
          "seams-10k",
          "seams-100k");

  @Param({
    "seeds", "corrupted-10KB", "corrupted-100KB", "corrupted-1MB", "corrupted-10MB", "copies-10k",
    "copies-100k", "restarts-100", "restarts-1000", "line-1MB", "line-10MB", "tiny-10k", "tiny-100k",
    "stream-10k", "stream-100k", "prefix-10k", "prefix-100k", "seams-10k", "seams-100k"
  })
  public String shape;

  List<String> input;
  private final Reassembler seam = Reassembler.withDefaults();

  @Setup(Level.Trial)
  public void setup() throws Exception {
    input = shape(shape);
  }

  /**
   * Three JVMs per shape: one JVM's JIT decisions alone moved a figure by a third between runs,
   * which is more than the ratio target leaves.
   *
   * <p>Every fork gets a fixed heap whose pages are touched before the run. With a
   * heap that grows as it goes, G1 keeps committing new regions during the measurement, and on
   * this machine the kernel's first touch of a page is slow: one young pause of copies-100k that
   * evacuated into fresh regions took 2.1 s, and iterations of the same code varied from 0.2 to
   * 1.2 s. A fixed heap that is not pre-touched is worse still (every eden is fresh pages: three
   * times slower on every benchmark, reference points included). A long-running ingestion job
   * runs with a committed heap; this measures that, the same way for seam and both references.
   */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object seam() {
    return seam.reassemble(input);
  }

  @Benchmark
  public Object exactParagraphDedup() {
    return QualityBench.Baselines.exactParagraphDedup(
        String.join("\n\n", input).replace("---END---", ""));
  }

  @Benchmark
  public Object hashEveryChar() {
    Hasher h = Hashing.murmur3_128().newHasher();
    for (String s : input) {
      h.putString(s, StandardCharsets.UTF_8);
    }
    return h.hash();
  }

  static long utf8Bytes(List<String> in) {
    long n = 0;
    for (String s : in) {
      n += s.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }

  static String paragraph(int i) {
    return "Paragraph " + i + " discusses the flood near the mill and topic " + (i * 7919 % 10007)
        + ". Volunteers counted " + (i * 31 % 997) + " sandbags before the bridge closed.";
  }

  /** The inputs, built deterministically. */
  static List<String> shape(String name) throws Exception {
    switch (name) {
      case "seeds": {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(Path.of("testdata/seeds"))) {
          for (Path p : files.filter(f -> f.toString().endsWith(".input.txt")).sorted().toList()) {
            out.add(Files.readString(p));
          }
        }
        // One document per call, like a batch: the five seeds one after another.
        return List.of(String.join("\n", out));
      }
      case "copies-10k":
      case "copies-100k": {
        int n = name.endsWith("100k") ? 100_000 : 10_000;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          b.append(paragraph(1)).append("\n\n");
        }
        return List.of(b.toString());
      }
      case "restarts-100":
      case "restarts-1000": {
        int n = name.endsWith("1000") ? 1000 : 100;
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < 20; i++) {
          head.append(paragraph(i)).append("\n\n");
        }
        List<String> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
          out.add(head + paragraph(100_000 + f) + "\n\n---END---\n");
        }
        return out;
      }
      case "line-1MB":
      case "line-10MB": {
        int mb = name.contains("10MB") ? 10 : 1;
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < mb * 1_000_000; i++) {
          b.append(paragraph(i)).append(' ');
        }
        return List.of(b.toString());
      }
      case "tiny-10k":
      case "tiny-100k": {
        int n = name.endsWith("100k") ? 100_000 : 10_000;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add("w" + i + " ");
        }
        return out;
      }
      case "stream-10k":
      case "stream-100k": {
        // A generation streamed in pieces of six chars, each cut at a marker, continuing one
        // sentence that never ends: every piece completes the cut before it.
        int n = name.endsWith("100k") ? 100_000 : 10_000;
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < n * 6; i++) {
          b.append("word").append(i % 97).append(' ');
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add(b.substring(i * 6, i * 6 + 6) + (i < n - 1 ? "\n---END---\n" : ""));
        }
        return out;
      }
      case "prefix-10k":
      case "prefix-100k": {
        int n = name.endsWith("100k") ? 100_000 : 10_000;
        String prefix = "In the long common introduction that every paragraph of this report repeats "
            + "before it says anything of its own, the committee notes that ";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          b.append(prefix).append("item ").append(i).append(" was checked.\n\n");
        }
        return List.of(b.toString());
      }
      case "seams-10k":
      case "seams-100k": {
        // One fragment with a seam every few words: a one-char line that looks like a label, cut
        // at a marker and read on by a piece without a space. Each seam asks whether the two
        // spell a word near it, which once read the whole fragment per seam.
        int n = name.endsWith("100k") ? 100_000 : 10_000;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          b.append("河\n\n---END---\n水 a").append(i).append(".\n\n");
        }
        return List.of(b.toString());
      }
      default: {
        // corrupted-SIZE: manual-like corrupted documents joined into one input of that size.
        long target = switch (name) {
          case "corrupted-10KB" -> 10_000L;
          case "corrupted-100KB" -> 100_000L;
          case "corrupted-1MB" -> 1_000_000L;
          case "corrupted-10MB" -> 10_000_000L;
          default -> throw new IllegalArgumentException(name);
        };
        return List.of(corrupted(target));
      }
    }
  }

  /** Synthetic corrupted text: runs of paragraphs, each run restarting a few paragraphs back. */
  static String corrupted(long bytes) {
    StringBuilder b = new StringBuilder();
    int next = 0;
    while (b.length() < bytes) {
      int start = Math.max(0, next - 3);
      for (int i = start; i < next + 8; i++) {
        b.append(paragraph(i)).append("\n\n");
      }
      String cut = paragraph(next + 8);
      b.append(cut, 0, cut.length() / 2).append("\n\n---END---\n\n");
      next += 8;
    }
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    OptionsBuilder builder = new OptionsBuilder();
    builder.include(SpeedBench.class.getSimpleName()).shouldFailOnError(true);
    // -Dbench.shapes=copies-10k,copies-100k runs only those; -Dbench.gc=true adds JMH's
    // allocation and GC profiler, to tell work from garbage on a shape that scales badly.
    String shapes = System.getProperty("bench.shapes", "");
    if (!shapes.isBlank()) {
      builder.param("shape", shapes.split(","));
    }
    if (Boolean.getBoolean("bench.gc")) {
      builder.addProfiler(org.openjdk.jmh.profile.GCProfiler.class);
    }
    Options opt = builder.build();
    Collection<RunResult> results = new Runner(opt).run();
    Map<String, Map<String, Double>> ms = new LinkedHashMap<>();
    Map<String, Double> seamError = new LinkedHashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      String shape = r.getParams().getParam("shape");
      ms.computeIfAbsent(shape, k -> new LinkedHashMap<>())
          .put(method, r.getPrimaryResult().getScore());
      if (method.equals("seam")) {
        double error = r.getPrimaryResult().getScoreError();
        seamError.put(shape, Double.isNaN(error) ? 0 : error);
      }
    }
    System.out.println();
    System.out.println("| input | MB (UTF-8) | seam MB/s | seam ms | exact dedup MB/s | hash floor MB/s |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (String shape : SHAPES) {
      Map<String, Double> m = ms.get(shape);
      if (m == null) {
        continue;
      }
      double mb = utf8Bytes(shape(shape)) / 1e6;
      System.out.printf(
          Locale.ROOT, "| %s | %.2f | %.1f | %.1f | %.1f | %.0f |%n", shape, mb,
          mb / (m.get("seam") / 1000), m.get("seam"),
          mb / (m.get("exactParagraphDedup") / 1000), mb / (m.get("hashEveryChar") / 1000));
    }
    System.out.println();
    System.out.println(
        "| 10x more input | time ratio (target <= 12) | range from JMH's 99.9% intervals |");
    System.out.println("| --- | --- | --- |");
    String[][] steps = {
      {"corrupted-10KB", "corrupted-100KB"}, {"corrupted-100KB", "corrupted-1MB"},
      {"corrupted-1MB", "corrupted-10MB"}, {"copies-10k", "copies-100k"},
      {"restarts-100", "restarts-1000"}, {"line-1MB", "line-10MB"}, {"tiny-10k", "tiny-100k"},
      {"stream-10k", "stream-100k"},
      {"prefix-10k", "prefix-100k"}, {"seams-10k", "seams-100k"}
    };
    for (String[] s : steps) {
      if (ms.containsKey(s[0]) && ms.containsKey(s[1])) {
        long smallBytes = utf8Bytes(shape(s[0]));
        long bigBytes = utf8Bytes(shape(s[1]));
        double small = ms.get(s[0]).get("seam");
        double big = ms.get(s[1]).get("seam");
        double e0 = seamError.getOrDefault(s[0], 0.0);
        double e1 = seamError.getOrDefault(s[1], 0.0);
        // Time per byte, scaled to exactly 10x the input; the range pairs the interval ends.
        double scale = 10.0 * smallBytes / bigBytes;
        System.out.printf(
            Locale.ROOT, "| %s -> %s | %.1f | %.1f to %.1f |%n", s[0], s[1], scale * big / small,
            scale * Math.max(0, big - e1) / (small + e0),
            scale * (big + e1) / Math.max(1e-9, small - e0));
      }
    }
  }
}
