package nl.begroot.web;

import io.javalin.http.Context;
import nl.begroot.workspace.Snapshot;

/** The audit page (controle): the version checked against its own arithmetic and its printed document. */
final class AuditPage extends Pages {
  AuditPage(Shared shared) {
    super(shared);
  }

  void audit(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("audit.title"));
    render(ctx, "audit.jte", v, s.audit());
  }
}
