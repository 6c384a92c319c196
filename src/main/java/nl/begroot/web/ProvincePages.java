package nl.begroot.web;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.MemberSummary;
import nl.begroot.core.pipeline.MemberYears;
import nl.begroot.core.text.Dutch;
import nl.begroot.render.Charts;
import nl.begroot.workspace.Snapshot;

/**
 * The pages per province (member): all members with their change per year and a bar chart, and one
 * member's page that answers "what do we pay": the headline per year, the proposals behind it, the
 * pass-through money apart, the key share in words, then the full table per annex column. Every
 * figure is the core's {@link MemberSummary}; this class only puts it into words.
 */
final class ProvincePages extends Pages {
  /** How many proposals the province page names as the reasons of the change. */
  static final int REASONS = 5;

  ProvincePages(Shared shared) {
    super(shared);
  }

  void provinces(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("nav.provinces"));
    List<MemberRow> rows = new ArrayList<>();
    List<Integer> years = List.of();
    int budgetYear = s.budget().version().budgetYear();
    List<String> labels = new ArrayList<>();
    List<Long> chart = new ArrayList<>();
    for (Member m : s.budget().members()) {
      MemberSummary sum = s.computed().memberSummary(m);
      years = sum.change().stream().map(MemberSummary.YearAmount::year).toList();
      List<String> cells = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (MemberSummary.YearAmount a : sum.change()) {
        cells.add(v.figures(v.exact() ? Dutch.euros(a.cents()) : Dutch.whole(a.printedThousands())));
        ids.add(a.figureId());
      }
      rows.add(new MemberRow(m, cells, ids));
      sum.change(budgetYear).ifPresent(a -> {
        labels.add(m.name());
        chart.add(a.printedThousands());
      });
    }
    String svg = labels.isEmpty() ? "" : Charts.horizontalBars("provincies-grafiek",
        v.t("provinces.chart").replace("{year}", String.valueOf(budgetYear)), v.t("provinces.chart.alt"), labels,
        chart.stream().mapToLong(Long::longValue).toArray());
    render(ctx, "provinces.jte", v, new ProvincesData(years, rows, svg, budgetYear));
  }

  void province(Context ctx) {
    Snapshot s = snapshot(ctx);
    Member m = s.budget().members().stream()
        .filter(x -> x.id().equalsIgnoreCase(ctx.pathParam("member")) || x.name().equalsIgnoreCase(ctx.pathParam("member")))
        .findFirst().orElseThrow(() -> new NotFound("provincie " + ctx.pathParam("member")));
    I18n t = I18n.of(lang(ctx));
    View v = view(ctx, s, t.t("province.title") + " " + m.name());
    MemberSummary sum = s.computed().memberSummary(m);
    int budgetYear = sum.budgetYear();
    String frame = t.t("province.frame").replace("{year}", String.valueOf(budgetYear - 1));
    // the headline of the budget year, then each later year
    Headline headline = null;
    List<Headline> later = new ArrayList<>();
    for (MemberSummary.YearAmount a : sum.change()) {
      if (a.year() < budgetYear) {
        continue;
      }
      Headline line = new Headline(a.year(), v.figures(headline(t, m, a, frame)), v.figureHref(a.figureId()), a.printedThousands());
      if (headline == null) {
        headline = line;
      } else {
        later.add(line);
      }
    }
    // the proposals behind the budget year's change, largest part first
    List<ReasonRow> reasons = new ArrayList<>();
    long named = 0;
    for (MemberSummary.Reason r : sum.reasons().subList(0, Math.min(REASONS, sum.reasons().size()))) {
      Proposal p = s.budget().proposal(r.proposalId()).orElseThrow();
      reasons.add(new ReasonRow(p.unit() + " " + p.title(), v.v("/voorstel/" + View.enc(p.id())), v.figures(signedEuros(r.memberCents())),
          v.figures(signedEuros(r.proposalCents())) + " " + t.t(p.side() == nl.begroot.core.model.Side.BATEN ? "province.side.baten" : "province.side.lasten")));
      named += r.memberCents();
    }
    String rest = "";
    long total = sum.change(budgetYear).map(MemberSummary.YearAmount::cents).orElse(0L);
    if (sum.reasons().size() > REASONS) {
      rest = t.t("province.reasons.rest").replace("{count}", String.valueOf(sum.reasons().size() - REASONS))
          .replace("{amount}", v.figures(signedEuros(total - named)));
    }
    String passThrough = sum.thirdParty(budgetYear).map(a -> t.t("province.passthrough").replace("{member}", m.name())
        .replace("{year}", String.valueOf(budgetYear)).replace("{amount}", v.figures("€ " + Dutch.euros(a.cents())))
        .replace("{title}", sum.thirdPartyTitle())).orElse("");
    render(ctx, "province.jte", v, new ProvinceData(m, headline, later, reasons, rest, passThrough, v.figures(keySentence(t, m, sum)),
        List.of(v.table(perYear(v, s, m)))));
  }

  /** "Gelderland betaalt in 2027 € 705.240,43 meer dan volgens de Begroting 2026." */
  static String headline(I18n t, Member m, MemberSummary.YearAmount a, String frame) {
    String key = a.cents() > 0 ? "province.headline.more" : a.cents() < 0 ? "province.headline.less" : "province.headline.same";
    return t.t(key).replace("{member}", m.name()).replace("{year}", String.valueOf(a.year()))
        .replace("{amount}", "€ " + Dutch.euros(Math.abs(a.cents()))).replace("{frame}", frame);
  }

  /** "Gelderland draagt 10,67 % bij volgens de Verdeelsleutel IPO 2027 ..." */
  static String keySentence(I18n t, Member m, MemberSummary sum) {
    MemberSummary.KeyShare k = sum.key();
    if (k == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(t.t("province.key").replace("{member}", m.name()).replace("{share}", percent(k.percent()))
        .replace("{key}", k.keyTitle()));
    if (k.normalised() && k.effectivePercent() != null) {
      text.append(' ').append(t.t("province.key.normalised").replace("{sum}", percent(k.sumPercent()))
          .replace("{effective}", percent(k.effectivePercent())));
    }
    text.append('.');
    for (MemberSummary.OtherKey o : sum.otherKeys()) {
      text.append(' ').append(t.t("province.key.other").replace("{column}", o.columnTitle()).replace("{key}", o.keyTitle())
          .replace("{share}", percent(o.percent())));
    }
    return text.toString();
  }

  /** A percentage in Dutch with a space before the sign: {@code 10.67 -> "10,67 %"}. */
  static String percent(BigDecimal p) {
    return p.stripTrailingZeros().scale() <= 0 ? p.setScale(0).toPlainString() + " %"
        : p.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
  }

  /** Euros with the sign written once: "+ € 1.234,56", "− € 1.234,56". */
  static String signedEuros(long cents) {
    return (cents > 0 ? "+ " : cents < 0 ? "− " : "") + "€ " + Dutch.euros(Math.abs(cents));
  }

  /** The member's figure per year (rows) and annex column (the core's MemberYears). */
  private static Table perYear(View v, Snapshot s, Member m) {
    MemberYears view = s.computed().memberYears(m);
    List<Integer> years = view.years();
    List<Table.Column> columns = view.columns().stream().map(c -> new Table.Column(c.id(), c.title())).toList();
    List<Table.Row> rows = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      List<Table.Cell> cells = new ArrayList<>();
      for (MemberYears.Column c : view.columns()) {
        String fid = c.figureIds().get(y);
        cells.add(fid != null ? Table.Cell.figure(fid) : Table.Cell.EMPTY);
      }
      rows.add(new Table.Row(String.valueOf(years.get(y)), String.valueOf(years.get(y)), Table.Style.LINE, cells));
    }
    return new Table("provincie-" + m.id(), v.t("province.columns") + ": " + m.name(), 100_000, columns, rows);
  }
}
