package nl.begroot.store;

/**
 * What one log entry records, before the log gives it an id, a time and its place in the chain.
 *
 * @param actor who: the account id ("anna"), "anoniem", or the system ("seed", "restore")
 * @param action what, as a code: "proposal.change", "version.delete", "session.sign-in", "request.refused"
 * @param target the object within the version (a proposal or key id), or the object itself outside a
 *     version (the account signing in, the refused address "POST /v/x/sleutels/ipo")
 * @param result ok, refused or failed
 * @param versionId the version the entry is about, or null (sign-in, refusals, accounts)
 * @param before the row as it was (a change), or null
 * @param after the row as it became (a change), or null
 * @param detail why, in a few words (a refusal's or failed sign-in's reason), or null
 * @param origin where the request came from, or null for the system itself
 */
public record LogEntry(
    String actor, String action, String target, Result result, Long versionId, String before, String after, String detail,
    Origin origin) {

  /** Longest actor, action, target or detail kept (longer ones are cut, marked with "…"). */
  static final int MAX_TEXT = 500;

  public LogEntry {
    if (actor == null || actor.isBlank() || action == null || action.isBlank() || result == null) {
      throw new IllegalArgumentException("a log entry needs an actor, an action and a result");
    }
    actor = Origin.shorten(actor, 200);
    action = Origin.shorten(action, 40);
    target = Origin.shorten(target, MAX_TEXT);
    detail = Origin.shorten(detail, MAX_TEXT);
  }

  /** How a request ended. */
  public enum Result {
    OK("ok"), REFUSED("refused"), FAILED("failed");

    private final String code;

    Result(String code) {
      this.code = code;
    }

    /** As stored and hashed: "ok", "refused", "failed". */
    public String code() {
      return code;
    }

    public static Result of(String code) {
      for (Result r : values()) {
        if (r.code.equals(code)) {
          return r;
        }
      }
      throw new IllegalArgumentException("not a log result: " + code);
    }
  }

  /** A write to a version's content, from the request now being served. */
  public static LogEntry change(String actor, String action, String target, long versionId, String before, String after) {
    return new LogEntry(actor, action, target, Result.OK, versionId, before, after, null, Origin.current());
  }

  /** A sign-in that succeeded ({@code ok}) or failed (with the reason: "wrong password", "unknown account"). */
  public static LogEntry signIn(String account, boolean ok, String reason) {
    return new LogEntry(account, "session.sign-in", account, ok ? Result.OK : Result.FAILED, null, null, null, reason,
        Origin.current());
  }

  /** A sign-out (the session ended on the server). */
  public static LogEntry signOut(String account) {
    return new LogEntry(account, "session.sign-out", account, Result.OK, null, null, null, null, Origin.current());
  }

  /** A request refused by the permission check (401 or 403): who, which request ("POST /v/x/..."), why. */
  public static LogEntry refused(String actor, String request, String reason) {
    return new LogEntry(actor, "request.refused", request, Result.REFUSED, null, null, null, reason, Origin.current());
  }

  /** A change to an account (created, disabled, enabled, roles): who did it, to which account, what. */
  public static LogEntry account(String actor, String action, String account, String before, String after) {
    return new LogEntry(actor, action, account, Result.OK, null, before, after, null, Origin.current());
  }
}
