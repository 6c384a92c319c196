package nl.begroot.core.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a {@link nl.begroot.core.model.Budget} something is, e.g. {@code proposals[3].amounts.2027}
 * or {@code keys[0].shares.GE}. Fields are named as the file format names them (docs/format.md), which
 * is the model's public spelling; list items by index, free keys (years, members, columns) by key.
 * An adapter maps a path to its own place: the YAML reader to file, line and column, a form to a field.
 */
public final class ModelPath {
  /** The budget as a whole. */
  public static final ModelPath ROOT = new ModelPath(List.of());

  private final List<String> parts;

  private ModelPath(List<String> parts) {
    this.parts = List.copyOf(parts);
  }

  /** A top-level field of the budget, e.g. {@code of("proposals")}. */
  public static ModelPath of(String field) {
    return ROOT.field(field);
  }

  /** A named field of the thing at this path. */
  public ModelPath field(String name) {
    return with("." + name);
  }

  /** An item of the list at this path. */
  public ModelPath index(int i) {
    return with("[" + i + "]");
  }

  /** An entry of the free mapping at this path (a year, a member id, a column id). */
  public ModelPath key(Object key) {
    String k = String.valueOf(key);
    return with(k.matches("[A-Za-z0-9_-]+") ? "." + k : "[\"" + k.replace("\"", "\\\"") + "\"]");
  }

  private ModelPath with(String part) {
    List<String> next = new ArrayList<>(parts.size() + 1);
    next.addAll(parts);
    next.add(part);
    return new ModelPath(next);
  }

  /** The path one step up; the root's parent is the root. */
  public ModelPath parent() {
    return parts.isEmpty() ? this : new ModelPath(parts.subList(0, parts.size() - 1));
  }

  public boolean isRoot() {
    return parts.isEmpty();
  }

  /** Whether this path is {@code other} or lies inside it. */
  public boolean startsWith(ModelPath other) {
    return other.parts.size() <= parts.size() && parts.subList(0, other.parts.size()).equals(other.parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelPath p && parts.equals(p.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  /** E.g. {@code proposals[3].amounts.2027}; the root is {@code (budget)}. */
  @Override
  public String toString() {
    if (parts.isEmpty()) {
      return "(budget)";
    }
    String s = String.join("", parts);
    return s.startsWith(".") ? s.substring(1) : s;
  }
}
