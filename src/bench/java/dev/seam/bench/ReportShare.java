package dev.seam.bench;

import dev.seam.Reassembler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The share of a run spent building the report (issue 4 asks for at most 10%): reassembles each
 * input in a loop under Java Flight Recorder's sampling profiler, then counts the samples taken in
 * the library and those among them inside report building (the Merger's report step and the
 * construction of Report and Change values, wherever it happens). The five seeds, then the
 * SpeedBench shapes whose reports are largest for their input: 100,000 copies (a removal per
 * copy), 1,000 restarts, 100,000 tiny fragments, and corrupted documents.
 *
 * <p>{@code mvn -B -q -Pbench test-compile exec:exec@report-share}
 */
public final class ReportShare {
  private ReportShare() {}

  private static final List<String> SHAPES =
      List.of("seeds", "corrupted-1MB", "copies-100k", "restarts-1000", "tiny-100k");

  public static void main(String[] args) throws Exception {
    Reassembler engine = Reassembler.withDefaults();
    System.out.println("| input | samples in the library | building the report | share |");
    System.out.println("| --- | --- | --- | --- |");
    for (String shape : SHAPES) {
      List<String> input = SpeedBench.shape(shape);
      loop(engine, input, 5);
      Path jfr = Files.createTempFile("seam-report-share", ".jfr");
      try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
        recording.start();
        loop(engine, input, 20);
        recording.stop();
        recording.dump(jfr);
      }
      int[] counts = count(jfr);
      Files.delete(jfr);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %.1f%% |%n",
          shape,
          counts[0],
          counts[1],
          100.0 * counts[1] / Math.max(1, counts[0]));
    }
  }

  /** Samples in the library, and those among them building the report. */
  private static int[] count(Path jfr) throws Exception {
    int library = 0;
    int report = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      boolean inLibrary = false;
      boolean inReport = false;
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        String type = f.getMethod().getType().getName();
        if (type.startsWith("dev.seam.") && !type.startsWith("dev.seam.bench.")) {
          inLibrary = true;
          inReport |=
              (type.equals("dev.seam.Merger") && f.getMethod().getName().equals("report"))
                  || type.equals("dev.seam.Report")
                  || type.equals("dev.seam.Change");
        }
      }
      library += inLibrary ? 1 : 0;
      report += inReport ? 1 : 0;
    }
    return new int[] {library, report};
  }

  private static void loop(Reassembler engine, List<String> input, int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long changes = 0;
    while (System.nanoTime() < end) {
      changes += engine.reassemble(input).report().changes().size();
    }
    if (changes < 0) {
      throw new AssertionError();
    }
  }
}
