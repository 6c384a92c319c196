package nl.begroot.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Scope;
import nl.begroot.store.AuditLog;
import nl.begroot.store.Change;
import nl.begroot.store.LogEntry;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.Workspace;

/**
 * The organisation's log: the page {@code /logboek} (every entry, filtered by person, object and
 * date; permission READ_LOG), the administrator's page {@code /beheer/logboek} that verifies the
 * hash chain (VERIFY_LOG), and the same in the API ({@code /api/log}, {@code /api/log/verify}).
 * Also the hook that writes a refused request to the log ({@link #refused}).
 */
final class LogPages extends Pages {
  LogPages(Shared shared) {
    super(shared);
  }

  /**
   * The slugs of the versions that exist now and {@code reader} may read (Access decides, as the version's own
   * pages do): an entry about another one is shown without a link, so the log never offers a page that answers 403.
   */
  static Set<String> live(Workspace workspace, Actor reader) {
    return workspace.versions().stream().filter(v -> Access.allows(reader, Permission.READ_VERSION, Workspace.scope(v)))
        .map(StoredVersion::slug).collect(Collectors.toSet());
  }

  void log(Context ctx) {
    Access.require(actor(ctx), Permission.READ_LOG, Scope.NONE);
    Long before = ChangePages.cursor(ctx.queryParam("voor"), "voor");
    AuditLog.Filter filter = ChangePages.pageFilter(ctx);
    List<Change> page = workspace.log().entries(filter, before, ChangePages.PAGE + 1);
    View v = view(ctx, null, I18n.of(lang(ctx)).t("log.title"));
    render(ctx, "log.jte", v, ChangePages.of(page, before, filter, live(workspace, actor(ctx)), v.names()));
  }

  void admin(Context ctx) {
    Access.require(actor(ctx), Permission.VERIFY_LOG, Scope.NONE);
    AuditLog.Verification result = "1".equals(ctx.queryParam("controleer")) ? workspace.log().verify() : null;
    render(ctx, "logAdmin.jte", view(ctx, null, I18n.of(lang(ctx)).t("log.admin.title")), result);
  }

  /**
   * Writes a refused request to the log, in a transaction of its own: who ({@code actor}), which
   * request (method and path), and why. Called by the web's error mapping for every 401 and 403, and
   * by the permission check of the routes; never fails the response (a log that cannot be written is
   * reported in the server's own log).
   */
  static void refused(Workspace workspace, Context ctx, Actor actor, int status, String reason) {
    try {
      workspace.log().record(LogEntry.refused(actor == null ? Actor.ANONYMOUS.id() : actor.id(),
          ctx.method().name() + " " + ctx.path(), status + " " + (reason == null ? "" : reason)));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(LogPages.class).error("cannot log a refused request to {}", Problems.shorten(ctx.path()), e);
    }
  }
}
