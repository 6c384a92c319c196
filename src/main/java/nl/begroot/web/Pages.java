package nl.begroot.web;

import nl.begroot.render.Charts;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.store.Change;
import nl.begroot.store.StoredProposal;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/** The HTML pages. Each handler reads from the workspace and renders one template. */
public final class Pages {
  private final Workspace workspace;
  private final Templates templates;

  Pages(Workspace workspace, Templates templates) {
    this.workspace = workspace;
    this.templates = templates;
  }

  // ------------------------------------------------------------------ data records for templates

  /** The overview's figures besides Tabel 1. */
  public record OverviewData(List<Integer> years, long[] balancing, long[] saldo, String chartSvg, String chartTableHtml, List<String> notes) {}

  /** A page of tables with an optional introduction and year navigation. */
  public record TablesData(String heading, List<String> intro, List<String> tablesHtml, List<Integer> years, int year, String yearBase) {}

  /** A programme page. */
  public record ProgrammeData(Programme programme, List<UnitData> units, String tableHtml, List<String> breakdownHtml) {}

  /** A unit with its proposals. */
  public record UnitData(Unit unit, List<Proposal> proposals, List<StoredProposal> withdrawn) {}

  /** A proposal page. */
  public record ProposalData(Proposal proposal, StoredProposal row, Programme programme, Unit unit, List<Integer> years,
      List<String> amountCells, List<String> figureIds, String breakdownHtml, List<FieldError> errors) {}

  /** The proposal form: values as typed, errors, a preview or a conflict. */
  public record FormData(boolean create, String proposalId, int revision, Map<String, String> values, Map<Integer, String> amounts,
      List<String> products, List<FieldError> errors, String previewHtml, EditResult.Conflict conflict, Budget budget) {
    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public List<FieldError> errorsFor(String field) {
      return errors.stream().filter(e -> e.field().equals(field)).toList();
    }

    public boolean hasError(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }
  }

  /** A province page. */
  public record ProvinceData(Member member, String share, String summaryHtml, List<String> tablesHtml) {}

  /** A figure's explanation: the figure, its parts (each a link), and the amount it is a share of. */
  public record FigureData(String id, Explanation explanation, String value, String printed, List<Explanation> parts, Explanation basis,
      List<String> suggestions, String proposalId) {}

  /** Search results. */
  public record SearchData(String query, List<Hit> hits) {}

  /** One search hit. */
  public record Hit(String kind, String title, String href, String text) {}

  /** The versions page. */
  public record VersionsData(List<FieldError> errors, List<nl.begroot.format.Problem> problems, String copyName, String importName) {}

  /** The comparison page. */
  public record CompareData(String a, String b, Comparison comparison, String html) {}

  /** The keys page. */
  public record KeysData(List<DistributionKey> keys, String editing, Map<String, String> values, List<FieldError> errors,
      EditResult.Conflict conflict, int revision) {}

  // ------------------------------------------------------------------ helpers

  static String lang(Context ctx) {
    String c = ctx.cookie("lang");
    return "en".equals(c) ? "en" : "nl";
  }

  private View view(Context ctx, Snapshot s, String title) {
    String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    String typed = ctx.formParam("author");
    return new View(I18n.of(lang(ctx)), s, workspace::versions, title, path, "1".equals(ctx.queryParam("exact")))
        .author(typed != null && !typed.isBlank() ? typed : rememberedAuthor(ctx));
  }

  private Snapshot snapshot(Context ctx) {
    return workspace.snapshot(ctx.pathParam("version")).orElseThrow(() -> new NotFound("versie " + ctx.pathParam("version")));
  }

  /** A page or resource that does not exist; rendered as 404. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String what) {
      super(what, null, false, false);
    }
  }

  private void render(Context ctx, String template, View v, Object data) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", v);
    if (data != null) {
      params.put("d", data);
    }
    String html = templates.render(template, params);
    if (v.s() != null && Boolean.TRUE.equals(ctx.attribute(CACHEABLE)) && ctx.statusCode() == 200) {
      ctx.contentType("text/html; charset=utf-8").result(pages.put(cacheKey(ctx, v.s()), html));
      return;
    }
    ctx.html(html);
  }

  private final ResponseCache pages = new ResponseCache(400);

  private static String cacheKey(Context ctx, Snapshot s) {
    return ResponseCache.key(s.slug(), s.version().stamp(), lang(ctx), ctx.path() + "?" + ctx.queryString() + (htmx(ctx) ? "|hx" : ""));
  }

  private static final String CACHEABLE = "begroot.cacheable";

  /**
   * A version's read-only page, served from the response cache when it was rendered at this stamp
   * (and kept there when it is rendered now). Pages that carry something of one user (a form with
   * the remembered name) are not wrapped.
   */
  io.javalin.http.Handler cachedPage(io.javalin.http.Handler page) {
    return ctx -> {
      byte[] html = pages.get(cacheKey(ctx, snapshot(ctx)));
      if (html != null) {
        ctx.contentType("text/html; charset=utf-8").result(html);
        return;
      }
      ctx.attribute(CACHEABLE, true);
      page.handle(ctx);
    };
  }

