package nl.begroot.core.validate;

/**
 * One thing wrong with a budget: where ({@code path}), what (a sentence in plain English naming the
 * thing by its id) and, for a duplicate, where the first one is ({@code firstAt}, else null).
 */
public record Violation(ModelPath path, String message, ModelPath firstAt) {
  public Violation(ModelPath path, String message) {
    this(path, message, null);
  }

  @Override
  public String toString() {
    return path + ": " + message + (firstAt == null ? "" : " (first at " + firstAt + ")");
  }
}
