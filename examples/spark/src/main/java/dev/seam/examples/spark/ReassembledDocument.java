package dev.seam.examples.spark;

import dev.seam.ChangeKind;
import dev.seam.Reassembly;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One output row: a document reassembled, or the reason it could not be.
 *
 * <p>A mutable bean with a no-argument constructor because Spark's bean encoder
 * ({@code Encoders.bean}) needs one; records are not supported by it in Spark 3.5.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>{@code docId}</td><td>the document id, as a string</td></tr>
 *   <tr><td>{@code fragments}</td><td>how many fragments the document had</td></tr>
 *   <tr><td>{@code text}</td><td>the reassembled text; null when {@code error} is set</td></tr>
 *   <tr><td>{@code truncated}</td><td>some text was left cut off mid-sentence</td></tr>
 *   <tr><td>{@code changes}</td><td>how many changes the report holds</td></tr>
 *   <tr><td>{@code removedChars}</td><td>input characters not in the output, all reported</td></tr>
 *   <tr><td>{@code counts}</td><td>change kind name to count; empty for an unchanged document</td></tr>
 *   <tr><td>{@code report}</td><td>the full report as JSON ({@code Report.toJson()})</td></tr>
 *   <tr><td>{@code error}</td>
 *       <td>null, or why the document was not reassembled (a null id, sequence number or
 *       fragment); the other columns are then empty, so nothing is dropped silently</td></tr>
 * </table>
 */
public final class ReassembledDocument implements Serializable {
  private static final long serialVersionUID = 1L;

  private String docId;
  private int fragments;
  private String text;
  private boolean truncated;
  private int changes;
  private long removedChars;
  private Map<String, Integer> counts = new TreeMap<>();
  private String report;
  private String error;

  /** An empty row, for Spark's bean encoder. */
  public ReassembledDocument() {}

  /** The row for a document that was reassembled. */
  public static ReassembledDocument of(String docId, int fragments, Reassembly result) {
    ReassembledDocument d = new ReassembledDocument();
    d.docId = docId;
    d.fragments = fragments;
    d.text = result.text();
    d.truncated = result.truncated();
    d.changes = result.report().changes().size();
    d.removedChars = result.report().removedChars();
    Map<String, Integer> counts = new TreeMap<>();
    for (Map.Entry<ChangeKind, Integer> e : result.report().counts().entrySet()) {
      counts.put(e.getKey().name(), e.getValue());
    }
    d.counts = counts;
    d.report = result.report().toJson();
    return d;
  }

  /** The row for a document whose input was malformed: text and report stay empty. */
  public static ReassembledDocument failed(String docId, int fragments, String error) {
    ReassembledDocument d = new ReassembledDocument();
    d.docId = docId;
    d.fragments = fragments;
    d.error = Objects.requireNonNull(error, "error");
    return d;
  }

  /** The document id. */
  public String getDocId() {
    return docId;
  }

  /** Sets the document id. */
  public void setDocId(String docId) {
    this.docId = docId;
  }

  /** How many fragments the document had. */
  public int getFragments() {
    return fragments;
  }

  /** Sets how many fragments the document had. */
  public void setFragments(int fragments) {
    this.fragments = fragments;
  }

  /** The reassembled text, or null when {@link #getError()} is set. */
  public String getText() {
    return text;
  }

  /** Sets the text. */
  public void setText(String text) {
    this.text = text;
  }

  /** Whether some text was left cut off mid-sentence. */
  public boolean isTruncated() {
    return truncated;
  }

  /** Sets whether some text was left cut off. */
  public void setTruncated(boolean truncated) {
    this.truncated = truncated;
  }

  /** How many changes the report holds. */
  public int getChanges() {
    return changes;
  }

  /** Sets how many changes the report holds. */
  public void setChanges(int changes) {
    this.changes = changes;
  }

  /** Input characters (UTF-16 units) that are not in the output; each is in a reported change. */
  public long getRemovedChars() {
    return removedChars;
  }

  /** Sets the removed character count. */
  public void setRemovedChars(long removedChars) {
    this.removedChars = removedChars;
  }

  /** Change kind name to count, sorted by name. */
  public Map<String, Integer> getCounts() {
    return counts;
  }

  /** Sets the counts (copied, so that the row's order stays sorted). */
  public void setCounts(Map<String, Integer> counts) {
    this.counts = counts == null ? new TreeMap<>() : new TreeMap<>(counts);
  }

  /** The full report as JSON, or null when {@link #getError()} is set. */
  public String getReport() {
    return report;
  }

  /** Sets the report JSON. */
  public void setReport(String report) {
    this.report = report;
  }

  /** Why the document was not reassembled, or null. */
  public String getError() {
    return error;
  }

  /** Sets the error. */
  public void setError(String error) {
    this.error = error;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReassembledDocument d
        && Objects.equals(docId, d.docId)
        && fragments == d.fragments
        && Objects.equals(text, d.text)
        && truncated == d.truncated
        && changes == d.changes
        && removedChars == d.removedChars
        && Objects.equals(counts, d.counts)
        && Objects.equals(report, d.report)
        && Objects.equals(error, d.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(docId, fragments, text, truncated, changes, removedChars, counts, report, error);
  }

  @Override
  public String toString() {
    return "ReassembledDocument{docId="
        + docId
        + ", fragments="
        + fragments
        + ", chars="
        + (text == null ? "null" : text.length())
        + ", truncated="
        + truncated
        + ", counts="
        + counts
        + (error == null ? "" : ", error=" + error)
        + "}";
  }
}
