package dev.seam.examples.spark;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seam.Reassembler;
import dev.seam.examples.spark.ReassembleJob.Arguments;
import dev.seam.examples.spark.ReassembleJob.Columns;
import dev.seam.examples.spark.ReassembleJob.Layout;
import dev.seam.examples.spark.SampleDocuments.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on a real local[2] Spark: its output is exactly what direct calls give. */
class ReassembleJobTest {
  private static final StructType ROWS =
      new StructType()
          .add("doc_id", DataTypes.StringType)
          .add("seq", DataTypes.LongType)
          .add("text", DataTypes.StringType);
  private static final StructType DOCUMENTS =
      new StructType()
          .add("doc_id", DataTypes.StringType)
          .add("fragments", DataTypes.createArrayType(DataTypes.StringType, true));

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("seam-spark-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            // Adaptive execution would merge two small shuffle partitions into one; the tests
            // want the documents really spread over two.
            .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** A few hundred generated documents plus the edge shapes, in a seeded shuffle. */
  private static List<Document> documents() {
    List<Document> documents = new ArrayList<>(SampleDocuments.generate(300, 20261122L));
    documents.add(new Document("empty", List.of("")));
    documents.add(new Document("blank", List.of("  \n\n")));
    documents.add(new Document("single", List.of("One clean fragment. Nothing to change.\n")));
    documents.add(new Document("only-marker", List.of("---END---\n")));
    documents.add(
        new Document("same-twice", List.of("A paragraph repeated.\n", "A paragraph repeated.\n")));
    return documents;
  }

  private static Map<String, ReassembledDocument> direct(List<Document> documents) {
    Reassembler engine = Reassembler.withDefaults();
    Map<String, ReassembledDocument> expected = new TreeMap<>();
    for (Document d : documents) {
      expected.put(
          d.id(), ReassembledDocument.of(d.id(), d.fragments().size(), engine.reassemble(d.fragments())));
    }
    return expected;
  }

  private static Map<String, ReassembledDocument> byId(List<ReassembledDocument> rows) {
    Map<String, ReassembledDocument> out = new TreeMap<>();
    for (ReassembledDocument r : rows) {
      assertThat(out.put(r.getDocId(), r)).as("one row per document: %s", r.getDocId()).isNull();
    }
    return out;
  }

  @Test
  void rowsFromJsonlGiveExactlyTheDirectResultsAcrossPartitions() {
    List<Document> documents = documents();
    List<Row> rows = new ArrayList<>();
    for (Document d : documents) {
      for (int i = 0; i < d.fragments().size(); i++) {
        // Sequence numbers with gaps: the job orders by them, it does not count them.
        rows.add(RowFactory.create(d.id(), 10L * i + 7, d.fragments().get(i)));
      }
    }
    Collections.shuffle(rows, new Random(7));
    String input = dir.resolve("in").toString();
    spark.createDataFrame(rows, ROWS).repartition(3).write().json(input);

    Arguments arguments =
        Arguments.parse(new String[] {"--input", input, "--output", dir.resolve("out").toString()});
    ReassembleJob.run(spark, arguments);

    try (var files = java.nio.file.Files.list(dir.resolve("out"))) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count())
          .as("one Parquet file per partition")
          .isEqualTo(2);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<ReassembledDocument> output =
        spark
            .read()
            .parquet(dir.resolve("out").toString())
            .as(Encoders.bean(ReassembledDocument.class))
            .collectAsList();
    Map<String, ReassembledDocument> expected = direct(documents);
    assertThat(byId(output)).containsExactlyEntriesOf(expected);
    assertThat(expected.values()).anyMatch(d -> d.getChanges() > 0);
    assertThat(expected.values()).anyMatch(ReassembledDocument::isTruncated);
    assertThat(expected.get("empty").getText()).isEmpty();
    assertThat(expected.get("same-twice").getText()).isEqualTo("A paragraph repeated.\n");
  }

  @Test
  void documentsAreReassembledInMoreThanOnePartition() {
    List<Row> rows = new ArrayList<>();
    for (Document d : documents()) {
      for (int i = 0; i < d.fragments().size(); i++) {
        rows.add(RowFactory.create(d.id(), (long) i, d.fragments().get(i)));
      }
    }
    Dataset<ReassembledDocument> result =
        ReassembleJob.reassemble(
            spark.createDataFrame(rows, ROWS), Layout.ROWS, Columns.DEFAULT, Reassembler.withDefaults());
    List<Row> perPartition =
        result.withColumn("p", spark_partition_id()).groupBy("p").count().collectAsList();
    assertThat(perPartition).hasSize(2);
    assertThat(perPartition).allMatch(r -> r.getLong(1) > 0);
    assertThat(perPartition.stream().mapToLong(r -> r.getLong(1)).sum())
        .isEqualTo(documents().size());
  }

