package nl.begroot.format;

/** The small valid budget of {@link BadInputTest}, for tests in other packages. */
public final class BadInputTestAccess {
  private BadInputTestAccess() {}

  public static String valid() {
    return BadInputTest.VALID;
  }
}
