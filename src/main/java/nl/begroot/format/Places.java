package nl.begroot.format;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.validate.ModelPath;
import nl.begroot.core.validate.Violation;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Where each part of the model was read from: model path to YAML node (and so to line and column),
 * and which paths the reader already reported (a missing title, an amount that is not a number), so
 * that the core's validator does not report the same thing again in other words.
 */
final class Places {
  private final String file;
  private final Map<ModelPath, Node> nodes = new HashMap<>();
  private final Set<ModelPath> reported = new HashSet<>();

  Places(String file) {
    this.file = file;
  }

  /** Remembers the node a path was read from (the first node given for a path wins). */
  void at(ModelPath path, Node node) {
    if (node != null) {
      nodes.putIfAbsent(path, node);
    }
  }

  /** The reader reported a problem with this path: problems at it or inside it are not repeated. */
  void reported(ModelPath path) {
    reported.add(path);
  }

  boolean isReported(ModelPath path) {
    for (ModelPath p = path; ; p = p.parent()) {
      if (reported.contains(p)) {
        return true;
      }
      if (p.isRoot()) {
        return false;
      }
    }
  }

  /** The node of a path, or of the nearest enclosing path read from the file; null for the whole file. */
  Node node(ModelPath path) {
    for (ModelPath p = path; ; p = p.parent()) {
      Node n = nodes.get(p);
      if (n != null || p.isRoot()) {
        return n;
      }
    }
  }

  /** The problem in the file for a violation of the core's rules; null when the reader already reported it. */
  Problem problem(Violation v) {
    if (isReported(v.path())) {
      return null;
    }
    Node at = node(v.path());
    String message = v.message();
    if (v.firstAt() != null) {
      message += " (first at line " + Yaml.line(node(v.firstAt())) + ")";
    }
    return new Problem(file, at == null ? 1 : Yaml.line(at), at == null ? 1 : Yaml.column(at), message);
  }
}
