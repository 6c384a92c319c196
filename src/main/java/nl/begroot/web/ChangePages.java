package nl.begroot.web;

import java.util.List;
import nl.begroot.store.Change;

/**
 * One page of a version's change log for the page {@code /v/{version}/wijzigingen}: the entries
 * shown (newest first), whether there are newer ones, and the query of the next (older) page or
 * null. The page and the API page with a cursor, the id of the last entry shown ({@code ?voor=},
 * {@code ?before=}), so that a page stays the same while new entries arrive.
 */
public record ChangePages(List<Change> changes, boolean hasNewer, String older) {
  /** Entries per page on the web page. */
  static final int PAGE = 100;

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
