package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Table;
import nl.begroot.core.pipeline.MemberYears;
import nl.begroot.core.model.Member;
import nl.begroot.workspace.Snapshot;

/** The pages per province (member): the list and one member's contribution change per year and annex column. */
final class ProvincePages extends Pages {
  ProvincePages(Shared shared) {
    super(shared);
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
    Table annex0 = s.document().table(FigureIds.annexTable(years.get(0))).orElseThrow();
    // one table: per year (rows), the member's figure per annex column (the core's MemberYears)
    MemberYears view = s.computed().memberYears(m);
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
}
