package dev.seam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void filesAreFragmentsInOrder() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "The road reop\n\n---END---\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "ened on Friday.\n");
    Result r = run("", a.toString(), b.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("The road reopened on Friday.\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void noFileOrDashReadsStdin() {
    assertThat(run("The same paragraph, long enough to count.\n\nThe same paragraph, long enough to count.\n").out())
        .isEqualTo("The same paragraph, long enough to count.\n");
    assertThat(run("Hello wor---END---ld.\n", "-").out()).isEqualTo("Hello world.\n");
  }

  @Test
  void reportGoesToStderrAndJsonHasTextAndReport() {
    Result r = run("Hello wor---END---ld.\n", "--report");
    assertThat(r.out()).isEqualTo("Hello world.\n");
    assertThat(r.err()).contains("end_marker_removed").contains("CUT_OFF_REPAIRED");
    Result j = run("Hello wor---END---ld.\n", "--json");
    JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
    assertThat(o.get("text").getAsString()).isEqualTo("Hello world.\n");
    assertThat(o.getAsJsonObject("report").getAsJsonObject("counts").get("END_MARKER_REMOVED").getAsInt())
        .isEqualTo(1);
  }

  @Test
  void jsonlKeepsInputOrderAcrossThreadsAndReportsBadLines() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      in.append("{\"id\":").append(i).append(",\"fragments\":[\"Doc ").append(i)
          .append(" cut\",\"---END---\"],\"meta\":{\"x\":1}}\n");
      if (i == 250) {
        in.append("{not json\n");
        in.append("{\"id\":\"no-fragments\"}\n");
      }
    }
    Result r = run(in.toString(), "--jsonl", "-", "--threads", "4");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(502);
    int expectedId = 0;
    for (String line : lines) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      if (o.has("error")) {
        continue;
      }
      assertThat(o.get("id").getAsInt()).isEqualTo(expectedId);
      assertThat(o.get("text").getAsString()).isEqualTo("Doc " + expectedId + " cut");
      expectedId++;
    }
    assertThat(expectedId).isEqualTo(500);
    assertThat(lines.get(251)).contains("\"error\"").contains("line 252");
    assertThat(lines.get(252)).contains("\"id\":\"no-fragments\"").contains("fragments");
  }

  @Test
  void usageErrorsExitTwoAndIoErrorsExitOne() {
    assertThat(run("", "--bogus").code()).isEqualTo(2);
    assertThat(run("", "--threads", "0").code()).isEqualTo(2);
    assertThat(run("", "--near", "2").code()).isEqualTo(2);
    assertThat(run("", "--jsonl").code()).isEqualTo(2);
    Result missing = run("", dir.resolve("missing.txt").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
    Result help = run("", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.err()).contains("--jsonl IN").contains("--report");
  }

  @Test
  void malformedUtf8IsReplacedNotFatal() throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'o', 'k', (byte) 0xff, '.', '\n'});
    Result r = run("", bad.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("ok\uFFFD.\n");
  }
}
