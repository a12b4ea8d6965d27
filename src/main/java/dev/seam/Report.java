package dev.seam;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a reassembly changed or flagged, in input order (fragment, then offset).
 *
 * <p>Accounting: every non-whitespace character of the input is either in the output or inside the
 * {@link Change#source() source} of a change whose kind {@link ChangeKind#removesText() removes
 * text}. Layout whitespace (line endings, runs of blank lines at a seam) is normalized and not
 * itemized.
 *
 * @param changes the changes, sorted by fragment and start offset
 */
public record Report(ImmutableList<Change> changes) {

  /** An empty report: the input came back unchanged. */
  public static final Report EMPTY = new Report(ImmutableList.of());

  /** Validates and copies. */
  public Report {
    requireNonNull(changes, "changes");
  }

  /** Whether nothing was changed or flagged. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * How many changes of each kind, for kinds that occur, in {@link ChangeKind} order. The summary
   * a log line or a dashboard wants.
   */
  public ImmutableSortedMap<ChangeKind, Integer> counts() {
    Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
    for (Change c : changes) {
      counts.merge(c.kind(), 1, Integer::sum);
    }
    return ImmutableSortedMap.copyOf(counts);
  }

  /** Number of changes of one kind. */
  public int count(ChangeKind kind) {
    int n = 0;
    for (Change c : changes) {
      if (c.kind() == kind) {
        n++;
      }
    }
    return n;
  }

  /** Total number of input chars inside changes that remove text. */
  public long removedChars() {
    long n = 0;
    for (Change c : changes) {
      if (c.kind().removesText()) {
        n += c.source().length();
      }
    }
    return n;
  }

  /**
   * Whether the report holds only flags for repeats that were kept ({@link
   * ChangeKind#RECURRENCE_KEPT}): the text came back as it went in. True for an empty report.
   */
  public boolean leftTextAsIs() {
    for (Change c : changes) {
      if (c.kind() != ChangeKind.RECURRENCE_KEPT) {
        return false;
      }
    }
    return true;
  }

  /**
   * The report as one JSON object: {@code truncated}, {@code removedChars}, {@code counts} (kind
   * name to count) and {@code changes} (each with kind, source span, excerpt, and where present
   * kept span, match and similarity). Needs no JSON library.
   */
  public String toJson() {
    StringBuilder out = new StringBuilder(64 + changes.size() * 160);
    appendJson(out);
    return out.toString();
  }

  void appendJson(StringBuilder out) {
    out.append("{\"truncated\":").append(truncated());
    out.append(",\"removedChars\":").append(removedChars());
    out.append(",\"counts\":{");
    boolean first = true;
    for (var e : counts().entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.string(out, e.getKey().name());
      out.append(':').append(e.getValue());
    }
    out.append("},\"changes\":[");
    for (int i = 0; i < changes.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Change c = changes.get(i);
      out.append("{\"kind\":");
      Json.string(out, c.kind().name());
      out.append(",\"source\":");
      Json.span(out, c.source());
      out.append(",\"excerpt\":");
      Json.string(out, c.excerpt());
      if (c.kept().isPresent()) {
        out.append(",\"kept\":");
        Json.span(out, c.kept().get());
      }
      if (c.match().isPresent()) {
        out.append(",\"match\":");
        Json.string(out, c.match().get().name());
      }
      if (c.similarity().isPresent()) {
        out.append(",\"similarity\":").append(round(c.similarity().getAsDouble()));
      }
      out.append('}');
    }
    out.append("]}");
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }

  /**
   * A readable summary: one line of counts, then one line per change. For logs and the command
   * line's {@code --report}.
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(changes.size()).append(changes.size() == 1 ? " change" : " changes");
    if (!changes.isEmpty()) {
      out.append(": ");
      boolean first = true;
      for (var e : counts().entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (truncated()) {
      out.append("; TRUNCATED");
    }
    out.append('\n');
    for (Change c : changes) {
      out.append(String.format(java.util.Locale.ROOT, "  %-27s %s", c.kind(), c.source()));
      c.match().ifPresent(m -> out.append(' ').append(m));
      c.similarity()
          .ifPresent(s -> out.append(String.format(java.util.Locale.ROOT, " %.2f", s)));
      c.kept().ifPresent(k -> out.append(" kept ").append(k));
      out.append("  ").append(escape(c.excerpt())).append('\n');
    }
    return out.toString();
  }

  /** Makes invisible and line-breaking characters visible, for one-line display. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                b.append("\\n");
              } else if (cp == '\r') {
                b.append("\\r");
              } else if (cp == '\t') {
                b.append("\\t");
              } else if (Character.isISOControl(cp)
                  || Character.getType(cp) == Character.FORMAT
                  || Character.isSurrogate((char) cp) && cp < 0x10000
                  || cp == 0xA0
                  || cp == 0xFEFF) {
                b.append(String.format("\\u{%04X}", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  /** Whether some text was left cut off mid-sentence (see {@link ChangeKind#CUT_OFF_LEFT}). */
  public boolean truncated() {
    return count(ChangeKind.CUT_OFF_LEFT) > 0;
  }
}