  @Test
  void documentLayoutFromParquetWithEmptyAndNullFragments() {
    List<Document> documents = documents().subList(0, 40);
    List<Row> rows = new ArrayList<>();
    for (Document d : documents) {
      rows.add(RowFactory.create(d.id(), d.fragments().toArray(new String[0])));
    }
    rows.add(RowFactory.create("no-fragments", new String[0]));
    rows.add(RowFactory.create("null-fragment", new String[] {"Text.", null}));
    rows.add(RowFactory.create("null-array", null));
    String input = dir.resolve("docs").toString();
    spark.createDataFrame(rows, DOCUMENTS).write().parquet(input);

    ReassembleJob.run(
        spark,
        Arguments.parse(
            new String[] {
              "--input", input, "--format", "parquet", "--layout", "documents",
              "--output", dir.resolve("out").toString()
            }));

    Map<String, ReassembledDocument> output =
        byId(
            spark
                .read()
                .parquet(dir.resolve("out").toString())
                .as(Encoders.bean(ReassembledDocument.class))
                .collectAsList());
    Map<String, ReassembledDocument> expected = direct(documents);
    expected.put("no-fragments", direct(List.of(new Document("no-fragments", List.of()))).get("no-fragments"));
    expected.put(
        "null-fragment", ReassembledDocument.failed("null-fragment", 2, "fragments[1] is null"));
    expected.put(
        "null-array", ReassembledDocument.failed("null-array", 0, "the fragment array is null"));
    assertThat(output).containsExactlyEntriesOf(expected);
    assertThat(output.get("no-fragments").getText()).isEmpty();
    assertThat(output.get("no-fragments").getReport()).contains("\"changes\":[]");
  }

  @Test
  void malformedRowsBecomeErrorRowsNotGaps() {
    List<Row> rows =
        Arrays.asList(
            RowFactory.create("a", 1L, "Fine text."),
            RowFactory.create("b", null, "No sequence number."),
            RowFactory.create("c", 1L, null),
            RowFactory.create(null, 1L, "No document."));
    List<ReassembledDocument> output =
        ReassembleJob.reassemble(
                spark.createDataFrame(rows, ROWS),
                Layout.ROWS,
                Columns.DEFAULT,
                Reassembler.withDefaults())
            .collectAsList();
    Map<String, String> errors = new TreeMap<>();
    for (ReassembledDocument d : output) {
      errors.put(String.valueOf(d.getDocId()), String.valueOf(d.getError()));
    }
    assertThat(errors)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "a", "null",
                    "b", "fragment 0 has a null sequence number",
                    "c", "the fragment with sequence number 1 has null text",
                    "null", "the document id is null")));
  }

  @Test
  void customColumnsAndMarker() {
    StructType schema =
        new StructType()
            .add("page", DataTypes.IntegerType)
            .add("n", DataTypes.IntegerType)
            .add("body", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create(2, 2, "wn fox.\n"),
            RowFactory.create(2, 1, "The quick bro[cut]"));
    String input = dir.resolve("custom").toString();
    spark.createDataFrame(rows, schema).write().parquet(input);
    ReassembleJob.run(
        spark,
        Arguments.parse(
            new String[] {
              "--input", input, "--format", "parquet", "--marker", "[cut]",
              "--id-column", "page", "--seq-column", "n", "--text-column", "body",
              "--output", dir.resolve("out").toString()
            }));
    List<ReassembledDocument> output =
        spark
            .read()
            .parquet(dir.resolve("out").toString())
            .as(Encoders.bean(ReassembledDocument.class))
            .collectAsList();
    assertThat(output).hasSize(1);
    assertThat(output.get(0).getDocId()).isEqualTo("2");
    assertThat(output.get(0).getText()).isEqualTo("The quick brown fox.\n");
  }

  @Test
  void badArgumentsFailBeforeSparkStarts() {
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--input", "x"}))
        .hasMessageContaining("--output");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--input", "x", "--output", "y", "--format", "csv"}))
        .hasMessageContaining("--format");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--input", "x", "--output", "y", "--layout", "pages"}))
        .hasMessageContaining("--layout");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--input", "x", "--output", "y", "--marker", " "}))
        .hasMessageContaining("endMarker");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--input"}))
        .hasMessageContaining("--input needs a value");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option --bogus");
  }
}
