package nl.begroot.format;

/**
 * What is wrong with an input file, and where (line and column count from 1; 0 when unknown or when
 * the problem is the file as a whole, such as a directory, which prints as {@code file: message}).
 */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {
  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
