package nl.begroot.format;

/** What is wrong with an input file, and where (line and column count from 1; 0 when unknown). */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
