package nl.begroot.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reading a YAML node tree while collecting problems with their place, instead of throwing. Each
 * read names the model path it reads into: the node is remembered for that path ({@link Places}),
 * and a problem the reader reports marks the path, so the core's validator does not repeat it.
 * Only problems of syntax and type are found here; the rules of the budget are the core's.
 */
final class Yaml {
  private final String file;
  private final List<Problem> problems;
  private final Places places;

  Yaml(String file, List<Problem> problems, Places places) {
    this.file = file;
    this.problems = problems;
    this.places = places;
  }

  Places places() {
    return places;
  }

  /** A problem at a node that is no part of the model (an unknown key, a second document). */
  void error(Node at, String message) {
    problems.add(new Problem(file, line(at), column(at), message));
  }

  /** A problem with what is read into {@code path}. */
  void error(Node at, ModelPath path, String message) {
    places.reported(path);
    error(at, message);
  }

  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static int column(Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
  }

  static Set<String> keys(String... keys) {
    return new java.util.LinkedHashSet<>(List.of(keys));
  }

  /**
   * The entries of a mapping by key, in file order. Reports a node that is not a mapping, duplicate
   * keys, keys not in {@code allowed} and missing {@code required} keys.
   */
  Map<String, Node> mapping(Node node, ModelPath path, String what, Set<String> allowed, Set<String> required) {
    places.at(path, node);
    Map<String, Node> result = new LinkedHashMap<>();
    if (!(node instanceof MappingNode map)) {
      error(node, path, what + " must be a mapping of keys to values");
      return result;
    }
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar)) {
        error(keyNode, "a key in " + what + " must be a plain word");
        continue;
      }
      String key = scalar.getValue();
      if (result.containsKey(key)) {
        error(keyNode, "duplicate key '" + key + "' in " + what);
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        error(keyNode, "unknown key '" + key + "' in " + what + "; expected one of " + String.join(", ", allowed));
        continue;
      }
      result.put(key, tuple.getValueNode());
      places.at(path.field(key), tuple.getValueNode());
    }
    if (required != null) {
      for (String key : required) {
        if (!result.containsKey(key)) {
          error(node, path.field(key), what + " lacks the required key '" + key + "'");
        }
      }
    }
    return result;
  }

  /** Keys of a mapping with free keys (e.g. member ids), each with its key node for messages. */
  List<Entry> entries(Node node, ModelPath path, String what) {
    places.at(path, node);
    List<Entry> result = new ArrayList<>();
    if (!(node instanceof MappingNode map)) {
      error(node, path, what + " must be a mapping");
      return result;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
        error(tuple.getKeyNode(), "a key in " + what + " must be a plain value");
        continue;
      }
      if (!seen.add(scalar.getValue())) {
        error(scalar, "duplicate key '" + scalar.getValue() + "' in " + what);
        continue;
      }
      result.add(new Entry(scalar.getValue(), scalar, tuple.getValueNode()));
    }
    return result;
  }

  /** A key of a free mapping with its nodes. */
  record Entry(String key, Node keyNode, Node value) {}

  /** The items of a list; each item's node is remembered for {@code path[i]}. */
  List<Node> sequence(Node node, ModelPath path, String what) {
    places.at(path, node);
    if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        places.at(path.index(i), items.get(i));
      }
      return items;
    }
    error(node, path, what + " must be a list");
    return List.of();
  }

  /** A scalar's text; null (and a problem) when the node is not a scalar or is empty. */
  String text(Node node, ModelPath path, String what) {
    places.at(path, node);
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue();
    }
    error(node, path, what + " must be a non-empty text");
    return null;
  }

  /** The text of {@code key} in a mapping when present; null when absent (no problem then). */
  String text(Map<String, Node> map, String key, ModelPath parent, String what) {
    return map.containsKey(key) ? text(map.get(key), parent.field(key), what) : null;
  }

  String optionalText(Map<String, Node> map, String key, ModelPath parent, String what) {
    Node n = map.get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof ScalarNode scalar) {
      return scalar.getValue().isBlank() ? null : scalar.getValue();
    }
    error(n, parent.field(key), what + "." + key + " must be a text");
    return null;
  }

  boolean bool(Map<String, Node> map, String key, ModelPath parent, String what) {
    Node n = map.get(key);
    if (n == null) {
      return false;
    }
    if (n instanceof ScalarNode scalar) {
      String v = scalar.getValue();
      if (v.equals("true")) {
        return true;
      }
      if (v.equals("false")) {
        return false;
      }
    }
    error(n, parent.field(key), what + "." + key + " must be true or false");
    return false;
  }

  Integer integer(Node node, ModelPath path, String what) {
    places.at(path, node);
    if (node instanceof ScalarNode scalar && scalar.getValue().matches("-?\\d{1,9}")) {
      return Integer.parseInt(scalar.getValue());
    }
    error(node, path, what + " must be a whole number");
    return null;
  }

  /** One text or a list of texts; absent is an empty list. */
  List<String> texts(Node node, ModelPath path, String what) {
    List<String> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    if (node instanceof ScalarNode) {
      String t = text(node, path, what);
      if (t != null) {
        result.add(t);
      }
      return result;
    }
    List<Node> items = sequence(node, path, what);
    for (int i = 0; i < items.size(); i++) {
      String t = text(items.get(i), path.index(i), what + " item");
      if (t != null) {
        result.add(t);
      }
    }
    return result;
  }
}
