package dev.seam.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded fragment lists shaped like the seeds: documents in several scripts, cut mid-sentence and
 * marked, continued directly, after a lead-in that repeats the words before the cut, or by
 * restarting from an earlier paragraph. The same seed always gives the same documents.
 */
final class SampleDocuments {
  private static final String MARKER = "---END---";

  private static final String[][] WORDS = {
    {"the", "pipeline", "reads", "every", "page", "before", "it", "writes", "a", "summary",
     "of", "changes", "and", "keeps", "counts", "per", "document", "server", "queue", "index"},
    {"データ", "処理", "は", "を", "日本", "市場", "モデル", "文章", "生成", "結果",
     "確認", "して", "から", "新しい", "記事", "では", "部分", "全体", "最初", "最後"},
    {"die", "Seite", "wird", "gelesen", "und", "geprüft", "bevor", "der", "Bericht", "entsteht",
     "jede", "Größe", "über", "Straße", "für", "Änderung", "mit", "ohne", "nach", "vor"},
    {"数据", "处理", "模型", "生成", "文章", "结果", "市场", "检查", "完成", "新的",
     "部分", "全部", "开始", "最后", "我们", "他们", "已经", "可以", "需要", "系统"},
  };

  private SampleDocuments() {}

  /** One document's fragments, in order. */
  record Document(String id, List<String> fragments) {}

  static List<Document> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Document> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(new Document(String.format("doc-%05d", i), fragments(random)));
    }
    return documents;
  }

  private static List<String> fragments(Random random) {
    int script = random.nextInt(WORDS.length);
    List<String> paragraphs = new ArrayList<>();
    int paragraphCount = 1 + random.nextInt(8);
    for (int p = 0; p < paragraphCount; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = 1 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        if (s > 0 && script % 2 == 0) {
          paragraph.append(' ');
        }
        paragraph.append(sentence(random, script));
      }
      paragraphs.add(paragraph.toString());
    }
    String whole = String.join("\n\n", paragraphs) + "\n";
    List<String> fragments = new ArrayList<>();
    int start = 0;
    String leadIn = "";
    int cuts = random.nextInt(4);
    for (int c = 0; c < cuts && start < whole.length() - 2; c++) {
      int cut = start + 1 + random.nextInt(whole.length() - start - 1);
      if (Character.isLowSurrogate(whole.charAt(cut))) {
        cut--;
      }
      if (cut <= start) {
        break;
      }
      fragments.add(leadIn + whole.substring(start, cut) + "\n\n" + MARKER + "\n");
      leadIn = "";
      switch (random.nextInt(3)) {
        case 0 -> start = cut;
        case 1 -> {
          // The next part opens with an ellipsis and repeats the last characters before the cut.
          int back = Math.min(cut - start, 3 + random.nextInt(10));
          leadIn = (random.nextBoolean() ? "…" : "...") + whole.substring(cut - back, cut);
          start = cut;
        }
        default -> {
          int restart = whole.lastIndexOf("\n\n", Math.max(0, cut - 1));
          start = restart < 0 ? 0 : restart + 2;
        }
      }
    }
    fragments.add(leadIn + whole.substring(start));
    return fragments;
  }

  private static String sentence(Random random, int script) {
    String[] words = WORDS[script];
    StringBuilder s = new StringBuilder();
    int n = 4 + random.nextInt(10);
    for (int w = 0; w < n; w++) {
      if (w > 0 && script % 2 == 0) {
        s.append(' ');
      }
      s.append(words[random.nextInt(words.length)]);
      if (random.nextInt(12) == 0) {
        s.append(script % 2 == 0 ? " " : "").append(random.nextInt(2030));
      }
    }
    if (script % 2 == 0) {
      s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
      return s.append('.').toString();
    }
    return s.append('。').toString();
  }
}
