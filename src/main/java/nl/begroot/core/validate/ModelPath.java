package nl.begroot.core.validate;

/**
 * Where in a {@link nl.begroot.core.model.Budget} something is, e.g. {@code proposals[3].amounts.2027}
 * or {@code keys[0].shares.GE}. Fields are named as the file format names them (docs/format.md), which
 * is the model's public spelling; list items by index, free keys (years, members, columns) by key.
 * An adapter maps a path to its own place: the YAML reader to file, line and column, a form to a field.
 */
public final class ModelPath {
  /** The budget as a whole. */
  public static final ModelPath ROOT = new ModelPath(null, null, -1);

  // A path is its parent and one more step: a name (a field or a key) or an index. Paths of one
  // budget share their prefixes, and making one concatenates no text: the validator makes several
  // for every line of a budget the engine is given, and a reader keeps one per node.
  private final ModelPath parent;
  private final String name;
  private final int index;
  private final int depth;
  private final int hash;

  private ModelPath(ModelPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.hash = parent == null ? 0 : 31 * parent.hash + (name == null ? index : name.hashCode());
  }

  /** A top-level field of the budget, e.g. {@code of("proposals")}. */
  public static ModelPath of(String field) {
    return ROOT.field(field);
  }

  /** A named field of the thing at this path. */
  public ModelPath field(String name) {
    return new ModelPath(this, name, -1);
  }

  /** An item of the list at this path. */
  public ModelPath index(int i) {
    return new ModelPath(this, null, i);
  }

  /** An entry of the free mapping at this path (a year, a member id, a column id). */
  public ModelPath key(Object key) {
    return new ModelPath(this, String.valueOf(key), -1);
  }

  /** The path one step up; the root's parent is the root. */
  public ModelPath parent() {
    return parent == null ? this : parent;
  }

  public boolean isRoot() {
    return parent == null;
  }

  /** The last step's name (a field, or the key of a free mapping), or null for a list item and the root. */
  public String name() {
    return name;
  }

  /** The last step's list index, or -1 for a named step and the root. */
  public int position() {
    return parent == null ? -1 : index;
  }

  /** Whether this path is {@code other} or lies inside it. */
  public boolean startsWith(ModelPath other) {
    ModelPath p = this;
    while (p.depth > other.depth) {
      p = p.parent;
    }
    return p.equals(other);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ModelPath p) || p.hash != hash || p.depth != depth || p.index != index) {
      return false;
    }
    return java.util.Objects.equals(name, p.name) && (parent == null || parent.equals(p.parent));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * E.g. {@code proposals[3].amounts.2027}; a key that is not a plain word is quoted, e.g. {@code
   * rows["new.lasten"]}; the root is {@code (budget)}.
   */
  @Override
  public String toString() {
    if (parent == null) {
      return "(budget)";
    }
    StringBuilder s = new StringBuilder();
    for (ModelPath p = this; p.parent != null; p = p.parent) {
      s.insert(0, p.step());
    }
    return s.charAt(0) == '.' ? s.substring(1) : s.toString();
  }

  private String step() {
    if (name == null) {
      return "[" + index + "]";
    }
    return name.matches("[A-Za-z0-9_-]+") ? "." + name : "[\"" + name.replace("\"", "\\\"") + "\"]";
  }
}
