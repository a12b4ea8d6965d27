package dev.seam.examples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import dev.seam.Reassembler;
import dev.seam.ReassemblyOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark job that reassembles every document of a fragment table and writes one Parquet row per
 * document ({@link ReassembledDocument}).
 *
 * <p>Documents are grouped and reassembled on the executors; nothing but the job's plan reaches
 * the driver. One {@link Reassembler} (immutable, thread-safe and serializable) travels in the
 * closure and is shared by every task of an executor.
 *
 * <table>
 *   <caption>Input layouts</caption>
 *   <tr><th>layout</th><th>one row per</th><th>columns (names configurable)</th></tr>
 *   <tr><td>{@link Layout#ROWS}</td><td>fragment</td>
 *       <td>{@code doc_id}, {@code seq} (orders the fragments), {@code text}</td></tr>
 *   <tr><td>{@link Layout#DOCUMENTS}</td><td>document</td>
 *       <td>{@code doc_id}, {@code fragments} (array of strings, in order)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Edge cases</caption>
 *   <tr><th>input</th><th>output row</th></tr>
 *   <tr><td>two fragments with the same {@code seq}</td>
 *       <td>ordered by their text, so that the result never depends on the shuffle</td></tr>
 *   <tr><td>a null document id, sequence number, fragment array or fragment</td>
 *       <td>{@code error} says which; text and report are null (never silently dropped)</td></tr>
 *   <tr><td>an empty fragment array</td><td>empty text, empty report</td></tr>
 * </table>
 */
public final class ReassembleJob {
  private ReassembleJob() {}

  /** How the input table holds the fragments. */
  public enum Layout {
    /** One row per fragment: document id, sequence number, text. */
    ROWS,
    /** One row per document: document id and the array of its fragments in order. */
    DOCUMENTS
  }

  /**
   * The input's column names.
   *
   * @param id the document id (any type; cast to string)
   * @param seq the fragment's sequence number within its document ({@link Layout#ROWS})
   * @param text the fragment's text ({@link Layout#ROWS})
   * @param fragments the array of fragments ({@link Layout#DOCUMENTS})
   */
  public record Columns(String id, String seq, String text, String fragments)
      implements Serializable {
    /** {@code doc_id}, {@code seq}, {@code text}, {@code fragments}. */
    public static final Columns DEFAULT = new Columns("doc_id", "seq", "text", "fragments");

    /** Requires every name. */
    public Columns {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(seq, "seq");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(fragments, "fragments");
    }
  }

  /**
   * Reassembles every document of {@code input}. Lazy, like any Spark transformation: nothing runs
   * until the result is written or counted.
   */
  public static Dataset<ReassembledDocument> reassemble(
      Dataset<Row> input, Layout layout, Columns columns, Reassembler engine) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(engine, "engine");
    Dataset<Row> documents =
        switch (layout) {
          case ROWS -> input
              .groupBy(col(columns.id()).cast(DataTypes.StringType).as("doc_id"))
              // sort_array orders the (seq, text) structs by seq, then by text: the same order
              // whichever way the shuffle delivered them.
              .agg(
                  sort_array(
                          collect_list(
                              struct(
                                  col(columns.seq()).cast(DataTypes.LongType).as("seq"),
                                  col(columns.text()).cast(DataTypes.StringType).as("text"))))
                      .as("parts"));
          case DOCUMENTS -> input.select(
              col(columns.id()).cast(DataTypes.StringType).as("doc_id"),
              col(columns.fragments()).as("parts"));
        };
    return documents.mapPartitions(
        new ReassemblePartition(engine, layout), Encoders.bean(ReassembledDocument.class));
  }

  /**
   * Maps rows to results one at a time, so a partition is never held in memory at once. Static,
   * so that the closure carries only the engine and the layout.
   */
  private static final class ReassemblePartition
      implements MapPartitionsFunction<Row, ReassembledDocument> {
    private static final long serialVersionUID = 1L;

    private final Reassembler engine;
    private final Layout layout;

    ReassemblePartition(Reassembler engine, Layout layout) {
      this.engine = engine;
      this.layout = layout;
    }

    @Override
    public Iterator<ReassembledDocument> call(Iterator<Row> rows) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public ReassembledDocument next() {
          return reassembleRow(rows.next());
        }
      };
    }

    private ReassembledDocument reassembleRow(Row row) {
      String id = row.isNullAt(0) ? null : row.getString(0);
      if (row.isNullAt(1)) {
        return ReassembledDocument.failed(id, 0, "the fragment array is null");
      }
      List<?> parts = row.getList(1);
      List<String> fragments = new ArrayList<>(parts.size());
      String error = id == null ? "the document id is null" : null;
      for (int i = 0; i < parts.size(); i++) {
        Object part = parts.get(i);
        String text;
        if (layout == Layout.ROWS) {
          Row fragment = (Row) part;
          if (error == null && fragment.isNullAt(0)) {
            error = "fragment " + i + " has a null sequence number";
          }
          text = fragment.isNullAt(1) ? null : fragment.getString(1);
        } else {
          text = (String) part;
        }
        if (error == null && text == null) {
          error =
              layout == Layout.ROWS
                  ? "the fragment with sequence number " + ((Row) part).get(0) + " has null text"
                  : "fragments[" + i + "] is null";
        }
        fragments.add(text);
      }
      if (error != null) {
        return ReassembledDocument.failed(id, fragments.size(), error);
      }
      return ReassembledDocument.of(id, fragments.size(), engine.reassemble(fragments));
    }
  }

  /**
   * Runs the job: {@code --input PATH --output PATH [--format jsonl|parquet] [--layout
   * rows|documents] [--marker TEXT] [--overwrite] [--id-column NAME] [--seq-column NAME]
   * [--text-column NAME] [--fragments-column NAME]}. Under {@code spark-submit} the master comes
   * from it; run directly, the job uses {@code local[*]}.
   */
  public static void main(String[] args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Arguments.USAGE);
      System.exit(2);
      return;
    }
    SparkSession.Builder builder = SparkSession.builder().appName("seam-reassemble");
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      run(spark, arguments);
    } finally {
      spark.stop();
    }
  }

  /** Reads, reassembles and writes with the given session, which stays open. */
  static void run(SparkSession spark, Arguments a) {
    Dataset<Row> input =
        a.format.equals("parquet")
            ? spark.read().parquet(a.input)
            // A declared schema spares JSON a full inference pass; ids written as numbers are
            // read as their text.
            : spark.read().schema(jsonSchema(a.layout, a.columns)).json(a.input);
    Reassembler engine = Reassembler.create(ReassemblyOptions.builder().endMarker(a.marker).build());
    reassemble(input, a.layout, a.columns, engine)
        .write()
        .mode(a.overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
        .parquet(a.output);
  }

  private static StructType jsonSchema(Layout layout, Columns columns) {
    StructType schema = new StructType().add(columns.id(), DataTypes.StringType);
    return switch (layout) {
      case ROWS -> schema
          .add(columns.seq(), DataTypes.LongType)
          .add(columns.text(), DataTypes.StringType);
      case DOCUMENTS -> schema.add(
          columns.fragments(), DataTypes.createArrayType(DataTypes.StringType, true));
    };
  }

  /** The command line, parsed and validated before Spark starts. */
  static final class Arguments {
    static final String USAGE =
        "usage: ReassembleJob --input PATH --output PATH [--format jsonl|parquet]"
            + " [--layout rows|documents] [--marker TEXT] [--overwrite]"
            + " [--id-column NAME] [--seq-column NAME] [--text-column NAME]"
            + " [--fragments-column NAME]";

    String input;
    String output;
    String format = "jsonl";
    Layout layout = Layout.ROWS;
    String marker = ReassemblyOptions.defaults().endMarker();
    boolean overwrite;
    Columns columns = Columns.DEFAULT;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      String id = Columns.DEFAULT.id();
      String seq = Columns.DEFAULT.seq();
      String text = Columns.DEFAULT.text();
      String fragments = Columns.DEFAULT.fragments();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--overwrite")) {
          a.overwrite = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--input" -> a.input = value;
          case "--output" -> a.output = value;
          case "--format" -> {
            a.format = value.toLowerCase(Locale.ROOT);
            if (!a.format.equals("jsonl") && !a.format.equals("parquet")) {
              throw new IllegalArgumentException("--format must be jsonl or parquet: " + value);
            }
          }
          case "--layout" -> {
            try {
              a.layout = Layout.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--layout must be rows or documents: " + value);
            }
          }
          case "--marker" -> a.marker = value;
          case "--id-column" -> id = value;
          case "--seq-column" -> seq = value;
          case "--text-column" -> text = value;
          case "--fragments-column" -> fragments = value;
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (a.input == null || a.output == null) {
        throw new IllegalArgumentException("--input and --output are required");
      }
      // Validates the marker now, on the driver, rather than in a failed task.
      ReassemblyOptions.builder().endMarker(a.marker).build();
      a.columns = new Columns(id, seq, text, fragments);
      return a;
    }
  }
}
