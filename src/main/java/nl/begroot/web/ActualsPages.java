package nl.begroot.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.actuals.BudgetVsRealised;
import nl.begroot.workspace.ActualsImports;
import nl.begroot.workspace.Snapshot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Budget against realised ({@code /v/{v}/realisatie}, a table per programme and unit) with the
 * upload of an XAF or CSV, and the same as API ({@code /api/versions/{v}/actuals}). The web
 * translates; the workspace imports and the core decides (docs/actuals.md).
 */
final class ActualsPages extends Pages {
  ActualsPages(Shared shared) {
    super(shared);
  }

  private int year(Context ctx, Snapshot s) {
    String q = ctx.queryParam("jaar") != null ? ctx.queryParam("jaar") : ctx.queryParam("year");
    if (q != null && q.matches("\\d{4}") && s.budget().version().years().contains(Integer.parseInt(q))) {
      return Integer.parseInt(q);
    }
    var periods = workspace.actuals().periods(s.budget().organisation().id());
    int budgetYear = s.budget().version().budgetYear();
    return periods.containsKey(budgetYear) || periods.isEmpty() ? budgetYear
        : periods.keySet().stream().filter(y -> s.budget().version().years().contains(y)).reduce((a, b) -> b).orElse(budgetYear);
  }

  void page(Context ctx) {
    show(ctx, snapshot(ctx), null, null, List.of());
  }

  private void show(Context ctx, Snapshot s, Integer year, String message, List<String> problems) {
    int y = year != null ? year : year(ctx, s);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("actuals.title"));
    String org = s.budget().organisation().id();
    render(ctx, "actuals.jte", v, new ActualsData(y, s.budget().version().years(), workspace.actuals().budgetVsRealised(s, y, null),
        workspace.actuals().periods(org).getOrDefault(y, List.of()), message, problems));
  }

  void upload(Context ctx) {
    Snapshot s = snapshot(ctx);
    var file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      ctx.status(422);
      show(ctx, s, null, null, List.of(I18n.of(lang(ctx)).lang().equals("en") ? "Choose an XAF or CSV file." : "Kies een XAF- of CSV-bestand."));
      return;
    }
    ActualsImports.Format format = ActualsImports.Format.ofFileName(file.filename());
    if (format == null) {
      ctx.status(422);
      show(ctx, s, null, null, List.of(file.filename() + ": .xaf, .xml (XAF 3.2) or .csv"));
      return;
    }
    ActualsImports.Result r;
    try (InputStream in = file.content()) {
      r = workspace.actuals().importFile(s.slug(), file.filename(), format, in, nl.begroot.web.WebServer.MAX_REQUEST_BYTES, actor(ctx), null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (r instanceof ActualsImports.Result.Refused refused) {
      ctx.status(422);
      List<String> problems = new ArrayList<>(refused.problems().stream().map(Object::toString).toList());
      if (refused.more() > 0) {
        problems.add("… +" + refused.more());
      }
      show(ctx, s, null, null, problems);
      return;
    }
    var done = ((ActualsImports.Result.Imported) r).realisation();
    Integer year = done.periods().isEmpty() ? null : done.periods().get(done.periods().size() - 1).year();
    show(ctx, s, year, I18n.of(lang(ctx)).t("actuals.imported") + ": " + file.filename() + " (" + done.lines() + " regels/lines, "
        + done.periods() + ")", List.of());
  }

  // ---------------------------------------------------------------- API

  void apiGet(Context ctx) {
    Snapshot s = snapshot(ctx);
    int y = year(ctx, s);
    BudgetVsRealised view = workspace.actuals().budgetVsRealised(s, y, null);
    ObjectNode out = Api.JSON.createObjectNode();
    out.put("version", s.slug()).put("year", y).put("up_to_period", view.upToPeriod()).put("amounts_in", "cents");
    ArrayNode rows = out.putArray("rows");
    for (BudgetVsRealised.Row r : view.rows()) {
      row(rows.addObject(), r);
    }
    row(out.putObject("total"), view.total());
    ArrayNode pt = out.putArray("pass_through");
    view.passThrough().forEach(r -> row(pt.addObject(), r));
    ArrayNode amounts = out.putArray("realised");
    for (var a : workspace.actuals().amounts(s.budget().organisation().id(), y)) {
      amounts.addObject().put("period", a.period()).put("unit", a.unit()).put("side", a.side().name().toLowerCase(java.util.Locale.ROOT))
          .put("money", a.money().code()).put("third_party", a.thirdParty()).put("cents", a.cents());
    }
    Api.json(ctx, out);
  }

  private static void row(ObjectNode o, BudgetVsRealised.Row r) {
    o.put("programme", r.programme()).put("unit", r.unit()).put("title", r.title());
    if (r.budgetLasten() != null) {
      o.put("budget_lasten", r.budgetLasten());
    }
    o.put("realised_lasten", r.realisedLasten());
    if (r.budgetBaten() != null) {
      o.put("budget_baten", r.budgetBaten());
    }
    o.put("realised_baten", r.realisedBaten()).put("third_party_lasten", r.thirdPartyLasten()).put("third_party_baten", r.thirdPartyBaten());
  }

  void apiImport(Context ctx) {
    String slug = ctx.pathParam("version");
    String name = ctx.queryParam("file");
    String f = ctx.queryParam("format");
    ActualsImports.Format format = f == null ? ActualsImports.Format.ofFileName(name)
        : "xaf".equalsIgnoreCase(f) ? ActualsImports.Format.XAF : "csv".equalsIgnoreCase(f) ? ActualsImports.Format.CSV : null;
    if (format == null) {
      throw new Problems.Failure(400, "bad-format", "Say the format", "Give ?format=xaf or ?format=csv (or ?file= a name ending in"
          + " .xaf, .xml or .csv).", List.of());
    }
    ActualsImports.Result r;
    try (InputStream in = ctx.bodyInputStream()) {
      r = workspace.actuals().importFile(slug, name == null ? "(api)" : name, format, in, WebServer.MAX_REQUEST_BYTES, Api.actor(ctx, null), null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (r instanceof ActualsImports.Result.NotFound) {
      throw new Problems.Failure(404, "not-found", "No such version", "There is no version '" + slug + "'.", List.of());
    }
    if (r instanceof ActualsImports.Result.Refused refused) {
      ObjectNode extra = Api.JSON.createObjectNode();
      ArrayNode problems = extra.putArray("problems");
      refused.problems().forEach(p -> problems.addObject().put("place", p.place()).put("message", p.message()));
      extra.put("more", refused.more());
      throw new Problems.Failure(422, "invalid-file", "The file is not imported",
          refused.problems().size() + refused.more() + " problem(s) found; nothing was imported.", List.of(), extra);
    }
    var done = ((ActualsImports.Result.Imported) r).realisation();
    ObjectNode out = Api.JSON.createObjectNode();
    out.put("lines", done.lines()).put("balance_sheet_lines", done.balanceLines()).put("totals", done.amounts().size());
    ArrayNode periods = out.putArray("periods");
    done.periods().forEach(p -> periods.add(p.toString()));
    ctx.status(201);
    Api.json(ctx, out);
  }
}
