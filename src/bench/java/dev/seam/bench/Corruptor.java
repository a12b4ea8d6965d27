package dev.seam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Produces, from one clean document, the fragments a chunked "continue" pipeline or a scraper would
 * give, and keeps the exact ground truth. Seeded and deterministic: the same document, pattern and
 * seed always give the same case.
 *
 * <p>Cuts fall mid-word inside a paragraph or at a block boundary (never between two sentences of
 * one paragraph: whether the text after such a cut starts a new paragraph is not in the fragments).
 */
final class Corruptor {
  static final String MARKER = "---END---";
  static final String SEPARATOR = "\n\n" + MARKER + "\n\n";

  static final List<String> PATTERNS =
      List.of(
          "cut-direct",
          "lead-in-overlap",
          "lead-in-only",
          "restart-identical",
          "restart-edit",
          "restart-abridged",
          "context-line",
          "immediate-repeat",
          "truncated-tail",
          "pages",
          "mixed");

  /**
   * One case: the fragments as a list of parts (each ending with its marker but the last) and as
   * one string with markers, and the text the reassembly should give.
   */
  record Case(
      String id,
      String lang,
      String pattern,
      List<String> parts,
      String joined,
      String truth,
      boolean clean) {}

  private final Corpus.Doc doc;
  private final boolean spaced;
  private final Random rnd;
  private final String text;
  private final List<int[]> blocks = new ArrayList<>(); // [start, end) in text
  private final List<Boolean> prose = new ArrayList<>();

  Corruptor(Corpus.Doc doc, long seed) {
    this.doc = doc;
    this.spaced = Corpus.spaced(doc.lang());
    this.rnd = new Random(seed);
    this.text = doc.text();
    int at = 0;
    for (String b : doc.blocks()) {
      blocks.add(new int[] {at, at + b.length()});
      String s = b.strip();
      // Cuts fall in one-line paragraphs of running text only.
      prose.add(!(s.startsWith("#") || s.startsWith("```") || s.startsWith("|") || s.startsWith("- ")
          || s.contains("\n") || s.length() < 40));
      at += b.length() + 2;
    }
  }

  Case clean() {
    return new Case(doc.id() + "/clean", doc.lang(), doc.repetition() ? "clean-repetition" : "clean",
        List.of(text), text, text, true);
  }

  /**
   * Whether {@code pattern} can be applied so that the truth is recoverable. An immediate repeat
   * needs a paragraph of running text: a document of only short lines, code and tables (the
   * legitimate-repetition documents) would get one of its blocks said once more, and that input is
   * exactly a clean document with that block said once more, which must come back unchanged.
   */
  boolean applies(String pattern) {
    return !pattern.equals("immediate-repeat") || prose.contains(true);
  }

  Case make(String pattern) {
    List<String> parts = new ArrayList<>();
    String truth = text;
    switch (pattern) {
      case "cut-direct" -> {
        int c = midWord(pickProse(1, blocks.size()));
        parts.add(text.substring(0, c));
        parts.add(text.substring(c));
      }
      case "lead-in-overlap" -> {
        int b = pickProse(1, blocks.size());
        int c = midWord(b);
        int k = Math.min(5 + rnd.nextInt(36), c - blocks.get(b)[0]);
        int from = codePointStart(c - k);
        parts.add(text.substring(0, c));
        parts.add(leadIn() + text.substring(from, c) + text.substring(c));
      }
      case "lead-in-only" -> {
        int b = pickProse(1, blocks.size());
        int w = spaced ? wordBoundary(b) : -1;
        if (w >= 0) {
          parts.add(text.substring(0, w));
          parts.add(leadIn() + text.substring(w + 1));
        } else {
          int c = midWord(b);
          parts.add(text.substring(0, c));
          parts.add(leadIn() + text.substring(c));
        }
      }
      case "restart-identical", "restart-edit", "restart-abridged" -> {
        restart(parts, pattern);
      }
      case "context-line" -> {
        int bc = 2 + rnd.nextInt(Math.max(1, blocks.size() - 3));
        int end = blocks.get(bc)[1];
        int r = Math.max(0, bc - 1 - rnd.nextInt(4));
        StringBuilder ctx = new StringBuilder();
        for (int i = 0; i <= Math.min(bc, r + 3); i++) {
          if (i > 0) {
            ctx.append(' ');
          }
          ctx.append(doc.blocks().get(i).replace('\n', ' '));
        }
        parts.add(text.substring(0, end));
        parts.add(ctx + "\n\n\n" + text.substring(blocks.get(r)[0]));
      }
      case "immediate-repeat" -> {
        int b = pickProse(0, blocks.size());
        String block = doc.blocks().get(b);
        String copy = block;
        if (rnd.nextBoolean()) {
          List<String> s = sentences(block);
          if (s.size() >= 2) {
            copy = s.get(s.size() - 1).strip();
          }
        }
        String corrupted =
            text.substring(0, blocks.get(b)[1]) + "\n\n" + copy + text.substring(blocks.get(b)[1]);
        parts.add(corrupted);
      }
      case "truncated-tail" -> {
        int c = midWord(pickProse(blocks.size() / 2, blocks.size()));
        parts.add(text.substring(0, c));
        parts.add("");
        truth = text.substring(0, c).stripTrailing() + "\n";
      }
      case "pages" -> {
        return pages();
      }
      case "mixed" -> {
        mixed(parts);
      }
      default -> throw new IllegalArgumentException(pattern);
    }
    return assemble(pattern, parts, truth);
  }

