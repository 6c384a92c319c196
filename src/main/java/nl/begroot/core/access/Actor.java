package nl.begroot.core.access;

import java.util.Set;

/**
 * Who asks: a signed-in person with their roles and assignments, the system itself (seeding, a
 * command on the server's own console), or an anonymous visitor. Immutable; the web resolves one per
 * request from the session, the command line makes {@link #system}.
 *
 * @param id the account's stable name (what the change log records), "anoniem" for a visitor
 * @param name the name people read
 * @param roles what the person may do (empty for a visitor)
 * @param units for a budgethouder: the programme or unit codes assigned to them ("2", "2.7")
 * @param member for a lid: the member (province code, "GE") whose staff they are; null otherwise
 * @param secondFactor whether this session passed the second factor (TOTP)
 * @param system the system itself (not a person): seeding, restore, the console
 * @param organisation the organisation where {@code roles}, {@code units} and {@code member} hold (its slug);
 *     null: in every organisation (the system, and a person of an installation that names no organisation)
 * @param elsewhere the person's roles in further organisations (slug to roles; no units or member there)
 */
public record Actor(String id, String name, Set<Role> roles, Set<String> units, String member, boolean secondFactor, boolean system,
    String organisation, java.util.Map<String, Set<Role>> elsewhere) {
  public static final Actor ANONYMOUS = new Actor("anoniem", "anoniem", Set.of(), Set.of(), null, false, false);

  public Actor {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an actor needs an id");
    }
    name = name == null || name.isBlank() ? id : name;
    roles = Set.copyOf(roles);
    units = Set.copyOf(units);
    elsewhere = elsewhere == null ? java.util.Map.of() : java.util.Map.copyOf(elsewhere);
  }

  public Actor(String id, String name, Set<Role> roles, Set<String> units, String member, boolean secondFactor, boolean system) {
    this(id, name, roles, units, member, secondFactor, system, null, null);
  }

  /** The same person with their roles in {@code home} and in the organisations of {@code elsewhere}. */
  public Actor inOrganisations(String home, java.util.Map<String, Set<Role>> elsewhere) {
    return new Actor(id, name, roles, units, member, secondFactor, system, home, elsewhere);
  }

  /**
   * The person as they act in the organisation {@code slug} (decision 165): their own roles, units and member
   * where they hold ({@code organisation} null or equal, or {@code slug} null), else their roles there from
   * {@code elsewhere} without units or member; the beheerder (administrator) is installation-wide.
   */
  public Actor in(String slug) {
    if (system || slug == null || organisation == null || organisation.equals(slug)) {
      return this;
    }
    java.util.Set<Role> there = new java.util.HashSet<>(elsewhere.getOrDefault(slug, Set.of()));
    if (roles.contains(Role.BEHEERDER)) {
      there.add(Role.BEHEERDER);
    }
    return new Actor(id, name, there, Set.of(), null, secondFactor, false, slug, elsewhere);
  }

  /** The system itself, under a name for the log ("seed", "restore", "console"). */
  public static Actor system(String id) {
    return new Actor(id, id, Set.of(), Set.of(), null, true, true);
  }

  /** A signed-in person. */
  public static Actor person(String id, String name, Set<Role> roles, Set<String> units, String member, boolean secondFactor) {
    return new Actor(id, name, roles, units, member, secondFactor, false);
  }

  public boolean anonymous() {
    return !system && roles.isEmpty() && "anoniem".equals(id);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
