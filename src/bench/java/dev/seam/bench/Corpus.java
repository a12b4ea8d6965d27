package dev.seam.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Clean documents for the quality benchmark, built at bench time: sections of the Debian Reference
 * manual in English, Japanese, Chinese and German (Debian packages {@code debian-reference-en},
 * {@code -ja}, {@code -zh-cn}, {@code -de}; GPL-2+, installed, never committed), plus documents with
 * legitimate repetition from {@code testdata/<lang>/11-recurrence-kept.input.txt}.
 */
final class Corpus {
  static final List<String> LANGUAGES = List.of("en", "ja", "zh", "de");
  private static final Path MANUALS = Path.of("/usr/share/debian-reference");
  private static final Pattern HEADING = Pattern.compile("^((?:\\d+|[A-Z])(?:\\.\\d+)*)\\.\\s+(\\S.*)$");
  private static final Pattern COMMAND = Pattern.compile("^[$#] \\S.*");

  /** A clean document: its blocks, joined by blank lines. */
  record Doc(String lang, String id, List<String> blocks, boolean repetition) {
    String text() {
      return String.join("\n\n", blocks) + "\n";
    }
  }

  private Corpus() {}

  static boolean spaced(String lang) {
    return lang.equals("en") || lang.equals("de");
  }

  static List<Doc> load(String lang, int max) {
    String file = "debian-reference." + (lang.equals("zh") ? "zh-cn" : lang) + ".txt.gz";
    Path p = MANUALS.resolve(file);
    if (!Files.exists(p)) {
      throw new IllegalStateException(
          "missing " + p + ": install the corpus with "
              + "'apt-get install debian-reference-en debian-reference-ja debian-reference-zh-cn "
              + "debian-reference-de'");
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        // The manual indents some lines with no-break spaces.
        lines.add(line.replace('\u00A0', ' ').stripTrailing());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Doc> docs = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    String id = null;
    int i = 0;
    while (i < lines.size() && docs.size() < max) {
      String line = lines.get(i);
      var h = HEADING.matcher(line);
      // A section heading stands at column 0 and is followed by a blank line (the table of
      // contents has neither the blank line nor the body).
      if (h.matches() && i + 1 < lines.size() && lines.get(i + 1).isBlank()) {
        int depth = h.group(1).split("\\.").length;
        int chars = blocks.stream().mapToInt(String::length).sum();
        if (depth <= 2 || chars > 3000) {
          add(docs, lang, id, blocks);
          blocks = new ArrayList<>();
          id = lang + "-" + h.group(1);
          blocks.add((depth <= 2 ? "# " : "### ") + line.strip());
        } else if (id != null) {
          blocks.add("### " + line.strip());
        }
        i += 2;
        continue;
      }
      if (line.isBlank() || id == null) {
        i++;
        continue;
      }
      // A paragraph: indented lines up to a blank line.
      List<String> para = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).isBlank() && lines.get(i).startsWith(" ")) {
        para.add(lines.get(i));
        i++;
      }
      if (para.isEmpty()) {
        i++;
        continue;
      }
      String block = block(lang, para);
      if (block != null) {
        blocks.add(block);
      }
    }
    add(docs, lang, id, blocks);
    return docs;
  }

  private static void add(List<Doc> docs, String lang, String id, List<String> blocks) {
    int chars = blocks.stream().mapToInt(String::length).sum();
    if (id != null && blocks.size() >= 5 && chars >= 600 && chars <= 12000) {
      docs.add(new Doc(lang, id, List.copyOf(blocks), false));
    }
  }

  /** One block of the document from one indented paragraph, or null for a table or figure. */
  private static String block(String lang, List<String> para) {
    List<String> stripped = new ArrayList<>();
    for (String l : para) {
      stripped.add(l.strip());
    }
    for (String l : para) {
      String body = l.strip();
      // Columns of a table or art: several runs of spaces inside a line.
      if (body.contains("   ") || body.contains("│") || body.contains("─") || body.contains("|")) {
        return null;
      }
    }
    if (stripped.stream().allMatch(l -> COMMAND.matcher(l).matches())) {
      return "```\n" + String.join("\n", stripped) + "\n```";
    }
    if (stripped.get(0).startsWith("* ")) {
      // A list: items start with "* ", continuation lines are deeper.
      List<String> items = new ArrayList<>();
      StringBuilder item = null;
      for (String l : stripped) {
        if (l.startsWith("* ")) {
          if (item != null) {
            items.add("- " + item);
          }
          item = new StringBuilder(l.substring(2).strip());
        } else if (item != null) {
          join(lang, item, l);
        }
      }
      if (item != null) {
        items.add("- " + item);
      }
      return String.join("\n", items);
    }
    StringBuilder b = new StringBuilder();
    for (String l : stripped) {
      join(lang, b, l);
    }
    return b.toString();
  }

  /** Unwraps a hard-wrapped line: a space between words in spaced scripts, nothing in CJK. */
  private static void join(String lang, StringBuilder b, String next) {
    if (b.length() == 0) {
      b.append(next);
      return;
    }
    char last = b.charAt(b.length() - 1);
    char first = next.charAt(0);
    boolean asciiBoth = last < 0x80 && first < 0x80 && Character.isLetterOrDigit(last)
        && Character.isLetterOrDigit(first);
    if (spaced(lang) || asciiBoth || (last < 0x80 && last != '/' && first < 0x80)) {
      b.append(' ');
    }
    b.append(next);
  }

  /** Clean documents with legitimate repetition, from the golden cases. */
  static List<Doc> repetition(String lang) {
    List<Doc> out = new ArrayList<>();
    for (String name : List.of("11-recurrence-kept", "00-clean")) {
      Path p = Path.of("testdata", lang, name + ".input.txt");
      try {
        String text = Files.readString(p);
        List<String> blocks = new ArrayList<>();
        // Blocks as the golden file has them (code and tables keep their inner lines).
        for (String b : text.strip().split("\n\n")) {
          blocks.add(b);
        }
        out.add(new Doc(lang, lang + "-" + name, List.copyOf(blocks), name.startsWith("11")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
