package nl.begroot.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisations of an installation (V12): each with its own versions, realised figures and people's
 * roles. An organisation is known by its slug, the {@code organisation.id} of its budget files. The
 * first one (by position) is the default: where a request or a command names none.
 */
public final class Organisations {
  /** The organisation of every version made before V12, and of an installation that names none. */
  public static final String DEFAULT = "ipo";
  static final String DEFAULT_NAME = "Vereniging Interprovinciaal Overleg";

  /** An organisation as stored. */
  public record Organisation(String slug, String name, int position) {}

  private final Jdbi jdbi;

  public Organisations(Database database) {
    this.jdbi = database.jdbi();
  }

  /** All organisations, the default first. */
  public List<Organisation> list() {
    return jdbi.withHandle(h -> h.createQuery("select * from organisation order by position, slug")
        .map((rs, ctx) -> new Organisation(rs.getString("slug"), rs.getString("name"), rs.getInt("position"))).list());
  }

  public Optional<Organisation> find(String slug) {
    return slug == null ? Optional.empty() : list().stream().filter(o -> o.slug().equals(slug)).findFirst();
  }

  /** The default organisation: the first; empty in a database without any. */
  public Optional<Organisation> first() {
    return list().stream().findFirst();
  }

  /** Registers the organisation {@code slug} (last in order) unless it is known; returns it. */
  public Organisation register(String slug, String name) {
    jdbi.useTransaction(h -> register(h, slug, name));
    return find(slug).orElseThrow();
  }

  static void register(Handle h, String slug, String name) {
    if (h.createQuery("select count(*) from organisation where slug = :s").bind("s", slug).mapTo(Integer.class).one() == 0) {
      int position = h.createQuery("select coalesce(max(position), 0) + 1 from organisation").mapTo(Integer.class).one();
      h.createUpdate("insert into organisation (slug, name, position) values (:s, :n, :p)")
          .bind("s", slug).bind("n", name).bind("p", position).execute();
    }
  }

  /** The organisation a write names, or (null) the first, registering the IPO in a database without any. */
  static String resolve(Handle h, String slug) {
    if (slug != null) {
      return slug;
    }
    Optional<String> first = h.createQuery("select slug from organisation order by position, slug").mapTo(String.class).findFirst();
    if (first.isPresent()) {
      return first.get();
    }
    register(h, DEFAULT, DEFAULT_NAME);
    return DEFAULT;
  }
}
