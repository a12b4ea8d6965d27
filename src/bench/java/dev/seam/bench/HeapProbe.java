package dev.seam.bench;

import dev.seam.Reassembler;
import dev.seam.Reassembly;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The smallest heap in which one reassembly of each of the largest inputs completes, found by
 * bisecting {@code -Xmx} over child JVMs:
 *
 * <pre>mvn -B -q -Pbench test-compile exec:exec@heap [-Dbench.shape=line-10MB]</pre>
 *
 * <p>Peak heap "used" as memory pools report it counts garbage a roomy heap never collects, so
 * it says little; the smallest {@code -Xmx} that works is what a user sizing a container needs.
 * It includes the input itself, the result and the JVM's own baseline (a few MB), so it is an
 * upper bound on what the reassembly adds. Each child builds the input, reassembles it once and
 * checks the output is not empty; an {@link OutOfMemoryError} or a run over two minutes (a
 * heap so tight that the collector thrashes) counts as not completing.
 */
public final class HeapProbe {
  private static final List<String> SHAPES =
      List.of("corrupted-10MB", "line-10MB", "copies-100k", "prefix-100k", "restarts-1000");

  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--child")) {
      child(args[1]);
      return;
    }
    List<String> shapes = args.length == 0 || args[0].isBlank() || args[0].equals("all")
        ? SHAPES : List.of(args[0].split(","));
    System.out.println("| input | MB (UTF-8) | smallest heap that completes | x input |");
    System.out.println("| --- | --- | --- | --- |");
    for (String shape : shapes) {
      double mb = SpeedBench.utf8Bytes(SpeedBench.shape(shape)) / 1e6;
      // Invariant: lo fails (or is below any sane heap), hi completes.
      int lo = 8;
      int hi = (int) Math.max(64, mb * 64);
      if (!completes(shape, hi)) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | more than %d MB | |%n", shape, mb, hi);
        continue;
      }
      while (hi - lo > Math.max(2, hi / 25)) {
        int mid = (lo + hi) / 2;
        if (completes(shape, mid)) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      System.out.printf(Locale.ROOT, "| %s | %.1f | %d MB | %.1fx |%n", shape, mb, hi, hi / mb);
    }
  }

  private static boolean completes(String shape, int heapMb) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-Xmx" + heapMb + "m");
    command.add("-Xms" + Math.min(heapMb, 8) + "m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HeapProbe.class.getName());
    command.add("--child");
    command.add(shape);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      return false;
    }
    return p.exitValue() == 0;
  }

  private static void child(String shape) throws Exception {
    List<String> input = SpeedBench.shape(shape);
    Reassembly out = Reassembler.withDefaults().reassemble(input);
    if (out.text().isEmpty()) {
      throw new AssertionError("empty output for " + shape);
    }
  }
}
