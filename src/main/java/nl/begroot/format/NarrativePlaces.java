package nl.begroot.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.figures.Narratives.Place;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Maps the core's findings on the narrative texts ({@link Narratives#check}: a place in the model
 * and an offset in the text) to the file's line and column. The text's YAML node is found again in
 * the node tree by the ids around it; the offset is mapped into the scalar as written: a plain,
 * folded or literal scalar holds every character of its value except the white space that folding
 * turns into a space, so the n-th non-blank character of the value is the n-th non-blank
 * character of the source. Where that does not hold (escapes in a quoted scalar) the finding is
 * placed at the start of the text.
 */
final class NarrativePlaces {
  private final String file;
  private final String source;
  private final Map<Place, ScalarNode> nodes = new HashMap<>();
  private int[] lineStarts;

  private NarrativePlaces(String file, String source, Map<String, Node> top) {
    this.file = file;
    this.source = source;
    for (Node programme : items(top.get("programmes"))) {
      Map<String, Node> pm = entries(programme);
      String pid = scalar(pm.get("id"));
      put(new Place(Place.Kind.PROGRAMME_INTRO, pid), pm.get("intro"));
      for (Node unit : items(pm.get("units"))) {
        Map<String, Node> um = entries(unit);
        put(new Place(Place.Kind.UNIT_NARRATIVE, scalar(um.get("id"))), um.get("narrative"));
        put(new Place(Place.Kind.UNIT_DEVELOPMENTS, scalar(um.get("id"))), um.get("developments"));
        put(new Place(Place.Kind.UNIT_PRIORITIES, scalar(um.get("id"))), um.get("priorities"));
      }
    }
    for (Node proposal : items(top.get("proposals"))) {
      Map<String, Node> pm = entries(proposal);
      put(new Place(Place.Kind.PROPOSAL_EXPLANATION, scalar(pm.get("id"))), pm.get("explanation"));
    }
  }

  /**
   * Checks the narratives of a budget the reader has read without problems: problems go to {@code
   * problems}, warnings to {@code warnings}, each with file, line and column.
   */
  static void check(String file, String source, Map<String, Node> top, Document document, List<Problem> problems, List<Problem> warnings) {
    List<Narratives.Finding> findings = Narratives.of(document).check();
    if (findings.isEmpty()) {
      return;
    }
    NarrativePlaces places = new NarrativePlaces(file, source, top);
    for (Narratives.Finding f : findings) {
      Problem p = places.at(f.place(), f.offset(), f.message());
      (f.warning() ? warnings : problems).add(p);
    }
  }

  private void put(Place place, Node node) {
    if (place.id() != null && node instanceof ScalarNode s) {
      nodes.putIfAbsent(place, s);
    }
  }

  private Problem at(Place place, int offset, String message) {
    ScalarNode node = nodes.get(place);
    String text = place.describe() + ": " + message;
    if (node == null) {
      return new Problem(file, 0, 0, text);
    }
    int[] start = {Yaml.line(node), Yaml.column(node)};
    int index = sourceIndex(node, offset);
    if (index < 0) {
      return new Problem(file, start[0], start[1], text);
    }
    int line = lineOf(index);
    return new Problem(file, line, source.codePointCount(lineStarts()[line - 1], index) + 1, text);
  }

  /** The index in the source of the value's character at {@code offset}, or -1 when it cannot be told. */
  private int sourceIndex(ScalarNode node, int offset) {
    String value = node.getValue();
    var startMark = node.getStartMark();
    var endMark = node.getEndMark();
    if (offset < 0 || offset >= value.length() || Character.isWhitespace(value.charAt(offset))
        || startMark.isEmpty() || endMark.isEmpty() || startMark.get().getLine() >= lineStarts().length) {
      return -1;
    }
    int from = lineStarts()[startMark.get().getLine()] + startMark.get().getColumn();
    int to = Math.min(source.length(), endMark.get().getLine() < lineStarts().length
        ? lineStarts()[endMark.get().getLine()] + endMark.get().getColumn() : source.length());
    ScalarStyle style = node.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      int eol = source.indexOf('\n', from);
      from = eol < 0 ? to : eol + 1; // past the header line (">-", "|")
    } else if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
      from++;
    }
    int s = from;
    for (int v = 0; v <= offset; v++) {
      char c = value.charAt(v);
      if (Character.isWhitespace(c)) {
        continue;
      }
      while (s < to && Character.isWhitespace(source.charAt(s))) {
        s++;
      }
      if (s >= to || source.charAt(s) != c) {
        return -1; // the scalar is not written as its value (an escape): place the finding at its start
      }
      if (v == offset) {
        return s;
      }
      s++;
    }
    return -1;
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < source.length(); i++) {
        if (source.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }
    return lineStarts;
  }

  /** The line (from 1) of a source index. */
  private int lineOf(int index) {
    int[] starts = lineStarts();
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  private static List<Node> items(Node node) {
    return node instanceof SequenceNode seq ? seq.getValue() : List.of();
  }

  private static Map<String, Node> entries(Node node) {
    Map<String, Node> result = new HashMap<>();
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          result.putIfAbsent(k.getValue(), t.getValueNode());
        }
      }
    }
    return result;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }
}