  /**
   * Who makes a change: the name typed in the form, remembered in a cookie for the next change
   * (until sign-in exists); "onbekend" in the store when neither is there.
   */
  static String actor(Context ctx) {
    String typed = ctx.formParam("author");
    if (typed != null && !typed.isBlank()) {
      ctx.cookie("author", View.enc(typed.strip()), 60 * 60 * 24 * 365);
      return typed;
    }
    return rememberedAuthor(ctx);
  }

  static String rememberedAuthor(Context ctx) {
    String c = ctx.cookie("author");
    return c == null || c.isBlank() ? null : java.net.URLDecoder.decode(c, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A path on this server to go back to, or "/": only "/" followed by characters that cannot make
   * a browser leave the site ("//host", "/\\host", "/<tab>/host" would).
   */
  static String localPath(String back) {
    return back != null && back.matches("/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]*") ? back : "/";
  }

  static boolean htmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  // ------------------------------------------------------------------ pages

  void home(Context ctx) {
    ctx.redirect("/v/" + Workspace.CONCEPT);
  }

  void language(Context ctx) {
    String lang = "en".equals(ctx.pathParam("lang")) ? "en" : "nl";
    ctx.cookie(new io.javalin.http.Cookie("lang", lang, "/", 60 * 60 * 24 * 365, false, false, null,
        io.javalin.http.SameSite.LAX));
    ctx.redirect(localPath(ctx.queryParam("terug")));
  }

  void overview(Context ctx) {
    Snapshot s = snapshot(ctx);
    Computation c = s.document().computation();
    List<Integer> years = c.years();
    long[] balancing = new long[years.size()];
    long[] saldo = new long[years.size()];
    for (int y = 0; y < years.size(); y++) {
      balancing[y] = c.balancing(y);
      saldo[y] = s.document().graph().find("tabel-1/new.saldo/" + years.get(y)).map(Figure::cents).orElse(0L);
    }
    View v = view(ctx, s, I18n.of(lang(ctx)).t("overview.title"));
    List<String> groups = years.stream().map(String::valueOf).toList();
    List<Charts.Series> lasten = new ArrayList<>();
    List<Charts.Series> baten = new ArrayList<>();
    List<Table.Row> rows = new ArrayList<>();
    rows.add(new Table.Row("section:lasten", v.t("side.lasten"), Table.Style.SECTION, List.of()));
    List<Table.Row> batenRows = new ArrayList<>();
    batenRows.add(new Table.Row("section:baten", v.t("side.baten"), Table.Style.SECTION, List.of()));
    for (Programme p : s.budget().programmes()) {
      long[] l = new long[years.size()];
      long[] b = new long[years.size()];
      List<Table.Cell> lc = new ArrayList<>();
      List<Table.Cell> bc = new ArrayList<>();
      for (int y = 0; y < years.size(); y++) {
        String lid = "programme-" + p.id() + "/new.lasten/" + years.get(y);
        String bid = "programme-" + p.id() + "/new.baten/" + years.get(y);
        l[y] = s.printed().value(true, lid).orElse(0);
        b[y] = s.printed().value(true, bid).orElse(0);
        lc.add(s.document().graph().find(lid).isPresent() ? Table.Cell.figure(lid) : Table.Cell.EMPTY);
        bc.add(s.document().graph().find(bid).isPresent() ? Table.Cell.figure(bid) : Table.Cell.EMPTY);
      }
      String name = p.id() + ". " + p.title();
      lasten.add(new Charts.Series(name, l));
      baten.add(new Charts.Series(name, b));
      rows.add(new Table.Row("lasten." + p.id(), name, Table.Style.LINE, lc));
      batenRows.add(new Table.Row("baten." + p.id(), name, Table.Style.LINE, bc));
    }
    rows.addAll(batenRows);
    String svg = chartFigure("grafiek-lasten", v.t("side.lasten") + " " + v.t("overview.chart.per"), v.t("overview.chart.alt"), groups, lasten)
        + chartFigure("grafiek-baten", v.t("side.baten") + " " + v.t("overview.chart.per"), v.t("overview.chart.alt"), groups, baten);
    List<Table.Column> columns = years.stream().map(y -> new Table.Column(String.valueOf(y), String.valueOf(y))).toList();
    Table chartTable = new Table("grafiek", v.t("overview.chart"), 100_000, columns, rows);
    List<String> notes = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      long frameSaldo = s.document().graph().find("tabel-1/frame.saldo/" + years.get(y)).map(Figure::cents).orElse(0L);
      if (frameSaldo != 0) {
        notes.add(v.t("overview.unbalanced").replace("{year}", String.valueOf(years.get(y))).replace("{amount}", View.euros(frameSaldo)));
      }
    }
    render(ctx, "overview.jte", v, new OverviewData(years, balancing, saldo, svg, v.table(chartTable), notes));
  }

  /** A chart with its title visible above it: two charts one above the other must say which is which. */
  private static String chartFigure(String id, String title, String description, List<String> groups, List<Charts.Series> series) {
    return "<figure class=\"begroot-chart\"><figcaption class=\"utrecht-paragraph begroot-chart-title\">"
        + nl.begroot.render.HtmlTableRenderer.escape(title) + "</figcaption>" + Charts.groupedBars(id, title, description, groups, series)
        + "</figure>";
  }

  void programme(Context ctx) {
    Snapshot s = snapshot(ctx);
    Programme p = s.budget().programme(ctx.pathParam("programme")).orElseThrow(() -> new NotFound("programma " + ctx.pathParam("programme")));
    View v = view(ctx, s, I18n.of(lang(ctx)).t("programme") + " " + p.id() + ". " + p.title());
    List<UnitData> units = new ArrayList<>();
    List<String> breakdowns = new ArrayList<>();
    for (Unit u : p.units()) {
      List<Proposal> proposals = s.budget().proposals().stream().filter(x -> x.unit().equals(u.id())).toList();
      List<StoredProposal> withdrawn = s.withdrawn().stream().filter(r -> r.unitId().equals(u.id())).toList();
      units.add(new UnitData(u, proposals, withdrawn));
      for (Proposal x : proposals) {
        if (x.breakdown() != null) {
          breakdowns.add(v.table("breakdown-" + x.id()));
        }
      }
    }
    render(ctx, "programme.jte", v, new ProgrammeData(p, units, v.table("programme-" + p.id()), breakdowns));
  }

  void proposal(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParam("proposal");
    StoredProposal row = s.row(id).orElse(null);
    Proposal proposal = anyProposal(s, id);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("proposal") + " " + proposal.title());
    render(ctx, "proposal.jte", v, proposalData(s, v, proposal, row, List.of()));
  }

