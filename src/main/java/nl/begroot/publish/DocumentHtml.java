package nl.begroot.publish;

import nl.begroot.render.Charts;
import static nl.begroot.publish.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.figures.Narratives.Place;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.GlossaryEntry;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.pipeline.ProgrammeChart;
import nl.begroot.core.model.Unit;
import nl.begroot.core.text.Dutch;

/**
 * The whole budget document as one XHTML page, structured like the IPO's Conceptbegroting: cover,
 * contents, foreword, reader's guide, summary with Tabel 1, a chapter per programme (its units'
 * narrative, its I/II/III table, its breakdowns and the explanation of each proposal), the
 * pass-through budget, Bijlage 1 and Bijlage 2. The unit narrative and the explanations come from
 * the budget file; the connecting text is written here once, in our own words, and filled with
 * the computed figures. The same page is the HTML file and (with the print stylesheet) the PDF.
 */
final class DocumentHtml {
  private final Publication pub;
  private final Budget budget;
  private final Narratives narratives;
  private final boolean forPdf;
  private final java.time.LocalDate published; // the date on the cover: the version's own (null: none)
  private final Outline outline = new Outline();
  private final Set<String> printedTables = new LinkedHashSet<>();
  private final StringBuilder body = new StringBuilder(200_000);

  private DocumentHtml(Publication pub, boolean forPdf) {
    this.published = pub.date();
    this.pub = pub;
    this.budget = pub.budget();
    this.narratives = Narratives.of(pub.document());
    this.forPdf = forPdf;
  }

  /** The document as XHTML; {@code forPdf} adds page references, bookmarks and the print stylesheet. */
  static String render(Publication pub, boolean forPdf) {
    return new DocumentHtml(pub, forPdf).build();
  }

  /** The ids of the tables the document prints, in order (for tests and the workbook). */
  static List<String> tableIds(Publication pub) {
    DocumentHtml d = new DocumentHtml(pub, false);
    d.build();
    return List.copyOf(d.printedTables);
  }

  private String title() {
    return budget.version().title() + " " + budget.organisation().name();
  }

