package dev.seam;

import java.util.ArrayList;
import java.util.List;

/** A compact line diff for test failure messages, with invisible characters made visible. */
final class LineDiff {
  private LineDiff() {}

  static String diff(String expected, String actual) {
    List<String> a = lines(expected);
    List<String> b = lines(actual);
    int n = a.size();
    int m = b.size();
    if ((long) n * m > 25_000_000L) {
      return "texts too long to diff; lengths " + expected.length() + " vs " + actual.length();
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        out.add("  " + (i + 1) + "  " + a.get(i));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add("+ " + (j + 1) + "  " + b.get(j));
        j++;
      } else {
        out.add("- " + (i + 1) + "  " + a.get(i));
        i++;
      }
    }
    // Keep changed lines with two lines of context.
    StringBuilder b2 = new StringBuilder("--- expected\n+++ actual\n");
    boolean[] keep = new boolean[out.size()];
    for (int k = 0; k < out.size(); k++) {
      if (!out.get(k).startsWith("  ")) {
        for (int c = Math.max(0, k - 2); c <= Math.min(out.size() - 1, k + 2); c++) {
          keep[c] = true;
        }
      }
    }
    boolean gap = false;
    for (int k = 0; k < out.size(); k++) {
      if (keep[k]) {
        b2.append(Report.escape(out.get(k))).append('\n');
        gap = false;
      } else if (!gap) {
        b2.append("  ...\n");
        gap = true;
      }
    }
    return b2.toString();
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start) + (s.endsWith("\n") ? "" : "⟨no newline at end⟩"));
    return out;
  }
}