  private Case assemble(String pattern, List<String> parts, String truth) {
    boolean truncatedTail = parts.get(parts.size() - 1).isEmpty();
    int n = truncatedTail ? parts.size() - 1 : parts.size();
    List<String> list = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < n; i++) {
      boolean last = i == n - 1;
      String p = parts.get(i);
      if (last && truncatedTail) {
        // A truncated tail: the marker closes the input, nothing follows.
        list.add(p + "\n\n" + MARKER + "\n");
        joined.append(p).append("\n\n").append(MARKER).append('\n');
      } else if (last) {
        list.add(p);
        joined.append(p);
      } else {
        list.add(p + "\n\n" + MARKER);
        joined.append(p).append(SEPARATOR);
      }
    }
    return new Case(doc.id() + "/" + pattern, doc.lang(), pattern, List.copyOf(list),
        joined.toString(), truth, false);
  }

  /** A first run cut off, then a restart from 1 to 8 blocks back that runs to the end. */
  private void restart(List<String> parts, String variant) {
    int bc = 2 + rnd.nextInt(Math.max(1, blocks.size() - 2));
    bc = Math.min(bc, blocks.size() - 1);
    boolean midBlock = prose.get(bc) && rnd.nextBoolean();
    int cut = midBlock ? midWord(bc) : blocks.get(bc)[1];
    int r = Math.max(0, bc - 1 - rnd.nextInt(8));
    String first = text.substring(0, cut);
    // The earlier copy of a block the restart covers again carries the difference.
    List<Integer> covered = new ArrayList<>();
    for (int b = r; b < bc; b++) {
      if (prose.get(b)) {
        covered.add(b);
      }
    }
    if (!covered.isEmpty() && !variant.equals("restart-identical")) {
      int b = covered.get(rnd.nextInt(covered.size()));
      String block = doc.blocks().get(b);
      String changed = variant.equals("restart-edit") ? edit(block) : abridge(block);
      if (changed != null) {
        int at = blocks.get(b)[0];
        first = first.substring(0, at) + changed + first.substring(at + block.length());
      }
    }
    parts.add(first);
    parts.add(text.substring(blocks.get(r)[0]));
  }

  /** Several patterns in one case: cuts with mixed continuations, a restart, a repeat. */
  private void mixed(List<String> parts) {
    // Start from a restart case, then cut its second part again and continue differently.
    restart(parts, rnd.nextBoolean() ? "restart-edit" : "restart-abridged");
    String second = parts.remove(1);
    int offset = text.length() - second.length();
    List<Integer> candidates = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      if (prose.get(b) && blocks.get(b)[0] > offset + 20) {
        candidates.add(b);
      }
    }
    if (candidates.isEmpty()) {
      parts.add(second);
      return;
    }
    int b = candidates.get(rnd.nextInt(candidates.size()));
    int c = midWord(b);
    parts.add(text.substring(offset, c));
    int k = Math.min(5 + rnd.nextInt(36), c - blocks.get(b)[0]);
    String rest = text.substring(c);
    // An immediate repeat of the next block, where there is one.
    int next = b + 1;
    if (next < blocks.size() && prose.get(next) && rnd.nextBoolean()) {
      int end = blocks.get(next)[1];
      String nb = doc.blocks().get(next);
      rest = text.substring(c, end) + "\n\n" + nb + text.substring(end);
    }
    if (rnd.nextBoolean()) {
      parts.add(rest);
    } else {
      parts.add(leadIn() + text.substring(codePointStart(c - k), c) + rest);
    }
  }

  private Case pages() {
    List<String> pages = new ArrayList<>();
    int start = 0;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      int b = pickProse(1, blocks.size());
      if (blocks.get(b)[0] <= start + 10) {
        continue;
      }
      if (rnd.nextBoolean()) {
        // A page break between blocks.
        pages.add(text.substring(start, blocks.get(b)[0]).stripTrailing() + "\n");
        start = blocks.get(b)[0];
      } else if (spaced && wordBoundary(b) >= 0) {
        int c = wordBoundary(b);
        pages.add(text.substring(start, c) + "\n");
        start = c + 1;
      } else {
        int c = midWord(b);
        pages.add(text.substring(start, c) + "\n");
        start = c;
      }
    }
    pages.add(text.substring(start));
    return new Case(doc.id() + "/pages", doc.lang(), "pages", List.copyOf(pages), null, text, false);
  }

  // ---------------------------------------------------------------------------------------------

  private String leadIn() {
    return rnd.nextBoolean() ? "…" : "...";
  }

  /** A prose block in [from, to), or the first prose block at all. */
  private int pickProse(int from, int to) {
    List<Integer> c = new ArrayList<>();
    for (int b = Math.max(0, from); b < Math.min(to, blocks.size()); b++) {
      if (prose.get(b)) {
        c.add(b);
      }
    }
    if (c.isEmpty()) {
      for (int b = 0; b < blocks.size(); b++) {
        if (prose.get(b)) {
          c.add(b);
        }
      }
    }
    if (c.isEmpty()) {
      return blocks.size() - 1;
    }
    return c.get(rnd.nextInt(c.size()));
  }

  /** A position inside block {@code b} between two letters (mid-word, mid-sentence). */
  private int midWord(int b) {
    if (!prose.get(b)) {
      // Code, tables, lists and short lines are cut only where they end.
      return blocks.get(b)[1];
    }
    int start = blocks.get(b)[0] + 8;
    int end = blocks.get(b)[1] - 4;
    for (int attempt = 0; attempt < 200 && end > start; attempt++) {
      int c = start + rnd.nextInt(end - start);
      if (Character.isLetter(text.codePointBefore(c)) && Character.isLetter(text.codePointAt(c))
          && !Character.isLowSurrogate(text.charAt(c))
          && Character.getType(text.codePointAt(c)) != Character.NON_SPACING_MARK) {
        return c;
      }
    }
    return blocks.get(b)[1];
  }

  /**
   * The position of a space between two words inside block {@code b}, or -1. Deterministic for
   * one block (the first such space after the block's middle), so asking twice gives one answer.
   */
  private int wordBoundary(int b) {
    int start = (blocks.get(b)[0] + blocks.get(b)[1]) / 2;
    int end = blocks.get(b)[1] - 4;
    for (int c = start; c < end; c++) {
      if (text.charAt(c) == ' ' && Character.isLetter(text.codePointBefore(c))
          && Character.isLetter(text.codePointAt(c + 1))) {
        return c;
      }
    }
    return -1;
  }

  private int codePointStart(int c) {
    c = Math.max(0, c);
    return Character.isLowSurrogate(text.charAt(c)) ? c - 1 : c;
  }

  /** One letter of one word changed: a small edit, like 提件 for 提携. */
  private String edit(String block) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int i = 5 + rnd.nextInt(Math.max(1, block.length() - 10));
      char c = block.charAt(i);
      if (Character.isLetter(c) && !Character.isSurrogate(c)) {
        char replacement = spaced ? (c == 'e' ? 'a' : 'e') : (char) (c == 'の' ? 'が' : 'の');
        return block.substring(0, i) + replacement + block.substring(i + 1);
      }
    }
    return null;
  }

  /** The block without its last sentence, or null if it has only one. */
  private String abridge(String block) {
    List<String> s = sentences(block);
    if (s.size() < 2) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.size() - 1; i++) {
      b.append(s.get(i));
    }
    return b.toString().stripTrailing();
  }

  /** Sentences with their trailing spaces, split after terminal punctuation. */
  static List<String> sentences(String block) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      boolean end = c == '。' || c == '！' || c == '？'
          || ((c == '.' || c == '!' || c == '?') && (i + 1 == block.length() || block.charAt(i + 1) == ' '));
      if (end) {
        int j = i + 1;
        while (j < block.length() && block.charAt(j) == ' ') {
          j++;
        }
        out.add(block.substring(start, j));
        start = j;
        i = j - 1;
      }
    }
    if (start < block.length()) {
      out.add(block.substring(start));
    }
    return out;
  }
}
