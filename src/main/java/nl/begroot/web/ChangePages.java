package nl.begroot.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.begroot.store.AuditLog;
import nl.begroot.store.Change;
import nl.begroot.workspace.FieldChanges;

/**
 * One page of the log for the pages {@code /v/{version}/wijzigingen} and {@code /logboek}: the
 * entries shown (newest first) with what each changed field by field ({@link FieldChanges}) and a
 * link to what it is about, the filter, whether there are newer ones, and the query of the next
 * (older) page or null. The pages and the API page with a cursor, the id of the last entry shown
 * ({@code ?voor=}, {@code ?before=}), so that a page stays the same while new entries arrive; the
 * filter's parameters travel with the cursor.
 */
public record ChangePages(List<Row> rows, AuditLog.Filter filter, boolean hasNewer, String newest, String older) {
  /** Entries per page on the web page. */
  static final int PAGE = 100;

  /**
   * One entry as shown: the entry, its changed fields in words ({@link FieldChanges} named by {@link Names}), the
   * address of what it is about (null when gone), and in
   * words ({@link Names}, decision 210) who made it, what it is about and its version (null when about none; left
   * out when the entry is about the version itself), and its detail (a sign-in's step and result). The ids and the
   * detail as recorded stay in the entry, for the links and the titles.
   */
  public record Row(Change change, List<String> fields, String href, String who, String about, String version, String detail) {}

  /** The entries of one page, with their fields, links and words; {@code live} are the slugs of the versions that exist. */
  static List<Row> rows(List<Change> changes, Set<String> live, Names names) {
    List<Row> rows = new ArrayList<>(changes.size());
    for (Change c : changes) {
      boolean aboutVersion = c.target() != null && c.target().equals(c.versionSlug());
      rows.add(new Row(c, names.fields(c), href(c, live), names.person(c.actor()), names.target(c), aboutVersion ? null : names.version(c),
          names.detail(c)));
    }
    return rows;
  }

  /** Where the entry's object is shown: the proposal, the keys, the version; null when it is gone or about no version. */
  static String href(Change c, Set<String> live) {
    if (c.versionSlug() == null || !live.contains(c.versionSlug())) {
      return null;
    }
    String v = "/v/" + View.enc(c.versionSlug());
    if (c.action().startsWith("proposal.") && c.target() != null) {
      return v + "/voorstel/" + View.enc(c.target());
    }
    if (c.action().startsWith("key.")) {
      return v + "/sleutels";
    }
    return v;
  }

  /** The filter from the page's query parameters ({@code persoon}, {@code object}, {@code van}, {@code tot}). */
  static AuditLog.Filter pageFilter(io.javalin.http.Context ctx) {
    return new AuditLog.Filter(ctx.queryParam("persoon"), ctx.queryParam("object"), null, date(ctx.queryParam("van"), "van", false),
        date(ctx.queryParam("tot"), "tot", false));
  }

  /** The filter from the API's query parameters ({@code actor}, {@code object}, {@code from}, {@code to}). */
  static AuditLog.Filter apiFilter(io.javalin.http.Context ctx) {
    return new AuditLog.Filter(ctx.queryParam("actor"), ctx.queryParam("object"), null, date(ctx.queryParam("from"), "from", true),
        date(ctx.queryParam("to"), "to", true));
  }

  /** The page's query string for {@code filter} (empty or starting with "&amp;"), to carry along with a cursor. */
  static String pageQuery(AuditLog.Filter f) {
    return query(f, "persoon", "van", "tot");
  }

  static String apiQuery(AuditLog.Filter f) {
    return query(f, "actor", "from", "to");
  }

  private static String query(AuditLog.Filter f, String actor, String from, String to) {
    StringBuilder q = new StringBuilder();
    if (f.actor() != null) {
      q.append('&').append(actor).append('=').append(View.enc(f.actor()));
    }
    if (f.object() != null) {
      q.append("&object=").append(View.enc(f.object()));
    }
    if (f.from() != null) {
      q.append('&').append(from).append('=').append(f.from());
    }
    if (f.to() != null) {
      q.append('&').append(to).append('=').append(f.to());
    }
    return q.toString();
  }

  /** A page of {@code page} entries read with one more than shown: which are shown, and the links. */
  static ChangePages of(List<Change> page, Long before, AuditLog.Filter filter, Set<String> live, Names names) {
    List<Change> shown = page.subList(0, Math.min(PAGE, page.size()));
    String q = pageQuery(filter);
    String older = page.size() > PAGE ? "?voor=" + shown.get(shown.size() - 1).id() + q : null;
    return new ChangePages(rows(shown, live, names), filter, before != null, q.isEmpty() ? "?" : "?" + q.substring(1), older);
  }

  private static LocalDate date(String text, String name, boolean api) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw bad(name, "'" + Problems.shorten(text) + "' is not a date (like 2026-12-02)", api);
    }
  }

  /** The cursor from a query parameter: null when absent, else a positive whole number. */
  static Long cursor(String text, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long v = Long.parseLong(text.strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(name, "'" + Problems.shorten(text) + "' is not an entry number (a whole number from 1)", name.equals("before"));
  }

  /** The page size from a query parameter: {@code dflt} when absent, else 1 to {@code max}. */
  static int limit(String text, int dflt, int max) {
    if (text == null || text.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(text.strip());
      if (v >= 1 && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad("limit", "'" + Problems.shorten(text) + "' is not a page size from 1 to " + max, true);
  }

  private static RuntimeException bad(String name, String detail, boolean api) {
    if (api) {
      return new Problems.Failure(400, "bad-parameter", "Bad query parameter " + name, detail + ".", List.of());
    }
    return new io.javalin.http.BadRequestResponse("Parameter " + name + ": " + detail);
  }
}
