package dev.seam.examples.spark;

import dev.seam.Reassembler;
import dev.seam.examples.spark.ReassembleJob.Arguments;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the job in local mode on this machine's cores: the five seeds, split into their parts
 * at the end markers, repeated under distinct ids to {@code N} documents (default 10,000), written
 * as JSONL fragment rows; then the job reads, groups, reassembles and writes Parquet. Prints
 * documents and UTF-8 megabytes per second of wall time, for a first (cold) and a second (warm)
 * run, and the library alone on one thread for comparison.
 *
 * <p>{@code mvn -q -f examples/spark/pom.xml test-compile exec:exec@throughput -Dargs=10000}
 */
public final class Throughput {
  private static final String MARKER = "---END---";

  private Throughput() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path seeds = Paths.get(args.length > 1 ? args[1] : "../../testdata/seeds");
    Path work = Paths.get("target/throughput");
    List<List<String>> seedParts = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".input.txt")).sorted().toList()) {
        seedParts.add(parts(Files.readString(f)));
      }
    }
    long bytes = 0;
    Path input = work.resolve("input");
    deleteRecursively(work);
    Files.createDirectories(input);
    int files = 8;
    BufferedWriter[] out = new BufferedWriter[files];
    for (int i = 0; i < files; i++) {
      out[i] = Files.newBufferedWriter(input.resolve("part-" + i + ".jsonl"), StandardCharsets.UTF_8);
    }
    for (int d = 0; d < count; d++) {
      List<String> parts = seedParts.get(d % seedParts.size());
      for (int s = 0; s < parts.size(); s++) {
        bytes += parts.get(s).getBytes(StandardCharsets.UTF_8).length;
        BufferedWriter w = out[(d * 31 + s) % files];
        w.write("{\"doc_id\":\"doc-" + d + "\",\"seq\":" + s + ",\"text\":");
        w.write(jsonString(parts.get(s)));
        w.write("}\n");
      }
    }
    for (BufferedWriter w : out) {
      w.close();
    }
    double mb = bytes / 1e6;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT, "%d documents, %.1f MB of fragment text, local[%d]%n", count, mb, cores);

    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("seam-throughput")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    try {
      for (String run : new String[] {"cold", "warm"}) {
        long start = System.nanoTime();
        ReassembleJob.run(
            spark,
            Arguments.parse(
                new String[] {
                  "--input", input.toString(), "--output", work.resolve("output").toString(),
                  "--overwrite"
                }));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "job, %s: %.1f s, %.0f documents/s, %.1f MB/s%n",
            run,
            seconds,
            count / seconds,
            mb / seconds);
      }
      long rows = spark.read().parquet(work.resolve("output").toString()).count();
      if (rows != count) {
        throw new IllegalStateException("expected " + count + " output rows, found " + rows);
      }
    } finally {
      spark.stop();
    }

    Reassembler engine = Reassembler.withDefaults();
    int direct = Math.min(count, 2_000);
    long directBytes = 0;
    long start = System.nanoTime();
    for (int d = 0; d < direct; d++) {
      List<String> parts = seedParts.get(d % seedParts.size());
      for (String p : parts) {
        directBytes += p.getBytes(StandardCharsets.UTF_8).length;
      }
      engine.reassemble(parts);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "library alone, one thread, %d documents: %.1f s, %.1f MB/s%n",
        direct,
        seconds,
        directBytes / 1e6 / seconds);
  }

  /** The seed split after each end marker, the marker kept at the end of its part. */
  private static List<String> parts(String seed) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int at = seed.indexOf(MARKER); at >= 0; at = seed.indexOf(MARKER, from)) {
      int end = seed.indexOf('\n', at);
      end = end < 0 ? seed.length() : end + 1;
      parts.add(seed.substring(from, end));
      from = end;
    }
    if (from < seed.length()) {
      parts.add(seed.substring(from));
    }
    return parts;
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
