package dev.seam.bench;

import dev.seam.Reassembler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * Peak heap of one reassembly of each of the largest inputs, measured in its own JVM:
 * {@code java -cp ... dev.seam.bench.HeapProbe SHAPE}. Prints the peak heap used during the call
 * minus the heap in use before it (input included), and that as a multiple of the input's size.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    String shape = args[0];
    List<String> input = SpeedBench.shape(shape);
    long bytes = SpeedBench.utf8Bytes(input);
    long chars = input.stream().mapToLong(String::length).sum();
    System.gc();
    Thread.sleep(200);
    long before = used();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    Object out = Reassembler.withDefaults().reassemble(input);
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f MB | %.1f MB | %.1fx |%n",
        shape, bytes / 1e6, (peak - before) / 1e6, (double) (peak - before) / bytes);
    if (out == null) {
      throw new AssertionError();
    }
  }

  private static long used() {
    long n = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        n += p.getUsage().getUsed();
      }
    }
    return n;
  }
}