  private String build() {
    cover();
    foreword();
    readersGuide();
    summary();
    for (Programme p : budget.programmes()) {
      programme(p);
    }
    passThrough();
    annex1();
    annex2();
    StringBuilder out = new StringBuilder(body.length() + 40_000);
    String description = "De " + budget.version().title() + " van de " + budget.organisation().name()
        + ": kader, begrotingsvoorstellen, nieuw kader en de bijdrage per lid, berekend door Begroot.";
    out.append(Html.head(title(), description, budget.organisation().name(), forPdf,
        forPdf ? outline.bookmarks() + Html.runningFooter(budget.version().title() + " " + budget.organisation().shortName()) : null));
    out.append("<body>\n");
    int tocAt = body.indexOf("<!--toc-->");
    out.append(body, 0, tocAt).append(outline.contents()).append(body, tocAt + "<!--toc-->".length(), body.length());
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private void chapter(String id, String heading) {
    chapter(id, heading, "chapter");
  }

  private void chapter(String id, String heading, String classes) {
    body.append("<section class=\"").append(classes).append("\" id=\"").append(esc(id)).append("\" aria-labelledby=\"").append(esc(id)).append("-h\">\n")
        .append("<h1 id=\"").append(esc(id)).append("-h\">").append(esc(heading)).append("</h1>\n");
    outline.add(id, heading, true);
  }

  private void endChapter() {
    body.append("</section>\n");
  }

  private void h2(String id, String heading, boolean inToc) {
    body.append("<h2 id=\"").append(esc(id)).append("\">").append(esc(heading)).append("</h2>\n");
    if (inToc) {
      outline.add(id, heading, false);
    }
  }

  /** A paragraph of the document's own words (amounts kept with their euro sign, ids replaced by names). */
  private void p(String text) {
    body.append("<p>").append(prose(text)).append("</p>\n");
  }

  private String prose(String text) {
    return Html.prose(Html.namesForIds(budget, text));
  }

  /**
   * A narrative text of the file as HTML: paragraphs at blank lines, lines that start with "- " as
   * the items of a list (a line that does not continues the item or paragraph before it).
   */
  private void blocks(Place place, String text) {
    String rendered = narratives.render(place, text);
    for (String block : rendered.strip().split("\\n\\s*\\n")) {
      List<String> items = new ArrayList<>();
      StringBuilder para = new StringBuilder();
      for (String line : block.split("\\n")) {
        String l = line.strip();
        if (l.startsWith("- ")) {
          if (para.length() > 0) {
            p(para.toString());
            para.setLength(0);
          }
          items.add(l.substring(2).strip());
        } else if (!items.isEmpty() && !l.isEmpty()) {
          items.set(items.size() - 1, items.get(items.size() - 1) + " " + l);
        } else if (!l.isEmpty()) {
          para.append(para.length() > 0 ? " " : "").append(l);
        }
      }
      if (para.length() > 0) {
        p(para.toString());
      }
      if (!items.isEmpty()) {
        body.append("<ul class=\"priorities\">\n");
        for (String item : items) {
          body.append("<li>").append(prose(item)).append("</li>\n");
        }
        body.append("</ul>\n");
      }
    }
  }

  private void heading(String level, String heading) {
    body.append("<").append(level).append(">").append(esc(heading)).append("</").append(level).append(">\n");
  }

  private void table(String tableId, boolean wide) {
    Table t = pub.document().table(tableId).orElseThrow(() -> new IllegalStateException("no table " + tableId));
    body.append(Html.table(pub, t, wide)).append('\n');
    printedTables.add(tableId);
  }

  // ---- the parts of the document ----

  private void cover() {
    var v = budget.version();
    List<Integer> years = v.years();
    body.append(Html.cover(budget.organisation().name(), v.title(), "Begrotingsjaar " + v.budgetYear() + " en meerjarenraming "
        + years.get(0) + "–" + years.get(years.size() - 1), status(v.phase()), published, null)).append("<!--toc-->\n");
  }

  /** The status on the cover, in words. */
  static String status(nl.begroot.core.model.Version.Phase phase) {
    return switch (phase) {
      case CONCEPT -> "Concept, ter bespreking met de leden";
      case ADOPTED -> "Vastgesteld";
      case MID_YEAR -> "Tussenrapportage";
      case ACCOUNTS -> "Jaarrekening";
    };
  }

  private void foreword() {
    int year = pub.budgetYear();
    chapter("voorwoord", "Voorwoord");
    long newLasten = pub.cents(FigureIds.tabel1("new.lasten", year));
    long frameLasten = pub.cents(FigureIds.tabel1("frame.lasten", year));
    p("Voor u ligt de " + budget.version().title() + " van de " + budget.organisation().name() + ". Zij zegt wat de vereniging in "
        + year + " en de jaren daarna wil doen, wat dat kost en wat de leden daaraan bijdragen. De leden krijgen haar vroeg, zodat zij "
        + "de uitkomst tijdig in hun eigen begroting kunnen opnemen.");
    p("Het vertrekpunt is het laatst vastgestelde kader: € " + Html.millions(frameLasten) + " miljoen aan lasten in " + year
        + ". Met de begrotingsvoorstellen in deze begroting komt het nieuwe kader uit op € " + Html.millions(newLasten)
        + " miljoen. " + contributionSentence(year));
    p("Elk bedrag in dit document is uit dezelfde gegevens berekend en is terug te voeren op de voorstellen waar het uit voortkomt. "
        + "Het bestuur legt deze begroting graag aan de leden voor.");
    endChapter();
  }

  private String contributionSentence(int year) {
    Proposal balancing = balancingLine();
    if (balancing == null) {
      return "";
    }
    String id = figureOf(balancing, year);
    long change = pub.thousands(id);
    String direction = change >= 0 ? "stijgt" : "daalt";
    String unit = budget.unit(balancing.unit()).map(Unit::title).orElse(balancing.unit());
    return "De bijdrage van de leden " + direction + " daardoor in " + year + " met € " + Dutch.whole(Math.abs(change))
        + " duizend (" + balancing.title() + ", onder " + unit + "); Bijlage 1 laat zien wat dat voor elk lid betekent.";
  }

  private Proposal balancingLine() {
    return budget.proposals().stream().filter(p -> p.rule() == Proposal.Rule.BALANCING).findFirst().orElse(null);
  }

  private String figureOf(Proposal p, int year) {
    Programme programme = budget.programmeOfUnit(p.unit()).orElseThrow();
    return FigureIds.programme(programme.id(), p.id(), year);
  }

  private void readersGuide() {
    var v = budget.version();
    chapter("leeswijzer", "Leeswijzer");
    h2("leeswijzer-doel", "Doel van deze begroting", false);
    p("De " + v.title() + " legt de basis voor de begroting van " + v.budgetYear() + " en geeft de leden vroeg inzicht in wat de "
        + "vereniging hun zal kosten. Zij bevat de wijzigingen ten opzichte van het laatst vastgestelde kader, voor zover die nu te "
        + "voorzien zijn.");
    h2("leeswijzer-opzet", "Opzet", false);
    p("De begroting volgt de indeling in programma’s (delen) van de verenigingsbegroting:");
    body.append("<ol>\n");
    for (Programme pr : budget.programmes()) {
      body.append("<li>").append(esc(pr.title())).append("</li>\n");
    }
    body.append("</ol>\n");
    p("Per programma beschrijven we per unit wat er sinds de vorige begroting is veranderd en waar de vereniging op inzet. Daarna "
        + "volgt de tabel van het programma in drie delen: I. " + v.frameTitle() + " (het vertrekpunt), II. " + v.proposalsTitle()
        + " (de wijzigingen, eerst de lasten, dan de baten) en III. " + v.newFrameTitle() + " (I en II samen). Onder de tabel "
        + "lichten we elk voorstel toe.");
    h2("leeswijzer-bedragen", "Bedragen", false);
    p("Bedragen in de tabellen zijn in duizenden euro’s (x € 1.000), tenzij anders vermeld. Elk bedrag is exact tot op de cent "
        + "berekend en daarna zo afgerond dat elk totaal precies de som is van de afgedrukte delen. Een negatief bedrag is een "
        + "verlaging. ‘pm’ (pro memorie) staat voor een bedrag dat nog niet bekend is; het telt als nul.");
    endChapter();
  }

  private void summary() {
    int year = pub.budgetYear();
    List<Integer> years = budget.version().years();
    chapter("samenvatting", "Samenvatting");
    h2("financieel-beeld", "Financieel beeld", true);
    p("Tabel 1 toont het begrotingsvolume van de vereniging voor " + years.get(0) + " tot en met " + years.get(years.size() - 1)
        + ": het vertrekpunt (I), de begrotingsvoorstellen per programma (II) en het nieuwe kader (III).");
    table(FigureIds.TABEL_1, false);
    body.append("<ol class=\"note\">\n")
        .append("<li>").append(prose("Het vertrekpunt is het laatst vastgestelde kader (omvang in " + year + ": € "
            + Html.millions(pub.cents(FigureIds.tabel1("frame.lasten", year))) + " miljoen).")).append("</li>\n")
        .append("<li>").append(prose("De begrotingsvoorstellen staan per programma toegelicht; hun totaal staat onder II.")).append("</li>\n")
        .append("<li>").append(prose("Vertrekpunt plus voorstellen geeft het nieuwe kader: afgerond € "
            + Html.millions(pub.cents(FigureIds.tabel1("new.lasten", year))) + " miljoen in " + year + ".")).append("</li>\n");
    for (int y : years) {
      long saldo = pub.cents(FigureIds.tabel1("frame.saldo", y));
      if (saldo != 0) {
        // the frame as entered does not balance: say so under the table instead of leaving a bare -1
        body.append("<li>").append(prose("Het kader sluit in " + y + " niet: lasten min baten is " + Html.money(saldo)
            + ". De bedragen van het kader zijn overgenomen uit afgeronde cijfers; het verschil blijft in het saldo staan "
            + "en wordt niet door de bijdrage van de leden gedekt.")).append("</li>\n");
      }
    }
    body.append("</ol>\n");
    programmeCharts();
    if (pub.document().table("structureel").isPresent()) {
      h2("structureel-incidenteel", "Structureel en incidenteel", true);
      p("Structurele lasten horen structureel gedekt te zijn. De tabel splitst de wijzigingen in structurele en incidentele; de "
          + "laatste regel toont structurele lasten die op incidentele middelen leunen.");
      table("structureel", false);
    }
    h2("bijdrage-per-lid", "Bijdrage per lid", true);
    p("Voor hun eigen begroting moeten de leden tijdig weten hoe hoog hun bijdrage wordt. " + contributionSentence(year)
        + " Elk lid krijgt daarnaast een overzicht op één pagina met zijn eigen bedragen.");
    memberChart(year);
    endChapter();
  }

  /** The change of each member's contribution in the budget year, as a chart (Bijlage 1's total column). */
  private void memberChart(int year) {
    Annex annex = budget.annex();
    List<String> labels = new ArrayList<>();
    long[] values = new long[budget.members().size()];
    int i = 0;
    String maxName = "";
    long maxValue = Long.MIN_VALUE;
    for (Member m : budget.members()) {
      labels.add(m.name());
      values[i] = FigureIds.memberTotal(budget, year, m.id()).map(pub::thousands).orElse(0L);
      if (values[i] > maxValue) {
        maxValue = values[i];
        maxName = m.name();
      }
      i++;
    }
    String title = "Wijziging bijdrage per lid in " + year;
    String alt = "Staafdiagram: de wijziging van de bijdrage van elk lid in " + year + " in duizenden euro’s (kolom "
        + annex.totalColumn().map(Annex.Column::title).orElse("") + " van Bijlage 1). De grootste wijziging heeft "
        + maxName + " met " + Dutch.whole(maxValue) + ".";
    chart("grafiek-bijdrage", title, alt, Charts.horizontalBars("grafiek-bijdrage-svg", title, alt, labels, values));
  }

  /**
   * Lasten and baten of the new frame per programme over the years, as charts with their tables:
   * the core's {@link ProgrammeChart} (the overhead view left out), the same data as the web's.
   */
  private void programmeCharts() {
    List<Integer> years = budget.version().years();
    List<String> categories = years.stream().map(String::valueOf).toList();
    for (Side sideOf : List.of(Side.LASTEN, Side.BATEN)) {
      String side = sideOf == Side.LASTEN ? "lasten" : "baten";
      ProgrammeChart data = pub.computed().programmeChart(sideOf);
      List<Charts.Series> series = new ArrayList<>();
      List<Table.Row> rows = new ArrayList<>();
      long max = Long.MIN_VALUE;
      String maxLabel = "";
      for (ProgrammeChart.Series s : data.series()) {
        long[] values = s.thousands();
        List<Table.Cell> cells = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
          cells.add(s.figureIds().get(y) == null ? Table.Cell.EMPTY : Table.Cell.figure(s.figureIds().get(y)));
          if (values[y] > max) {
            max = values[y];
            maxLabel = s.label() + " (" + Dutch.whole(values[y]) + " in " + years.get(y) + ")";
          }
        }
        series.add(new Charts.Series(s.label(), values));
        rows.add(new Table.Row(s.programme().id(), s.label(), Table.Style.LINE, cells));
      }
      String title = ("lasten".equals(side) ? "Lasten" : "Baten") + " per programma, nieuw kader " + years.get(0) + "–"
          + years.get(years.size() - 1);
      String alt = "Staafdiagram: de " + side + " van het nieuwe kader per programma en per jaar, in duizenden euro’s. Het hoogste "
          + "bedrag heeft " + maxLabel + ". "
          + (data.overheadLeftOut() != null ? "Bedrijfsvoering ontbreekt: die lasten zitten al in de andere programma’s. " : "")
          + "De tabel hieronder geeft alle bedragen.";
      String chartId = "grafiek-" + side;
      chart(chartId, title, alt, Charts.groupedBars(chartId + "-svg", title, alt, categories, series));
      List<Table.Column> columns = years.stream().map(y -> new Table.Column(String.valueOf(y), String.valueOf(y))).toList();
      Table table = new Table("grafiek-" + side, title, 100_000, columns, rows);
      body.append(Html.table(pub, table, false)).append('\n');
    }
  }

