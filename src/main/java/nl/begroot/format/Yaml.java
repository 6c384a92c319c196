package nl.begroot.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reading a YAML node tree while collecting problems with their place, instead of throwing. */
final class Yaml {
  private final String file;
  private final List<Problem> problems;

  Yaml(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  void error(Node at, String message) {
    problems.add(new Problem(file, line(at), column(at), message));
  }

  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static int column(Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
  }

  /**
   * The entries of a mapping by key, in file order. Reports a node that is not a mapping, duplicate
   * keys, keys not in {@code allowed} and missing {@code required} keys.
   */
  Map<String, Node> mapping(Node node, String what, Set<String> allowed, Set<String> required) {
    Map<String, Node> result = new LinkedHashMap<>();
    if (!(node instanceof MappingNode map)) {
      error(node, what + " must be a mapping of keys to values");
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
    }
    if (required != null) {
      for (String key : required) {
        if (!result.containsKey(key)) {
          error(node, what + " lacks the required key '" + key + "'");
        }
      }
    }
    return result;
  }

  /** Keys of a mapping with free keys (e.g. member ids), each with its key node for messages. */
  List<Entry> entries(Node node, String what) {
    List<Entry> result = new ArrayList<>();
    if (!(node instanceof MappingNode map)) {
      error(node, what + " must be a mapping");
      return result;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
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

  List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue();
    }
    error(node, what + " must be a list");
    return List.of();
  }

  /** A scalar's text; null (and a problem) when the node is not a scalar or is empty. */
  String text(Node node, String what) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue();
    }
    error(node, what + " must be a non-empty text");
    return null;
  }

  /** An id: a non-empty text without slashes or spaces (ids make up figure ids like table/row/column). */
  String id(Node node, String what) {
    String t = text(node, what);
    if (t != null && !t.matches("[^/\\s]+")) {
      error(node, what + " '" + t + "' must not contain a slash or spaces");
      return null;
    }
    return t;
  }

  String optionalText(Map<String, Node> map, String key, String what) {
    Node n = map.get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof ScalarNode scalar) {
      return scalar.getValue().isBlank() ? null : scalar.getValue();
    }
    error(n, what + "." + key + " must be a text");
    return null;
  }

  boolean bool(Map<String, Node> map, String key, String what) {
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
    error(n, what + "." + key + " must be true or false");
    return false;
  }

  Integer integer(Node node, String what) {
    if (node instanceof ScalarNode scalar && scalar.getValue().matches("-?\\d{1,9}")) {
      return Integer.parseInt(scalar.getValue());
    }
    error(node, what + " must be a whole number");
    return null;
  }

  List<String> texts(Node node, String what) {
    List<String> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    if (node instanceof ScalarNode) {
      String t = text(node, what);
      if (t != null) {
        result.add(t);
      }
      return result;
    }
    for (Node item : sequence(node, what)) {
      String t = text(item, what + " item");
      if (t != null) {
        result.add(t);
      }
    }
    return result;
  }
}
