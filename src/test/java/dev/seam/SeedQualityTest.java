package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

/**
 * The acceptance checks of the seed documents, done independently of the engine's own matching:
 * a regex sentence splitter and plain Levenshtein, not ICU and the gram index. Prints one line of
 * figures per seed (the README quotes them).
 */
class SeedQualityTest {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。？！?!])\\s*");
  private static final Pattern MARKUP = Pattern.compile("^\\s*(#{1,6}\\s+|[-*+]\\s+|>\\s*)|[*_`]");
  private static final Pattern LEAD_IN = Pattern.compile("^(…|\\.\\.\\.|‥)+");
  private static final double NEAR = 0.8;

  static String key(String s) {
    String k = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    k = MARKUP.matcher(k).replaceAll("");
    k = LEAD_IN.matcher(k.strip()).replaceAll("");
    return k.replaceAll("\\s+", " ").strip();
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      for (String s : SENTENCE_END.split(line)) {
        String k = key(s);
        if (!k.isEmpty()) {
          out.add(k);
        }
      }
    }
    return out;
  }

  static double similarity(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    return longer == 0 ? 1 : 1 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / longer;
  }

  static String body(String s) {
    if (s.startsWith("---\n")) {
      int end = s.indexOf("\n---\n", 4);
      if (end > 0) {
        return s.substring(end + 5);
      }
    }
    return s;
  }

  @Test
  void seedsRepeatNoSentenceAndLoseNone() throws Exception {
    Reassembler engine = Reassembler.withDefaults();
    for (Path p : SeedsTest.seeds()) {
      String input = Files.readString(p);
      Reassembly r = engine.reassemble(List.of(input));
      List<String> out = sentences(body(r.text()));
      Set<String> recurrences = new HashSet<>();
      for (Change c : r.report().changes()) {
        if (c.kind() == ChangeKind.RECURRENCE_KEPT) {
          recurrences.add(key(c.excerpt()));
        }
      }
      // 1. No sentence twice, except repeats the report names as kept recurrences.
      Map<String, Integer> seen = new HashMap<>();
      List<String> duplicates = new ArrayList<>();
      for (String s : out) {
        if (s.length() >= 12 && seen.merge(s, 1, Integer::sum) == 2 && !recurrences.contains(s)) {
          duplicates.add(s);
        }
      }
      // 2. No two near-duplicate sentences, except pairs the input's first run already holds.
      Set<String> firstRun = new HashSet<>(sentences(body(input.split("---END---", -1)[0])));
      List<String> near = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          String a = out.get(i);
          String b = out.get(j);
          if (a.equals(b) || Math.min(a.length(), b.length()) < 12) {
            continue;
          }
          if ((double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length()) < NEAR) {
            continue;
          }
          if (similarity(a, b) >= NEAR && !(firstRun.contains(a) && firstRun.contains(b))) {
            near.add(a + " ~ " + b);
          }
        }
      }
      // 3. Every input sentence is in the output, inside an output sentence, or has a version in it
      //    (similar at least 0.6, or most of its text standing in the output), or the report
      //    names it as a dropped variant.
      String joined = String.join("\n", out);
      String compact = String.join("", out).replace(" ", "");
      Set<String> windows = new HashSet<>();
      for (int i = 0; i + 6 <= compact.length(); i++) {
        windows.add(compact.substring(i, i + 6));
      }
      Set<String> variants = new HashSet<>();
      for (Change c : r.report().changes()) {
        if (c.kind() == ChangeKind.VARIANT_DROPPED) {
          String src = input.substring(c.source().start(), c.source().end());
          variants.addAll(sentences(src));
        }
      }
      List<String> lost = new ArrayList<>();
      for (String s : sentences(body(input.replace("---END---", "")))) {
        if (s.length() < 4 || joined.contains(s) || compact.contains(s.replace(" ", ""))
            || variants.contains(s)) {
          continue;
        }
        double best = 0;
        for (String o : out) {
          if ((double) Math.min(s.length(), o.length()) / Math.max(s.length(), o.length()) >= 0.5) {
            best = Math.max(best, similarity(s, o));
          }
        }
        String c = s.replace(" ", "");
        boolean[] covered = new boolean[c.length()];
        for (int i = 0; i + 6 <= c.length(); i++) {
          if (windows.contains(c.substring(i, i + 6))) {
            for (int k = i; k < i + 6; k++) {
              covered[k] = true;
            }
          }
        }
        int hit = 0;
        for (boolean b : covered) {
          hit += b ? 1 : 0;
        }
        if (best < 0.6 && (c.isEmpty() || (double) hit / c.length() < 0.75)) {
          lost.add(s);
        }
      }
      // 4. No marker, no lead-in mark, no paragraph cut mid-sentence but a flagged truncated tail.
      List<String> cutParagraphs = new ArrayList<>();
      String[] paragraphs = body(r.text()).split("\n\\s*\n");
      for (int i = 0; i < paragraphs.length; i++) {
        String para = paragraphs[i].strip();
        if (para.isEmpty() || para.startsWith("#") || para.contains("\n") || para.matches("\\*\\*.*\\*\\*")) {
          continue;
        }
        if (!Texts.endsSentence(para)) {
          cutParagraphs.add(para.substring(Math.max(0, para.length() - 20)));
        }
      }
      boolean flaggedTail = r.truncated() && cutParagraphs.size() <= 1
          && (cutParagraphs.isEmpty() || paragraphs[paragraphs.length - 1].strip().endsWith(cutParagraphs.get(0)));
      System.out.printf(
          Locale.ROOT,
          "seed %s: %d sentences out, %d duplicated, %d near-duplicate pairs, %d lost, %d cut paragraphs%s, %d changes%n",
          p.getFileName().toString().substring(0, 3), out.size(), duplicates.size(), near.size(), lost.size(),
          cutParagraphs.size(), r.truncated() ? " (truncated, flagged)" : "", r.report().changes().size());
      assertThat(duplicates).as("%s duplicated sentences", p).isEmpty();
      assertThat(near).as("%s near-duplicate sentences", p).isEmpty();
      assertThat(lost).as("%s lost sentences", p).isEmpty();
      assertThat(r.text()).doesNotContain("---END---");
      assertThat(r.text().lines().filter(l -> LEAD_IN.matcher(l.strip()).find()).toList()).isEmpty();
      assertThat(cutParagraphs.isEmpty() || flaggedTail).as("%s cut paragraphs %s", p, cutParagraphs).isTrue();
    }
  }
}
