package dev.seam;

import static java.util.Objects.requireNonNull;

/**
 * The result of one reassembly: one clean document and the account of what was changed.
 *
 * @param text the document, with LF line endings, keeping the input's own characters
 * @param report every change made or decision flagged
 */
public record Reassembly(String text, Report report) {
  /** Validates the fields. */
  public Reassembly {
    requireNonNull(text, "text");
    requireNonNull(report, "report");
  }

  /**
   * Whether the document is known to be incomplete: some text stops mid-sentence at a cut that no
   * later fragment completed. Where: the {@link ChangeKind#CUT_OFF_LEFT} changes in the report.
   */
  public boolean truncated() {
    return report.truncated();
  }

  /** {@code {"text": ..., "report": {...}}} as one JSON object (see {@link Report#toJson()}). */
  public String toJson() {
    StringBuilder out = new StringBuilder(text.length() + 256);
    out.append("{\"text\":");
    Json.string(out, text);
    out.append(",\"report\":");
    report.appendJson(out);
    out.append('}');
    return out.toString();
  }
}
