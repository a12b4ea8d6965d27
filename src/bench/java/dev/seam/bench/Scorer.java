package dev.seam.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Scores an output against the truth. */
final class Scorer {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|(?<=[。！？])");

  /** Scores of one output. */
  record Score(double similarity, boolean exact, int truthSentences, int duplicated, int lost) {}

  private Scorer() {}

  static Score score(String truth, String output) {
    Map<String, Integer> want = counts(truth);
    Map<String, Integer> got = counts(output);
    int total = 0;
    int duplicated = 0;
    int lost = 0;
    for (var e : want.entrySet()) {
      total += e.getValue();
      int have = got.getOrDefault(e.getKey(), 0);
      lost += Math.max(0, e.getValue() - have);
      duplicated += Math.max(0, have - e.getValue());
    }
    return new Score(similarity(truth, output), truth.equals(output), total, duplicated, lost);
  }

  /** Sentence keys with counts: NFKC, lower case, whitespace collapsed. */
  static Map<String, Integer> counts(String text) {
    Map<String, Integer> out = new HashMap<>();
    for (String line : text.split("\n")) {
      for (String s : SENTENCE_END.split(line)) {
        String k = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ").strip();
        if (!k.isEmpty()) {
          out.merge(k, 1, Integer::sum);
        }
      }
    }
    return out;
  }

  /**
   * 1 − Levenshtein / longer length. The distance is the sum of exact Levenshtein distances inside
   * the hunks of a line-level Myers diff: an upper bound on the true distance (so a lower bound on
   * the similarity) that is fast on long texts; below 0.9 on texts of at most 8000 chars, the exact
   * distance.
   */
  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    int longer = Math.max(a.length(), b.length());
    if (longer == 0) {
      return 1;
    }
    List<String> x = lines(a);
    List<String> y = lines(b);
    long distance = 0;
    for (int[] hunk : Myers.hunks(x, y)) {
      String left = String.join("", x.subList(hunk[0], hunk[1]));
      String right = String.join("", y.subList(hunk[2], hunk[3]));
      if (left.isEmpty() || right.isEmpty()) {
        distance += Math.max(left.length(), right.length());
      } else {
        distance += LevenshteinDistance.getDefaultInstance().apply(left, right);
      }
    }
    double bound = Math.max(0, 1 - (double) distance / longer);
    if (bound < 0.9 && longer <= 8000) {
      // Reordered paragraphs make the hunks pair unrelated text, and the bound gets loose: for
      // texts this short the exact distance is affordable.
      return 1 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / longer;
    }
    return bound;
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** Myers' O(ND) diff on lines, returning the differing hunks [aFrom, aTo, bFrom, bTo). */
  static final class Myers {
    private Myers() {}

    static List<int[]> hunks(List<String> a, List<String> b) {
      int n = a.size();
      int m = b.size();
      int max = n + m;
      int[] v = new int[2 * max + 2];
      List<int[]> trace = new ArrayList<>();
      int found = -1;
      for (int d = 0; d <= max && found < 0; d++) {
        trace.add(v.clone());
        for (int k = -d; k <= d; k += 2) {
          int x;
          if (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) {
            x = v[max + k + 1];
          } else {
            x = v[max + k - 1] + 1;
          }
          int y = x - k;
          while (x < n && y < m && a.get(x).equals(b.get(y))) {
            x++;
            y++;
          }
          v[max + k] = x;
          if (x >= n && y >= m) {
            found = d;
            break;
          }
        }
      }
      // Walk back through the trace to mark matched lines.
      boolean[] matchedA = new boolean[n];
      boolean[] matchedB = new boolean[m];
      int x = n;
      int y = m;
      for (int d = found; d > 0; d--) {
        int[] vd = trace.get(d);
        int k = x - y;
        int prevK = (k == -d || (k != d && vd[max + k - 1] < vd[max + k + 1])) ? k + 1 : k - 1;
        int prevX = vd[max + prevK];
        int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
          x--;
          y--;
          matchedA[x] = true;
          matchedB[y] = true;
        }
        x = prevX;
        y = prevY;
      }
      while (x > 0 && y > 0) {
        x--;
        y--;
        matchedA[x] = true;
        matchedB[y] = true;
      }
      List<int[]> hunks = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && matchedA[i] && matchedB[j]) {
          i++;
          j++;
          continue;
        }
        int i0 = i;
        int j0 = j;
        while (i < n && !matchedA[i]) {
          i++;
        }
        while (j < m && !matchedB[j]) {
          j++;
        }
        hunks.add(new int[] {i0, i, j0, j});
      }
      return hunks;
    }
  }
}