  private ProposalData proposalData(Snapshot s, View v, Proposal proposal, StoredProposal row, List<FieldError> errors) {
    Programme programme = s.budget().programmeOfUnit(proposal.unit()).orElse(null);
    Unit unit = s.budget().unit(proposal.unit()).orElse(null);
    List<Integer> years = s.budget().version().years();
    List<String> cells = new ArrayList<>();
    List<String> figures = new ArrayList<>();
    boolean active = s.budget().proposal(proposal.id()).isPresent();
    int index = s.budget().proposals().indexOf(proposal);
    for (int y = 0; y < years.size(); y++) {
      String fid = programme == null ? null : "programme-" + programme.id() + "/" + proposal.id() + "/" + years.get(y);
      boolean figure = active && fid != null && s.document().graph().find(fid).isPresent();
      figures.add(figure ? fid : null);
      long cents = active && index >= 0 ? s.document().computation().line(index).cents(y) : proposal.amounts().cents(y);
      boolean pm = active && index >= 0 ? s.document().computation().line(index).isPm(y) : proposal.amounts().isPm(y);
      cells.add(pm ? "pm" : View.amount(cents));
    }
    String breakdown = active && proposal.breakdown() != null ? v.table("breakdown-" + proposal.id()) : "";
    return new ProposalData(proposal, row, programme, unit, years, cells, figures, breakdown, errors);
  }

