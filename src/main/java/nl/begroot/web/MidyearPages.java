package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Permission;
import nl.begroot.core.figures.Table;
import nl.begroot.publish.MidyearDocument;
import nl.begroot.render.HtmlTableRenderer;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Midyears;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/**
 * The Tussenrapportage (docs/midyear.md): {@code /v/{v}/tussenrapportage} shows the report of a
 * Tussenrapportage version (its tables, the forecasts per unit with their reasons, the form to enter them
 * for a controller while it is a concept, its proposals and their effect), or on an adopted budget the
 * way to start one; the forecast's form posts to {@code /v/{v}/tussenrapportage/prognose}; the
 * publications are {@code /v/{v}/tussenrapportage/{file}}; the API {@code /api/versions/{v}/midyear}.
 * The web translates; the workspace decides ({@link Midyears}).
 */
final class MidyearPages extends Pages {
  MidyearPages(Shared shared) {
    super(shared);
  }

  /** GET /v/{version}/tussenrapportage. */
  void page(Context ctx) {
    show(ctx, snapshot(ctx), List.of(), Map.of(), "1".equals(ctx.queryParam("opgeslagen")) ? I18n.of(lang(ctx)).t("midyear.saved") : null);
  }

  private void show(Context ctx, Snapshot s, List<FieldError> errors, Map<String, String> typed, String message) {
    String lang = lang(ctx);
    View v = view(ctx, s, I18n.of(lang).t("midyear.title"));
    StoredVersion version = s.version();
    if (!version.midyear()) {
      Access.require(actor(ctx), Permission.READ_VERSION, Workspace.scope(version));
      Optional<StoredVersion> existing = workspace.midyears().of(s.slug());
      boolean mayStart = workspace.midyears().mayStart(version, actor(ctx));
      render(ctx, "midyear.jte", v, new MidyearData(null, List.of(), null, false, false, existing.orElse(null), mayStart, null, errors,
          typed, message));
      return;
    }
    Midyears.Midyear m = workspace.midyears().report(s.slug(), actor(ctx)).orElseThrow(() -> new NotFound("tussenrapportage " + s.slug(),
        notA(actor(ctx), s.version(), StoredVersion.MIDYEAR)));
    HtmlTableRenderer.Options options = v.inLanguage(HtmlTableRenderer.Options.PLAIN);
    List<String> tables = new ArrayList<>();
    for (Table t : m.report().document().tables()) {
      tables.add(HtmlTableRenderer.render(m.report().document(), m.printed(), t, options));
    }
    String effectHtml = null;
    if (!m.own().isEmpty()) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("v", v);
      params.put("c", m.effect());
      params.put("proposals", true);
      params.put("labelA", m.basis().name());
      params.put("labelB", version.name());
      effectHtml = templates.render("comparisonTables.jte", params);
    }
    boolean mayEdit = m.open() && Access.allows(actor(ctx), Permission.EDIT_FORECAST, Workspace.scope(version));
    render(ctx, "midyear.jte", v, new MidyearData(m, tables, effectHtml, illustration(m), mayEdit, null, false, null, errors, typed, message));
  }

  static boolean illustration(Midyears.Midyear m) {
    return m.report().rows().stream().anyMatch(r -> r.reason() != null && r.reason().startsWith("Illustratie"));
  }

  /** POST /v/{version}/tussenrapportage: starts the Tussenrapportage of this adopted budget and goes to it. */
  void start(Context ctx) {
    Snapshot s = snapshot(ctx);
    EditResult r = workspace.midyears().create(s.slug(), ctx.formParam("period"), actor(ctx));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect("/v/" + View.enc(saved.id()) + "/tussenrapportage", io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      show(ctx, s, inv.errors(), Map.of(), null);
    } else {
      ctx.status(409);
      show(ctx, s, List.of(new FieldError("form", I18n.NL.t("conflict.title"), I18n.EN.t("conflict.title"))), Map.of(), null);
    }
  }

  /** POST /v/{version}/tussenrapportage/prognose: one unit's forecast (unit, lasten, baten, reason, revision). */
  void saveForecast(Context ctx) {
    Snapshot s = snapshot(ctx);
    String unit = ctx.formParam("unit");
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("unit", unit == null ? "" : unit);
    for (String f : List.of("lasten", "baten", "reason")) {
      String value = ctx.formParam(f);
      typed.put((unit == null ? "" : unit) + "." + f, value == null ? "" : value);
    }
    EditResult r = workspace.midyears().saveForecast(s.slug(), unit, ctx.formParam("lasten"), ctx.formParam("baten"), ctx.formParam("reason"),
        ctx.formParam("revision"), actor(ctx));
    if (r instanceof EditResult.Saved) {
      ctx.redirect("/v/" + View.enc(s.slug()) + "/tussenrapportage?opgeslagen=1#eenheid-" + View.enc(unit), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      boolean known = inv.errors().stream().noneMatch(e -> e.field().equals("unit"));
      show(ctx, workspace.snapshot(s.slug()).orElse(s), inv.errors(), known ? typed : Map.of(), null);
    } else {
      // a stale revision: what was typed stays in the form (with the revision now stored, so saving again is deliberate),
      // and what is stored now is said beside the message
      ctx.status(409);
      Snapshot now = workspace.snapshot(s.slug()).orElse(s);
      var current = workspace.midyears().report(now.slug(), actor(ctx)).map(m -> m.forecasts().get(unit)).orElse(null);
      List<FieldError> errors = new java.util.ArrayList<>(List.of(new FieldError("form", I18n.NL.t("midyear.conflict"), I18n.EN.t("midyear.conflict"))));
      if (current != null) {
        errors.add(new FieldError("form", "Nu opgeslagen: lasten " + View.euros(current.lastenCents()) + ", baten " + View.euros(current.batenCents())
            + ", reden: " + current.reason(), "Stored now: lasten " + View.euros(current.lastenCents()) + ", baten "
            + View.euros(current.batenCents()) + ", reason: " + current.reason()));
      }
      show(ctx, now, errors, typed, null);
    }
  }

  /** GET /v/{version}/tussenrapportage/open-data: the Fiscal Data Package of the report (measures adjusted, executed, forecast), a zip. */
  void openData(Context ctx) throws java.io.IOException {
    Snapshot s = snapshot(ctx);
    Midyears.Midyear m = workspace.midyears().report(s.slug(), actor(ctx)).orElseThrow(() -> new NotFound("tussenrapportage " + s.slug(),
        notA(actor(ctx), s.version(), StoredVersion.MIDYEAR)));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    nl.begroot.publish.Publisher.midyearFiscalDataPackage(s.budget(), m.report(), out);
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"" + s.slug() + "-open-data.zip\"");
    ctx.result(out.toByteArray());
  }

  /** GET /v/{version}/tussenrapportage/{file}: the report as HTML, PDF, Excel, CSV or JSON. */
  void download(Context ctx) {
    Snapshot s = snapshot(ctx);
    if (!s.version().midyear()) {
      throw new NotFound("tussenrapportage " + s.slug(), notA(actor(ctx), s.version(), StoredVersion.MIDYEAR));
    }
    download(ctx, s, "/tussenrapportage", ctx.pathParam("file"), MidyearDocument.FILES, () -> document(ctx, s));
  }

  private MidyearDocument document(Context ctx, Snapshot s) {
    Midyears.Midyear m = workspace.midyears().report(s.slug(), actor(ctx)).orElseThrow(() -> new NotFound("tussenrapportage " + s.slug(),
        notA(actor(ctx), s.version(), StoredVersion.MIDYEAR)));
    java.time.LocalDate date = documentDate(m.version());
    return new MidyearDocument(m.version().name(), s.budget().organisation().name(), m.basis().name(), m.version().status().code(),
        illustration(m), m.report(), m.printed(), m.effect(), date);
  }

  /** GET /api/versions/{version}/midyear: the report as JSON (format begroot-midyear/1). */
  void api(Context ctx) {
    Snapshot s = workspace.snapshot(ctx.pathParam("version")).orElse(null);
    if (s == null || !s.version().midyear()) {
      throw new Problems.Failure(404, "not-found", "No such mid-year report",
          "There is no Tussenrapportage '" + ctx.pathParam("version") + "'.", List.of());
    }
    Api.jsonText(ctx, document(ctx, s).json());
  }
}
