package dev.seam;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Reassembles one clean document from the overlapping, restarted and cut-off fragments of one
 * document, and reports every change. Instances are immutable and thread-safe: share one.
 * They are also serializable (they hold only their options), so a distributed job such as a Spark
 * closure can capture one; creating one is as cheap as creating its options.
 *
 * <pre>{@code
 * Reassembly r = Reassembler.withDefaults().reassemble(List.of(part1, part2));
 * String text = r.text();
 * }</pre>
 *
 * <table>
 *   <caption>Edge cases</caption>
 *   <tr><th>input</th><th>result</th></tr>
 *   <tr><td>empty list, or only empty or blank fragments</td><td>empty text, empty report</td></tr>
 *   <tr><td>one clean fragment</td>
 *       <td>the same text (line endings as LF), empty report</td></tr>
 *   <tr><td>a fragment holding several parts separated by end markers</td>
 *       <td>the same result as the list of those parts</td></tr>
 *   <tr><td>only markers</td><td>empty text; each marker reported</td></tr>
 *   <tr><td>a repeat nothing explains (a chorus, "Yes.")</td>
 *       <td>kept, and reported as {@link ChangeKind#RECURRENCE_KEPT}</td></tr>
 *   <tr><td>null list or null fragment</td>
 *       <td>{@link NullPointerException} naming the argument or index</td></tr>
 * </table>
 */
public final class Reassembler implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final Reassembler DEFAULT = new Reassembler(ReassemblyOptions.defaults());

  private final ReassemblyOptions options;

  private Reassembler(ReassemblyOptions options) {
    this.options = options;
  }

  /** An engine with {@link ReassemblyOptions#defaults()}. */
  public static Reassembler withDefaults() {
    return DEFAULT;
  }

  /** An engine with the given options. */
  public static Reassembler create(ReassemblyOptions options) {
    return new Reassembler(requireNonNull(options, "options"));
  }

  /** The options this engine was created with. */
  public ReassemblyOptions options() {
    return options;
  }

  /**
   * Merges the fragments of one document, given in order, into one document.
   *
   * @param fragments the pieces in order; each may hold several parts separated by end markers
   * @return the text and the report
   * @throws NullPointerException if {@code fragments} or one of its elements is null
   */
  public Reassembly reassemble(List<String> fragments) {
    requireNonNull(fragments, "fragments");
    for (int i = 0; i < fragments.size(); i++) {
      if (fragments.get(i) == null) {
        throw new NullPointerException("fragments[" + i + "] is null");
      }
    }
    return new Merger(options, List.copyOf(fragments)).run();
  }
}