  /** A proposal of the version, withdrawn ones included; 404 when there is none. */
  private static Proposal anyProposal(Snapshot s, String id) {
    return s.anyProposal(id).orElseThrow(() -> new NotFound("voorstel " + id));
  }

  void proposalForm(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParamMap().containsKey("proposal") ? ctx.pathParam("proposal") : null;
    View v = view(ctx, s, id == null ? I18n.of(lang(ctx)).t("proposal.new") : I18n.of(lang(ctx)).t("proposal.edit") + " " + id);
    FormData data;
    if (id == null) {
      Map<String, String> values = new LinkedHashMap<>();
      String unit = ctx.queryParam("unit");
      values.put("unit", unit == null ? "" : unit);
      values.put("side", "lasten");
      values.put("nature", "recurring");
      Map<Integer, String> amounts = new LinkedHashMap<>();
      s.budget().version().years().forEach(y -> amounts.put(y, ""));
      List<String> products = s.budget().products().isEmpty() ? List.of()
          : List.of(s.budget().products().get(s.budget().products().size() - 1).id());
      data = new FormData(true, null, 0, values, amounts, products, List.of(), null, null, s.budget());
    } else {
      Proposal p = s.budget().proposal(id).orElseThrow(() -> new NotFound("voorstel " + id));
      StoredProposal row = s.row(id).orElseThrow(() -> new NotFound("voorstel " + id));
      data = new FormData(false, id, row.revision(), values(p), Workspace.amountsText(p, s.budget().version().years()), p.products(),
          p.rule() == Proposal.Rule.ENTERED ? List.of() : List.of(new FieldError("form", v.t("proposal.computed"), v.t("proposal.computed"))),
          null, null, s.budget());
    }
    render(ctx, "proposalForm.jte", v, data);
  }

  private static Map<String, String> values(Proposal p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("unit", p.unit());
    m.put("title", p.title());
    m.put("side", p.side().name().toLowerCase(Locale.ROOT));
    m.put("nature", p.nature() == null ? "" : p.nature().code());
    m.put("category", p.category() == null ? "" : p.category());
    m.put("explanation", p.explanation() == null ? "" : p.explanation());
    return m;
  }

  /** Reads the proposal form as a draft. */
  static ProposalDraft draft(Context ctx, List<Integer> years) {
    Map<Integer, String> amounts = new LinkedHashMap<>();
    for (int y : years) {
      amounts.put(y, Optional.ofNullable(ctx.formParam("amount." + y)).orElse(""));
    }
    return new ProposalDraft(ctx.formParam("id"), ctx.formParam("unit"), ctx.formParam("title"), ctx.formParam("side"),
        ctx.formParam("nature"), ctx.formParam("category"), ctx.formParams("products"), amounts, ctx.formParam("explanation"));
  }