  private void chart(String id, String title, String alt, String svg) {
    body.append("<figure class=\"begroot-figure\" id=\"").append(esc(id)).append("\">\n<figcaption>").append(esc(title)).append("</figcaption>\n");
    body.append(forPdf ? Html.svgImage(svg, alt) : svg);
    body.append("\n<p class=\"chart-alt\">").append(esc(alt)).append("</p>\n</figure>\n");
  }

  private void programme(Programme programme) {
    var v = budget.version();
    String id = "programma-" + programme.id();
    chapter(id, programme.id() + ". " + programme.title());
    if (programme.intro() != null && !programme.intro().isBlank()) {
      p(narratives.render(Place.intro(programme), programme.intro()));
    }
    List<Proposal> lines = budget.proposals().stream()
        .filter(p -> budget.programmeOfUnit(p.unit()).map(pr -> pr.id().equals(programme.id())).orElse(false)).toList();
    for (Unit unit : programme.units()) {
      if (!unit.id().equals(programme.id())) {
        h2(id + "-unit-" + unit.id(), unit.id() + ". " + unit.title(), true);
      }
      // a programme of one unit has no unit heading: its texts' headings are one level up
      unitTexts(unit, lines.stream().filter(p -> p.unit().equals(unit.id())).toList(), unit.id().equals(programme.id()) ? "h2" : "h3");
    }
    h2(id + "-wijzigingen", "Opsomming wijzigingen binnen dit hoofdstuk", false);
    p("In de tabel hieronder staan de middelen van dit programma zoals laatst vastgesteld (I. " + v.frameTitle() + "), de "
        + "begrotingsvoorstellen (II. " + v.proposalsTitle() + ") en het nieuwe kader (III. " + v.newFrameTitle() + ").");
    if (programme.overheadView()) {
      p("De lasten van dit programma zijn al meegeteld in de andere programma’s; alleen de voorstellen onder II. komen daar in "
          + "Tabel 1 nog bij. In Bijlage 1 worden zij over de kolommen verdeeld.");
    }
    List<String> moved = new ArrayList<>();
    lines.stream().filter(Proposal::passThrough).forEach(p -> moved.addAll(p.passThroughItems()));
    if (!moved.isEmpty()) {
      p("Deze ramingen gaan over naar de Raming kassiersfunctie: " + String.join(", ", moved) + ".");
    }
    table(FigureIds.programmeTable(programme.id()), false);
    for (Proposal p : lines) {
      if (p.breakdown() != null) {
        table(FigureIds.breakdownTable(p.id()), false);
      }
    }
    endChapter();
  }

