package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Scope;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/**
 * The cycle's page of a version ({@code /v/{version}/cyclus}): its status and the facts of its adoption,
 * the steps the signed-in person may take (asked of {@link Access#allows}), its proposals with their
 * status, reviewer and reason and the steps on them, sharing a scenario, and the amendments
 * (begrotingswijzigingen) with an amendment's effect. Not cached: what it offers depends on who asks.
 */
final class CyclePages extends Pages {
  CyclePages(Shared shared) {
    super(shared);
  }

  void cycle(Context ctx) {
    show(ctx, snapshot(ctx), List.of(), Map.of());
  }

  private void show(Context ctx, Snapshot s, List<FieldError> errors, Map<String, String> typed) {
    Actor actor = actor(ctx);
    StoredVersion version = s.version();
    Access.require(actor, Permission.READ_VERSION, Workspace.scope(version));
    List<VersionMove> moves = new ArrayList<>();
    if (!version.scenario()) {
      for (VersionMove m : VersionMove.values()) {
        if (m.from() == version.status() && Access.allows(actor, Workspace.permission(m), Workspace.scope(version))) {
          moves.add(m);
        }
      }
    }
    List<ProposalLine> lines = new ArrayList<>();
    for (StoredProposal r : s.rows()) {
      List<ProposalMove> ms = new ArrayList<>();
      for (ProposalMove m : ProposalMove.values()) {
        Permission p = Workspace.permission(m);
        if (!r.withdrawn() && m.from() == r.status() && !version.scenario()
            && Access.allows(actor, p, Workspace.scope(version).unit(r.unitId(), r.author()))) {
          ms.add(m);
        }
      }
      lines.add(new ProposalLine(r, ms));
    }
    Workspace.Amendment amendment = workspace.amendment(s.slug()).orElse(null);
    String effectHtml = null;
    View v = view(ctx, s, I18n.of(lang(ctx)).t("cycle.title"));
    if (amendment != null) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("v", v);
      params.put("c", amendment.effect());
      params.put("proposals", true);
      params.put("labelA", amendment.basis().name());
      params.put("labelB", version.name());
      effectHtml = templates.render("comparisonTables.jte", params);
    }
    // what the page offers, the workspace decides with the rule its use case applies (decision 202)
    boolean mayAmend = workspace.mayAmend(version, actor);
    boolean mayStartAccounts = workspace.annualAccounts().mayStart(version, actor);
    boolean mayShare = version.scenario() && Access.allows(actor, Permission.SHARE_SCENARIO, Workspace.scope(version));
    Workspace.AfterAmendments after = version.status().adopted() && !version.amendment()
        ? workspace.afterAmendments(s.slug()).orElse(null) : null;
    Workspace.Definitive definitive = workspace.definitive(s.slug()).orElse(null);
    boolean mayDefine = "concept".equals(version.kind()) && version.status().adopted() && definitive == null
        && Access.allows(actor, Permission.CREATE_DEFINITIVE, Workspace.scope(version));
    render(ctx, "cycle.jte", v, new CycleData(version, moves, mayShare, mayAmend, workspace.amendments(s.slug()), amendment,
        effectHtml, after, lines, errors, typed, mayDefine, definitive, mayStartAccounts));
  }

  /** POST /v/{version}/cyclus/{indienen|terughalen|vaststellen|publiceren}: each its own route with its own permission. */
  void moveVersion(Context ctx, VersionMove move) {
    Snapshot s = snapshot(ctx);
    Map<String, String> typed = new LinkedHashMap<>();
    for (String f : List.of("date", "body", "reference")) {
      typed.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f));
    }
    EditResult r = workspace.moveVersion(s.slug(), move, typed.get("date"), typed.get("body"), typed.get("reference"), actor(ctx));
    answer(ctx, s, r, typed, "?stap=" + move.nl());
  }

  /** POST /v/{version}/voorstel/{proposal}/{indienen|goedkeuren|afwijzen}. */
  void moveProposal(Context ctx, ProposalMove move) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParam("proposal");
    String reason = ctx.formParam("reason");
    EditResult r = workspace.moveProposal(s.slug(), id, move, reason, actor(ctx));
    answer(ctx, s, r, Map.of("reason", reason == null ? "" : reason, "reason.for", id), "?voorstel=" + View.enc(id) + "#voorstellen");
  }

  /** POST /v/{version}/delen with gedeeld=ja or nee. */
  void share(Context ctx) {
    Snapshot s = snapshot(ctx);
    EditResult r = workspace.share(s.slug(), "ja".equals(ctx.formParam("gedeeld")), actor(ctx));
    answer(ctx, s, r, Map.of(), "?gedeeld=1");
  }

  /** POST /v/{version}/wijziging: starts the next amendment and goes to its cycle page. */
  void createAmendment(Context ctx) {
    created(ctx, workspace::createAmendment);
  }

  /** POST /v/{version}/definitief: starts the definitive budget of an adopted concept and goes to its cycle page. */
  void createDefinitive(Context ctx) {
    created(ctx, workspace::createDefinitive);
  }

  /** Creates a version from the one in the path (an amendment, the definitive budget) and goes to its cycle page, or shows why not. */
  private void created(Context ctx, java.util.function.BiFunction<String, nl.begroot.core.access.Actor, EditResult> create) {
    Snapshot s = snapshot(ctx);
    EditResult r = create.apply(s.slug(), actor(ctx));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect("/v/" + View.enc(saved.id()) + "/cyclus", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    answer(ctx, s, r, Map.of(), "");
  }

  /** GET /v/{version}/volgend-jaar: next year's frame from an adopted version, with its check against the multi-year estimate. */
  void nextFrame(Context ctx) {
    Snapshot s = snapshot(ctx);
    Access.require(actor(ctx), Permission.READ_VERSION, Workspace.scope(s.version()));
    Workspace.NextFrame next = workspace.nextFrame(s.slug()).orElseThrow(() -> new NotFound("versie " + s.slug()));
    String lang = lang(ctx);
    View v = view(ctx, s, I18n.of(lang).t("next.title"));
    if (next.frame() == null) {
      ctx.status(409);
    }
    render(ctx, "nextFrame.jte", v, new NextFrameData(next.from(), next.frame(),
        next.refused() == null ? null : "en".equals(lang) ? next.refused().en() : next.refused().nl()));
  }

  /** GET /v/{version}/na-wijziging: the pages of the budget na wijziging (the last adopted amendment's, or the version's own). */
  void afterAmendments(Context ctx) {
    Snapshot s = snapshot(ctx);
    Access.require(actor(ctx), Permission.READ_VERSION, Workspace.scope(s.version()));
    Workspace.AfterAmendments after = workspace.afterAmendments(s.slug())
        .orElseThrow(() -> new NotFound("begroting na wijziging van " + s.slug(), new Words(
            s.version().name() + " heeft geen begroting na wijziging: die heeft alleen een vastgestelde begroting.",
            s.version().name() + " has no budget after amendments: only an adopted budget has one.",
            "/v/" + View.enc(s.slug()) + "/cyclus", "Naar de cyclus van " + s.version().name(), "Go to the cycle of " + s.version().name())));
    ctx.redirect("/v/" + View.enc(after.readAs()), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void answer(Context ctx, Snapshot s, EditResult r, Map<String, String> typed, String done) {
    if (r instanceof EditResult.Saved) {
      ctx.redirect("/v/" + View.enc(s.slug()) + "/cyclus" + (done.startsWith("?") ? done.replaceFirst("#.*", "") + "&klaar=1"
          + done.replaceFirst("^[^#]*", "") : done), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      show(ctx, workspace.snapshot(s.slug()).orElse(s), inv.errors(), typed);
    } else {
      ctx.status(409);
      show(ctx, workspace.snapshot(s.slug()).orElse(s), List.of(new FieldError("form", I18n.NL.t("conflict.title"), I18n.EN.t("conflict.title"))),
          typed);
    }
  }
}