  void proposalSubmit(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParamMap().containsKey("proposal") ? ctx.pathParam("proposal") : null;
    I18n t = I18n.of(lang(ctx));
    List<Integer> years = s.budget().version().years();
    ProposalDraft draft = draft(ctx, years);
    int revision = parseInt(ctx.formParam("revision"));
    String action = ctx.formParam("action");
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : List.of("id", "unit", "title", "side", "nature", "category", "explanation", "author")) {
      values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
    }
    if (id != null) {
      values.put("id", id);
    }
    View v = view(ctx, s, id == null ? t.t("proposal.new") : t.t("proposal.edit") + " " + id);
    List<String> products = ctx.formParams("products");
    if ("preview".equals(action)) {
      Workspace.Preview preview = workspace.preview(s.slug(), id, draft);
      String html = previewHtml(v, preview);
      if (htmx(ctx)) {
        ctx.html(html);
        return;
      }
      List<FieldError> errors = preview instanceof Workspace.Preview.Invalid inv ? inv.errors() : List.of();
      render(ctx, "proposalForm.jte", v, new FormData(id == null, id, revision, values, draft.amounts(), products, errors, html, null, s.budget()));
      return;
    }
    String actor = actor(ctx);
    EditResult result = id == null ? workspace.createProposal(s.slug(), draft, actor)
        : workspace.changeProposal(s.slug(), id, revision, draft, actor);
    if (result instanceof EditResult.Saved saved) {
      ctx.redirect(v.v("/voorstel/" + View.enc(saved.id()) + "?opgeslagen=1"), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (result instanceof EditResult.Invalid invalid) {
      ctx.status(422);
      render(ctx, "proposalForm.jte", v, new FormData(id == null, id, revision, values, draft.amounts(), products, invalid.errors(), null, null, s.budget()));
    } else if (result instanceof EditResult.Conflict conflict) {
      ctx.status(409);
      render(ctx, "proposalForm.jte", v, new FormData(false, id, conflict.currentRevision(), values, draft.amounts(), products, List.of(), null, conflict, s.budget()));
    } else if (result instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
  }

  void withdraw(Context ctx, boolean withdrawn) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParam("proposal");
    EditResult result = workspace.setWithdrawn(s.slug(), id, parseInt(ctx.formParam("revision")), withdrawn, actor(ctx));
    View v = view(ctx, s, id);
    if (result instanceof EditResult.Saved saved) {
      ctx.redirect(v.v("/voorstel/" + View.enc(id) + (withdrawn ? "?ingetrokken=1" : "?teruggezet=1")), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (result instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    } else if (result instanceof EditResult.Invalid invalid) {
      ctx.status(422);
      Proposal p = anyProposal(s, id);
      render(ctx, "proposal.jte", v, proposalData(s, v, p, s.row(id).orElse(null), invalid.errors()));
    } else if (result instanceof EditResult.Conflict conflict) {
      ctx.status(409);
      Proposal p = anyProposal(s, id);
      render(ctx, "proposal.jte", v, proposalData(s, v, p, s.row(id).orElse(null),
          List.of(new FieldError("form", I18n.NL.t("conflict.title") + " (" + conflict.by() + ")", I18n.EN.t("conflict.title") + " (" + conflict.by() + ")"))));
    }
  }

  static int parseInt(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The effect of an edit as HTML: balancing item, Tabel 1 and each province, before and after. */
  String previewHtml(View v, Workspace.Preview preview) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", v);
    params.put("p", preview);
    return templates.render("preview.jte", params);
  }

  void annex(Context ctx) {
    Snapshot s = snapshot(ctx);
    List<Integer> years = s.budget().version().years();
    int year = parseInt(ctx.queryParam("jaar"));
    if (ctx.queryParam("jaar") != null && !years.contains(year)) {
      throw new NotFound("Bijlage 1 voor jaar " + ctx.queryParam("jaar") + " (deze begroting loopt van " + years.get(0) + " tot en met "
          + years.get(years.size() - 1) + ")");
    }
    if (!years.contains(year)) {
      year = s.budget().version().budgetYear();
      if (!years.contains(year)) {
        year = years.get(0);
      }
    }
    View v = view(ctx, s, I18n.of(lang(ctx)).t("annex.title"));
    render(ctx, "tables.jte", v, new TablesData(v.t("annex.title") + " " + year, List.of(),
        List.of(v.table("bijlage-1-" + year)), years, year, v.v("/bijlage-1")));
  }

  void provinces(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("nav.provinces"));
    render(ctx, "provinces.jte", v, null);
  }

  void province(Context ctx) {
    Snapshot s = snapshot(ctx);
    Member m = s.budget().members().stream()
        .filter(x -> x.id().equalsIgnoreCase(ctx.pathParam("member")) || x.name().equalsIgnoreCase(ctx.pathParam("member")))
        .findFirst().orElseThrow(() -> new NotFound("provincie " + ctx.pathParam("member")));
    View v = view(ctx, s, I18n.of(lang(ctx)).t("province.title") + " " + m.name());
    List<Integer> years = s.budget().version().years();
    Table annex0 = s.document().table("bijlage-1-" + years.get(0)).orElseThrow();
    // one table: per year (rows), the member's figure per annex column
    List<Table.Column> columns = annex0.columns().stream().filter(c -> !c.id().equals("share")).toList();
    List<Table.Row> rows = new ArrayList<>();
    for (int y : years) {
      List<Table.Cell> cells = new ArrayList<>();
      for (Table.Column c : columns) {
        String fid = "bijlage-1-" + y + "/" + m.id() + "/" + c.id();
        cells.add(s.document().graph().find(fid).isPresent() ? Table.Cell.figure(fid) : Table.Cell.EMPTY);
      }
      rows.add(new Table.Row(String.valueOf(y), String.valueOf(y), Table.Style.LINE, cells));
    }
    Table perYear = new Table("provincie-" + m.id(), v.t("province.columns") + ": " + m.name(), 100_000, columns, rows);
    String share = s.budget().key(s.budget().annex().keyId()).map(k -> k.sharesPercent().get(m.id()))
        .map(nl.begroot.core.text.Dutch::percent).orElse("");
    // Bijlage 1 prints the share after division by the key's sum (a key rounded for print adds up
    // to 100,02 %): show that figure too, so the two pages do not seem to disagree
    Table.Row annexRow = annex0.row(m.id());
    int shareColumn = annex0.columnIndex("share");
    if (annexRow != null && shareColumn >= 0 && annexRow.cells().get(shareColumn).percent() != null) {
      String printed = nl.begroot.core.text.Dutch.percent(annexRow.cells().get(shareColumn).percent());
      if (!printed.equals(share)) {
        share = share + " (" + printed + " " + I18n.of(lang(ctx)).t("province.share.normalised") + ")";
      }
    }
    render(ctx, "province.jte", v, new ProvinceData(m, share, "", List.of(v.table(perYear))));
  }

  void simpleTable(Context ctx, String tableId, String titleKey) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t(titleKey));
    render(ctx, "tables.jte", v, new TablesData(v.t(titleKey), List.of(), List.of(v.table(tableId)), List.of(), 0, null));
  }