  /**
   * A unit's texts under the headings of the published budget: the older narrative without a
   * heading, then <i>Ontwikkelingen</i>, <i>Speerpunten</i> and <i>Financieel gevolg</i> (the unit's
   * proposals, each with its explanation; the figures follow in the programme's table).
   */
  private void unitTexts(Unit unit, List<Proposal> proposals, String level) {
    if (unit.narrative() != null && !unit.narrative().isBlank()) {
      blocks(Place.narrative(unit), unit.narrative());
    }
    if (unit.developments() != null && !unit.developments().isBlank()) {
      heading(level, "Ontwikkelingen");
      blocks(Place.developments(unit), unit.developments());
    }
    if (unit.priorities() != null && !unit.priorities().isBlank()) {
      heading(level, "Speerpunten");
      blocks(Place.priorities(unit), unit.priorities());
    }
    heading(level, "Financieel gevolg");
    if (proposals.isEmpty()) {
      p("Deze unit heeft geen begrotingsvoorstellen; zij heeft geen financiële gevolgen voor deze begroting.");
      return;
    }
    body.append("<dl class=\"proposals\">\n");
    for (Proposal p : proposals) {
      body.append("<dt>").append(esc(p.title())).append("</dt>\n<dd>");
      if (p.explanation() != null && !p.explanation().isBlank()) {
        body.append(prose(narratives.render(Place.explanation(p), p.explanation())));
      } else {
        body.append(prose("Zie de tabel van het programma."));
      }
      body.append("</dd>\n");
    }
    body.append("</dl>\n");
  }

