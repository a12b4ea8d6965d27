package dev.seam.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.seam.Reassembler;
import dev.seam.Reassembly;
import dev.seam.ReassemblyOptions;
import dev.seam.VariantPolicy;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The command line. See {@link #USAGE}. Exit codes: 0 done, 1 an input or output failed, 2 usage
 * error. Messy text never fails a run; a malformed JSONL line yields an error line.
 */
public final class Main {
  static final String USAGE =
      """
      Usage: java -jar seam-cli.jar [OPTIONS] [FILE...]
             java -jar seam-cli.jar [OPTIONS] --jsonl IN

      Reassembles one document from its fragments and prints it.

        FILE...            the fragments, in order; each file may hold several parts
                           separated by end markers. None, or '-', reads standard input.
        --report           also print a readable summary of the changes on stderr
        --json             print {"text": ..., "report": {...}} instead of the text
        --jsonl IN         batch mode: IN ('-' for stdin) holds one JSON object per line,
                           {"id": ..., "fragments": ["...", ...]} (other fields ignored);
                           prints one line per input line, in input order:
                           {"id": ..., "text": ..., "report": {...}}, or
                           {"id": ..., "error": "..."} for a malformed line.
                           Streams in constant memory on every core; progress on stderr.
        --threads N        worker threads for --jsonl (default: available processors)
        --marker S         end marker (default ---END---)
        --variant-policy P latest (default), first or longest: which of two near-identical
                           versions to keep
        --near X           similarity (0..1] above which a sentence is a version of kept text
                           (default 0.8)
        --drop-recurrences remove every repeat, even those nothing explains (like exact
                           dedup); by default such repeats are kept and reported
        -h, --help         this text

      Exit status: 0 done; 1 an input could not be read or the output written; 2 usage error.
      """;

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.in, System.out, System.err);
    System.exit(code);
  }

  /** Runs the command line against the given streams; returns the exit code. */
  static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
    Args a;
    try {
      a = Args.parse(args);
    } catch (UsageException e) {
      err.println("seam: " + e.getMessage());
      err.println("Try --help.");
      return 2;
    }
    if (a.help) {
      err.print(USAGE);
      return 0;
    }
    Reassembler engine;
    try {
      engine = Reassembler.create(a.options());
    } catch (IllegalArgumentException e) {
      err.println("seam: " + e.getMessage());
      return 2;
    }
    try {
      if (a.jsonl != null) {
        InputStream source = a.jsonl.equals("-") ? in : Files.newInputStream(Path.of(a.jsonl));
        try (source) {
          batch(engine, source, out, err, a.threads);
        }
        return 0;
      }
      List<String> fragments = new ArrayList<>();
      if (a.files.isEmpty()) {
        fragments.add(decode(in.readAllBytes()));
      } else {
        for (String f : a.files) {
          fragments.add(f.equals("-") ? decode(in.readAllBytes()) : decode(Files.readAllBytes(Path.of(f))));
        }
      }
      Reassembly r = engine.reassemble(fragments);
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(a.json ? r.toJson() + "\n" : r.text());
      w.flush();
      if (a.report) {
        err.print(r.report().summary());
      }
      return 0;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("seam: no such file: " + e.getFile());
      return 1;
    } catch (IOException e) {
      err.println("seam: cannot read or write: " + e);
      return 1;
    }
  }

  /** Decodes UTF-8, replacing malformed bytes: messy input never fails a run. */
  static String decode(byte[] bytes) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return d.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError("REPLACE never throws", e);
    }
  }

  /**
   * Reads JSONL, reassembles on {@code threads} workers, writes results in input order. At most
   * {@code 4 * threads} documents are in flight, so memory does not grow with the input.
   */
  static void batch(Reassembler engine, InputStream source, OutputStream out, PrintStream err, int threads)
      throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8), 1 << 16);
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "seam-worker");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<String>> inFlight = new ArrayDeque<>();
    int window = 4 * threads;
    Progress progress = new Progress(err);
    try {
      String line;
      long lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        final String text = line;
        final long n = lineNo;
        inFlight.addLast(pool.submit(() -> processLine(engine, text, n)));
        progress.read(text.length());
        while (inFlight.size() >= window) {
          writeOne(inFlight.removeFirst(), writer, progress);
        }
      }
      while (!inFlight.isEmpty()) {
        writeOne(inFlight.removeFirst(), writer, progress);
      }
      writer.flush();
      progress.done();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void writeOne(Future<String> f, Writer writer, Progress progress) throws IOException {
    String result;
    try {
      result = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      // processLine catches everything a document can cause; this is a bug, not bad input.
      throw new IllegalStateException(e.getCause());
    }
    writer.write(result);
    writer.write('\n');
    progress.wrote();
  }

  /** One output line for one input line; never throws. */
  static String processLine(Reassembler engine, String line, long lineNo) {
    JsonElement id = JsonNull.INSTANCE;
    try {
      JsonElement parsed = JsonParser.parseString(line);
      if (!parsed.isJsonObject()) {
        return error(id, "line " + lineNo + ": not a JSON object");
      }
      JsonObject o = parsed.getAsJsonObject();
      if (o.has("id")) {
        id = o.get("id");
      }
      JsonElement fe = o.get("fragments");
      if (fe == null || !fe.isJsonArray()) {
        return error(id, "line " + lineNo + ": \"fragments\" must be an array of strings");
      }
      JsonArray arr = fe.getAsJsonArray();
      List<String> fragments = new ArrayList<>(arr.size());
      for (int i = 0; i < arr.size(); i++) {
        JsonElement e = arr.get(i);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
          return error(id, "line " + lineNo + ": fragments[" + i + "] is not a string");
        }
        fragments.add(e.getAsString());
      }
      Reassembly r = engine.reassemble(fragments);
      String json = r.toJson();
      // {"text":...,"report":...} with the id put first.
      return "{\"id\":" + id + "," + json.substring(1);
    } catch (JsonParseException | IllegalStateException e) {
      return error(id, "line " + lineNo + ": malformed JSON: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      // Text never makes the engine throw; if it does, the batch still goes on and says so.
      return error(id, "line " + lineNo + ": internal error: " + e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String error(JsonElement id, String message) {
    JsonObject o = new JsonObject();
    o.add("id", id);
    o.addProperty("error", message);
    return o.toString();
  }

  /** A progress line on stderr every few seconds, and a summary at the end of a long run. */
  private static final class Progress {
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long last = start;
    private long docs;
    private long chars;
    private boolean printed;

    Progress(PrintStream err) {
      this.err = err;
    }

    void read(int length) {
      chars += length;
    }

    void wrote() {
      docs++;
      long now = System.nanoTime();
      if (now - last > 2_000_000_000L) {
        last = now;
        print(now);
        printed = true;
      }
    }

    void done() {
      if (printed) {
        print(System.nanoTime());
      }
    }

    private void print(long now) {
      double s = (now - start) / 1e9;
      err.printf(
          Locale.ROOT,
          "seam: %d documents, %.1f M chars, %.0f documents/s%n",
          docs,
          chars / 1e6,
          docs / Math.max(s, 1e-9));
    }
  }

  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parsed arguments. */
  static final class Args {
    boolean help;
    boolean report;
    boolean json;
    String jsonl;
    int threads = Runtime.getRuntime().availableProcessors();
    final List<String> files = new ArrayList<>();
    private final ReassemblyOptions.Builder options = ReassemblyOptions.builder();

    ReassemblyOptions options() {
      return options.build();
    }

    static Args parse(String[] args) throws UsageException {
      Args a = new Args();
      boolean onlyFiles = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (onlyFiles || arg.equals("-") || !arg.startsWith("-")) {
          a.files.add(arg);
          continue;
        }
        switch (arg) {
          case "--" -> onlyFiles = true;
          case "-h", "--help" -> a.help = true;
          case "--report" -> a.report = true;
          case "--json" -> a.json = true;
          case "--jsonl" -> a.jsonl = value(args, ++i, arg);
          case "--threads" -> {
            a.threads = intValue(args, ++i, arg);
            if (a.threads < 1) {
              throw new UsageException("--threads must be at least 1");
            }
          }
          case "--marker" -> a.options.endMarker(value(args, ++i, arg));
          case "--near" -> a.options.nearSimilarity(doubleValue(args, ++i, arg));
          case "--variant-policy" -> {
            String v = value(args, ++i, arg);
            a.options.variantPolicy(
                switch (v) {
                  case "latest" -> VariantPolicy.KEEP_LATEST;
                  case "first" -> VariantPolicy.KEEP_FIRST;
                  case "longest" -> VariantPolicy.KEEP_LONGEST;
                  default -> throw new UsageException(
                      "--variant-policy must be latest, first or longest: " + v);
                });
          }
          case "--drop-recurrences" -> a.options.keepRecurrences(false);
          default -> throw new UsageException("unknown option " + arg);
        }
      }
      if (a.jsonl != null && !a.files.isEmpty()) {
        throw new UsageException("--jsonl takes no FILE arguments");
      }
      if (a.jsonl != null && a.json) {
        throw new UsageException("--jsonl already writes JSON; drop --json");
      }
      return a;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
      if (i >= args.length) {
        throw new UsageException(option + " needs a value");
      }
      return args[i];
    }

    private static int intValue(String[] args, int i, String option) throws UsageException {
      return number(args, i, option, "a whole number", Integer::parseInt);
    }

    private static double doubleValue(String[] args, int i, String option) throws UsageException {
      return number(args, i, option, "a number", Double::parseDouble);
    }

    private static <T> T number(
        String[] args, int i, String option, String what, java.util.function.Function<String, T> parse)
        throws UsageException {
      String v = value(args, i, option);
      try {
        return parse.apply(v);
      } catch (NumberFormatException e) {
        throw new UsageException(option + " needs " + what + ": " + v);
      }
    }
  }
}
