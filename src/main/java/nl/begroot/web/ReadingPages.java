package nl.begroot.web;

import nl.begroot.render.Charts;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.pipeline.ProgrammeChart;
import nl.begroot.core.model.Unit;
import nl.begroot.store.Change;
import nl.begroot.store.StoredProposal;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/** The pages that read a version: overview, programmes, proposals, Bijlage 1, the other tables, a figure's lineage, glossary, change log and search. */
final class ReadingPages extends Pages {
  ReadingPages(Shared shared) {
    super(shared);
  }

  /** The concept for whoever may read it; otherwise the versions the visitor may read (and a way to sign in). */
  void home(Context ctx) {
    String concept = workspace.conceptOf(organisation(ctx, null)).orElse(Workspace.CONCEPT);
    boolean readable = workspace.version(concept).map(v -> nl.begroot.core.access.Access.allows(actor(ctx),
        nl.begroot.core.access.Permission.READ_VERSION, Workspace.scope(v))).orElse(false);
    ctx.redirect(readable ? "/v/" + View.enc(concept) : "/versies");
  }

  /** The organisations of this installation, each a link that selects it ({@code /organisaties}). */
  void organisations(Context ctx) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("organisations.title"));
    render(ctx, "organisations.jte", v, null);
  }

  /** Selects an organisation for the pages that are not about one version (kept in a cookie), then its home. */
  void chooseOrganisation(Context ctx) {
    String slug = ctx.pathParam("org");
    if (workspace.organisation(slug).isEmpty()) {
      throw new NotFound("organisatie " + slug);
    }
    ctx.cookie(new io.javalin.http.Cookie(ORGANISATION_COOKIE, slug, "/", 60 * 60 * 24 * 365, false, false, null,
        io.javalin.http.SameSite.LAX));
    ctx.redirect("/");
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
      saldo[y] = s.document().graph().find(FigureIds.tabel1("new.saldo", years.get(y))).map(Figure::cents).orElse(0L);
    }
    View v = view(ctx, s, I18n.of(lang(ctx)).t("overview.title"));
    List<String> groups = years.stream().map(String::valueOf).toList();
    // the chart data is the core's, the same the published document draws (overhead view left out)
    List<Charts.Series> lasten = new ArrayList<>();
    List<Charts.Series> baten = new ArrayList<>();
    List<Table.Row> rows = new ArrayList<>();
    List<Table.Row> batenRows = new ArrayList<>();
    for (Side side : List.of(Side.LASTEN, Side.BATEN)) {
      boolean l = side == Side.LASTEN;
      List<Table.Row> into = l ? rows : batenRows;
      into.add(new Table.Row(l ? "section:lasten" : "section:baten", v.t(l ? "side.lasten" : "side.baten"), Table.Style.SECTION, List.of()));
      for (ProgrammeChart.Series p : s.computed().programmeChart(side).series()) {
        (l ? lasten : baten).add(new Charts.Series(p.label(), p.thousands()));
        List<Table.Cell> cells = p.figureIds().stream().map(id -> id == null ? Table.Cell.EMPTY : Table.Cell.figure(id)).toList();
        into.add(new Table.Row((l ? "lasten." : "baten.") + p.programme().id(), p.label(), Table.Style.LINE, cells));
      }
    }
    rows.addAll(batenRows);
    Programme overhead = s.computed().programmeChart(Side.LASTEN).overheadLeftOut();
    String alt = v.t("overview.chart.alt")
        + (overhead == null ? "" : " " + v.t("overview.chart.overhead").replace("{programme}", overhead.id() + ". " + overhead.title()));
    String svg = chartFigure("grafiek-lasten", v.t("side.lasten") + " " + v.t("overview.chart.per"), alt, groups, lasten)
        + chartFigure("grafiek-baten", v.t("side.baten") + " " + v.t("overview.chart.per"), alt, groups, baten);
    List<Table.Column> columns = years.stream().map(y -> new Table.Column(String.valueOf(y), String.valueOf(y))).toList();
    Table chartTable = new Table("grafiek", v.t("overview.chart"), 100_000, columns, rows);
    List<String> notes = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      long frameSaldo = s.document().graph().find(FigureIds.tabel1("frame.saldo", years.get(y))).map(Figure::cents).orElse(0L);
      if (frameSaldo != 0) {
        notes.add(v.t("overview.unbalanced").replace("{year}", String.valueOf(years.get(y))).replace("{amount}", v.euro(frameSaldo)));
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
          breakdowns.add(v.table(FigureIds.breakdownTable(x.id())));
        }
      }
    }
    render(ctx, "programme.jte", v, new ProgrammeData(p, units, v.table(FigureIds.programmeTable(p.id())), breakdowns));
  }

  void proposal(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParam("proposal");
    StoredProposal row = s.row(id).orElse(null);
    Proposal proposal = anyProposal(s, id);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("proposal") + " " + proposal.title());
    render(ctx, "proposal.jte", v, proposalData(s, v, proposal, row, List.of()));
  }

  static ProposalData proposalData(Snapshot s, View v, Proposal proposal, StoredProposal row, List<FieldError> errors) {
    Programme programme = s.budget().programmeOfUnit(proposal.unit()).orElse(null);
    Unit unit = s.budget().unit(proposal.unit()).orElse(null);
    List<Integer> years = s.budget().version().years();
    List<String> cells = new ArrayList<>();
    List<String> figures = new ArrayList<>();
    boolean active = s.budget().proposal(proposal.id()).isPresent();
    int index = s.budget().proposals().indexOf(proposal);
    for (int y = 0; y < years.size(); y++) {
      String fid = programme == null ? null : FigureIds.programme(programme.id(), proposal.id(), years.get(y));
      boolean figure = active && fid != null && s.document().graph().find(fid).isPresent();
      figures.add(figure ? fid : null);
      long cents = active && index >= 0 ? s.document().computation().line(index).cents(y) : proposal.amounts().cents(y);
      boolean pm = active && index >= 0 ? s.document().computation().line(index).isPm(y) : proposal.amounts().isPm(y);
      cells.add(pm ? "pm" : v.figures(View.amount(cents)));
    }
    String breakdown = active && proposal.breakdown() != null ? v.table(FigureIds.breakdownTable(proposal.id())) : "";
    return new ProposalData(proposal, row, programme, unit, years, cells, figures, breakdown, errors);
  }

  /** A proposal of the version, withdrawn ones included; 404 when there is none. */
  static Proposal anyProposal(Snapshot s, String id) {
    return s.anyProposal(id).orElseThrow(() -> new NotFound("voorstel " + id));
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
        List.of(v.table(FigureIds.annexTable(year))), years, year, v.v("/bijlage-1")));
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
      String printed = e.printed() == null ? null : v.whole(e.printed()) + (e.inThousands() ? " (" + PageNumbers.unit(v.lang(), false, true) + ")" : "");
      String proposalId = e.figure().origin() instanceof nl.begroot.core.figures.Origin.Entered en ? en.proposal()
          : e.figure().origin() instanceof nl.begroot.core.figures.Origin.Component co ? co.proposal() : null;
      data = new FigureData(f.get().id(), e, v.euro(f.get().cents()), printed, e.parts(), e.basis(), List.of(), proposalId);
    }
    boolean panel = "1".equals(ctx.queryParam("paneel")) || htmx(ctx);
    render(ctx, panel ? "figurePanel.jte" : "figure.jte", v, data);
  }

  void glossary(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("glossary.title"));
    render(ctx, "glossary.jte", v, s.budget().glossary());
  }

  void changes(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("changes.title"));
    Long before = ChangePages.cursor(ctx.queryParam("voor"), "voor");
    nl.begroot.store.AuditLog.Filter filter = ChangePages.pageFilter(ctx);
    List<Change> page = workspace.log().entries(filter.withVersion(s.version().id()), before, ChangePages.PAGE + 1);
    render(ctx, "changes.jte", v, ChangePages.of(page, before, filter, LogPages.live(workspace, actor(ctx)), v.names()));
  }

  void search(Context ctx) {
    Snapshot s = snapshot(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    View v = view(ctx, s, I18n.of(lang(ctx)).t("search"));
    render(ctx, "search.jte", v, new SearchData(q, Search.find(s, v, q)));
  }
}