  void figure(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = Optional.ofNullable(ctx.queryParam("id")).orElse("");
    View v = view(ctx, s, I18n.of(lang(ctx)).t("explain.title"));
    var explainer = s.explainer();
    Optional<Figure> f = id.length() > 500 ? Optional.empty() : explainer.resolve(id);
    FigureData data;
    if (f.isEmpty()) {
      ctx.status(404);
      data = new FigureData(id, null, null, null, List.of(), null, id.length() > 500 ? List.of() : explainer.suggestions(id, 5), null);
    } else {
      Explanation e = explainer.explain(f.get());
      String printed = e.printed() == null ? null : nl.begroot.core.text.Dutch.whole(e.printed()) + (e.inThousands() ? " (x € 1.000)" : "");
      String proposalId = e.figure().origin() instanceof nl.begroot.core.figures.Origin.Entered en ? en.proposal()
          : e.figure().origin() instanceof nl.begroot.core.figures.Origin.Component co ? co.proposal() : null;
      data = new FigureData(f.get().id(), e, View.euros(f.get().cents()), printed, e.parts(), e.basis(), List.of(), proposalId);
    }
    boolean panel = "1".equals(ctx.queryParam("paneel")) || htmx(ctx);
    render(ctx, panel ? "figurePanel.jte" : "figure.jte", v, data);
  }

