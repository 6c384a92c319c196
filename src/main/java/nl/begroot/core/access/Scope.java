package nl.begroot.core.access;

import nl.begroot.core.cycle.VersionStatus;

/**
 * What a request is about, as far as {@link Access} needs to know: the version (its status, whether
 * it is a scenario, whose, and whether it is shared), and where it applies, the proposal's unit and
 * author, or the member whose statement is asked. Parts that do not apply are null.
 *
 * @param version the version's slug, null for a request about no version (users, the log)
 * @param status the version's status
 * @param scenario whether the version is a scenario (a private sandbox), not an official version
 * @param owner a scenario's author (account id)
 * @param shared whether a scenario's author shared it
 * @param unit the unit (or programme) code of the proposal concerned ("2.7")
 * @param author the proposal's author (account id), for "nobody approves their own proposal"
 * @param member the member (province code) whose statement or table is asked
 * @param organisation the organisation the version belongs to (its slug): the person's roles there decide;
 *     null for a request about no organisation in particular (users, the log), where every role counts
 */
public record Scope(String version, VersionStatus status, boolean scenario, String owner, boolean shared, String unit,
    String author, String member, String organisation) {
  /** A request about no version in particular (users, the log, one's own account). */
  public static final Scope NONE = new Scope(null, null, false, null, false, null, null, null, null);

  public Scope(String version, VersionStatus status, boolean scenario, String owner, boolean shared, String unit, String author,
      String member) {
    this(version, status, scenario, owner, shared, unit, author, member, null);
  }

  public static Scope version(String slug, VersionStatus status, boolean scenario, String owner, boolean shared) {
    return new Scope(slug, status, scenario, owner, shared, null, null, null);
  }

  public Scope unit(String unitCode, String proposalAuthor) {
    return new Scope(version, status, scenario, owner, shared, unitCode, proposalAuthor, member, organisation);
  }

  public Scope member(String memberCode) {
    return new Scope(version, status, scenario, owner, shared, unit, author, memberCode, organisation);
  }

  /** The same request, about the organisation {@code slug}. */
  public Scope organisation(String slug) {
    return new Scope(version, status, scenario, owner, shared, unit, author, member, slug);
  }
}