  private void passThrough() {
    if (pub.document().table("kassiersfunctie").isEmpty()) {
      return;
    }
    chapter("kassiersfunctie", "Raming kassiersfunctie");
    p("Een deel van de uitgaven loopt niet via de verenigingsbegroting maar via de Raming kassiersfunctie: de vereniging int het "
        + "geld bij de leden en geeft het door aan derden. De tabel toont welke ramingen in deze begroting naar de Raming "
        + "kassiersfunctie gaan; de bijdrage van de leden aan de vereniging daalt met hetzelfde bedrag, en de leden betalen het "
        + "voortaan via de kassiersfunctie.");
    table("kassiersfunctie", false);
    endChapter();
  }

  private void annex1() {
    int year = pub.budgetYear();
    Annex annex = budget.annex();
    chapter("bijlage-1", annex.title(), "chapter landscape");
    p("De tabel toont per lid de wijziging van zijn bijdrage in " + year + " ten opzichte van het kader, per kolom van de begroting. "
        + "Eerst het totaal per deel, dan het aandeel van Bedrijfsvoering, dan het te verdelen bedrag, en daarna het deel van elk lid.");
    table(FigureIds.annexTable(year), true);
    for (Annex.Column c : annex.columns()) {
      if (c.keyId() != null && !c.keyId().equals(annex.keyId())) {
        String key = budget.key(c.keyId()).map(k -> k.title()).orElse(c.keyId());
        body.append("<p class=\"note\">").append(prose("Kolom " + c.title() + " is verdeeld met een andere verdeelsleutel: " + key + "."))
            .append("</p>\n");
      }
    }
    List<Integer> other = budget.version().years().stream().filter(y -> y != year).toList();
    if (!other.isEmpty()) {
      h2("bijlage-1-overige-jaren", annex.title() + ": de andere jaren", true);
      for (int y : other) {
        table(FigureIds.annexTable(y), true);
      }
    }
    endChapter();
  }

  private void annex2() {
    if (budget.glossary().isEmpty()) {
      return;
    }
    chapter("bijlage-2", "Bijlage 2. Afkortingen");
    body.append("<table class=\"begroot-plain\" id=\"afkortingen\"><caption>Afkortingen</caption>\n")
        .append("<thead><tr><th scope=\"col\">Afkorting</th><th scope=\"col\">Volledige omschrijving</th></tr></thead>\n<tbody>\n");
    for (GlossaryEntry g : budget.glossary()) {
      body.append("<tr><th scope=\"row\">").append(esc(g.abbreviation())).append("</th><td>").append(esc(g.meaning())).append("</td></tr>\n");
    }
    body.append("</tbody></table>\n");
    endChapter();
  }
}