  void audit(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("audit.title"));
    render(ctx, "audit.jte", v, s.audit());
  }

  void glossary(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("glossary.title"));
    render(ctx, "glossary.jte", v, s.budget().glossary());
  }

  void changes(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("changes.title"));
    List<Change> changes = workspace.store().changes(s.version().id(), 200);
    render(ctx, "changes.jte", v, changes);
  }

  void search(Context ctx) {
    Snapshot s = snapshot(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    View v = view(ctx, s, I18n.of(lang(ctx)).t("search"));
    render(ctx, "search.jte", v, new SearchData(q, Search.find(s, v, q)));
  }

  void versions(Context ctx) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    render(ctx, "versions.jte", v, new VersionsData(List.of(), List.of(), "", ""));
  }

  void copyVersion(Context ctx) {
    String from = Optional.ofNullable(ctx.formParam("from")).orElse("");
    String name = ctx.formParam("name");
    EditResult r = workspace.copy(from, name, actor(ctx));
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect("/v/" + View.enc(saved.id()), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(inv.errors(), List.of(), name == null ? "" : name, ""));
    } else if (r instanceof EditResult.NotFound nf) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("from", "Versie '" + nf.what() + "' bestaat niet.",
          "Version '" + nf.what() + "' does not exist.")), List.of(), name == null ? "" : name, ""));
    } else if (r instanceof EditResult.Conflict c) {
      throw new IllegalStateException("copy cannot conflict");
    }
  }

  void importVersion(Context ctx) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    String name = ctx.formParam("name");
    var file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      ctx.status(422);
      FieldError error = file == null || file.filename() == null || file.filename().isBlank()
          ? new FieldError("file", "Kies een begrotingsbestand.", "Choose a budget file.")
          : new FieldError("file", "Het bestand " + file.filename() + " is leeg.", "The file " + file.filename() + " is empty.");
      render(ctx, "versions.jte", v, new VersionsData(List.of(error),
          List.of(), "", name == null ? "" : name));
      return;
    }
    String text;
    try (var in = file.content()) {
      byte[] bytes = in.readNBytes(Api.MAX_IMPORT_BYTES + 1);
      if (bytes.length > Api.MAX_IMPORT_BYTES) {
        ctx.status(413);
        render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("file", "Het bestand is groter dan 16 MB.", "The file is larger than 16 MB.")),
            List.of(), "", name == null ? "" : name));
        return;
      }
      text = Api.utf8(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (text == null) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("file", "Het bestand is geen UTF-8-tekst.", "The file is not UTF-8 text.")),
          List.of(), "", name == null ? "" : name));
      return;
    }
    Workspace.ImportResult r = workspace.importFile(name, file.filename(), text, actor(ctx));
    if (r.slug() != null) {
      ctx.redirect("/v/" + View.enc(r.slug()), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(422);
    render(ctx, "versions.jte", v, new VersionsData(r.error() == null ? List.of() : List.of(r.error()), r.problems(), "", name == null ? "" : name));
  }

  void importWorkbook(Context ctx, Downloads downloads) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    Downloads.Result r = downloads.importWorkbook(ctx);
    if (r.slug() != null) {
      ctx.redirect("/v/" + View.enc(r.slug()), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(422);
    List<FieldError> errors = new ArrayList<>(r.errors());
    r.problems().forEach(p -> errors.add(new FieldError("xlsx", p, p)));
    render(ctx, "versions.jte", v, new VersionsData(errors, List.of(), "", ""));
  }

  void deleteVersion(Context ctx) {
    String slug = ctx.pathParam("version");
    EditResult r = workspace.delete(slug);
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(inv.errors(), List.of(), "", ""));
      return;
    }
    if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
    ctx.redirect("/versies", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void export(Context ctx) {
    String slug = ctx.pathParam("version");
    String text = workspace.export(slug).orElseThrow(() -> new NotFound("versie " + slug));
    ctx.header("Content-Disposition", "attachment; filename=\"" + slug + ".yaml\"");
    ctx.contentType("application/yaml; charset=utf-8");
    ctx.result(text);
  }

  void compare(Context ctx) {
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    View v = view(ctx, null, I18n.of(lang(ctx)).t("compare.title"));
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      render(ctx, "compare.jte", v, new CompareData(a == null ? Workspace.FRAME : a, b == null ? Workspace.CONCEPT : b, null, null));
      return;
    }
    Optional<Comparison> c = workspace.compare(a, b);
    if (c.isEmpty()) {
      ctx.status(404);
      render(ctx, "compare.jte", v, new CompareData(a, b, null, null));
      return;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", v);
    params.put("c", c.get());
    params.put("proposals", true);
    params.put("labelA", workspace.store().version(a).map(x -> x.name()).orElse(a));
    params.put("labelB", workspace.store().version(b).map(x -> x.name()).orElse(b));
    render(ctx, "compare.jte", v, new CompareData(a, b, c.get(), templates.render("comparisonTables.jte", params)));
  }

  void keys(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("keys.title"));
    render(ctx, "keys.jte", v, new KeysData(s.budget().keys(), ctx.queryParam("wijzig"), Map.of(), List.of(), null, s.version().revision()));
  }

  void keySubmit(Context ctx) {
    Snapshot s = snapshot(ctx);
    String keyId = ctx.pathParam("key");
    Map<String, String> shares = new LinkedHashMap<>();
    for (Member m : s.budget().members()) {
      String value = ctx.formParam("share." + m.id());
      if (value != null) {
        shares.put(m.id(), value);
      }
    }
    EditResult r = workspace.changeKey(s.slug(), keyId, shares, parseInt(ctx.formParam("revision")), actor(ctx));
    View v = view(ctx, s, I18n.of(lang(ctx)).t("keys.title"));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect(v.v("/sleutels?opgeslagen=1"), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      render(ctx, "keys.jte", v, new KeysData(s.budget().keys(), keyId, shares, inv.errors(), null, parseInt(ctx.formParam("revision"))));
    } else if (r instanceof EditResult.Conflict c) {
      ctx.status(409);
      render(ctx, "keys.jte", v, new KeysData(s.budget().keys(), keyId, shares, List.of(), c, c.currentRevision()));
    } else if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
  }
}
