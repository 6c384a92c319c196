package nl.begroot.workspace;

/**
 * A write the workspace refuses because of where the version stands in the cycle (adopted: final;
 * submitted: take it back first), before the database would (migration V6_1). The web answers 409 with
 * the message.
 */
public final class VersionFinal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String nl;
  private final String en;

  VersionFinal(String nl, String en) {
    super(en, null, false, false);
    this.nl = nl;
    this.en = en;
  }

  public String message(String lang) {
    return "en".equals(lang) ? en : nl;
  }

  public String nl() {
    return nl;
  }

  public String en() {
    return en;
  }
}
