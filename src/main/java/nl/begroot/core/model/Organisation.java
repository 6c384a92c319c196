package nl.begroot.core.model;

/**
 * The organisation whose budget this is (for IPO: the Vereniging IPO). {@code memberTerm} and {@code membersTerm}
 * are the Dutch words for one member and for the members ("gemeente", "gemeenten"); null where the file gives
 * none: the members are provinces ("provincie", "provincies"), as in the IPO's file.
 */
public record Organisation(String id, String name, String shortName, String memberTerm, String membersTerm) {
  public Organisation(String id, String name, String shortName) {
    this(id, name, shortName, null, null);
  }

  /** Whether the members are called something else than provinces. */
  public boolean namesMembers() {
    return memberTerm != null;
  }
}
