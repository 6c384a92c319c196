package nl.begroot.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.render.CsvText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The workbook: a contents sheet, one sheet per table of the document (printed figures in
 * thousands or euros; every total a live formula over the cells it adds up, so the workbook
 * recalculates to the same printed figures), a sheet with every figure in exact euros, and the
 * proposals template that {@link ProposalImport} reads back.
 */
final class WorkbookExport {
  static final String CONTENTS = "Inhoud";
  static final String EXACT = "Exact";
  static final String PROPOSALS = "Voorstellen";
  static final String COMPONENTS = "Componenten";
  static final String KEYS = "Verdeelsleutels";
  static final int KEY_FIRST_ROW = 3; // 0-based: title, note, header, then a row per member
  static final int FIRST_BODY_ROW = 3; // 0-based: title, unit, header, then the rows
  static final String THOUSANDS_FORMAT = "#,##0;-#,##0;0";
  static final String EUROS_FORMAT = "#,##0.00;-#,##0.00;0.00";
  static final String SHARE_FORMAT = "0.00##";

  /** Where a table's sheet is and where each of its cells is. */
  record Placed(Table table, String sheet) {}

  private WorkbookExport() {}

  /**
   * Sheet names in words, valid for Excel (at most 31 characters, none of []:*?/\ or an
   * apostrophe): a programme's table "Programma 2", Tabel 1 "Tabel 1", Bijlage 1 of a year
   * "Bijlage 1 2027", any other table its title, cut at a word; a name used twice gets "~2".
   */
  static Map<String, String> sheetNames(List<Table> tables) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> used = new HashSet<>(List.of(CONTENTS.toLowerCase(Locale.ROOT), EXACT.toLowerCase(Locale.ROOT),
        PROPOSALS.toLowerCase(Locale.ROOT), COMPONENTS.toLowerCase(Locale.ROOT), KEYS.toLowerCase(Locale.ROOT)));
    for (Table t : tables) {
      String base = sheetWords(t);
      String name = base;
      for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
        String suffix = "~" + n;
        name = (base.length() + suffix.length() <= 31 ? base : base.substring(0, 31 - suffix.length())) + suffix;
      }
      used.add(name.toLowerCase(Locale.ROOT));
      names.put(t.id(), name);
    }
    return names;
  }

  private static String sheetWords(Table t) {
    String words;
    if (FigureIds.isProgrammeTable(t.id())) {
      words = "Programma " + t.id().substring(FigureIds.programmeTable("").length());
    } else if (t.id().equals(FigureIds.TABEL_1)) {
      words = "Tabel 1";
    } else if (t.id().matches("bijlage-1-\\d{4}")) {
      words = "Bijlage 1 " + t.id().substring("bijlage-1-".length());
    } else {
      words = t.title();
    }
    words = words.replaceAll("[\\[\\]:*?/\\\\]", "-").replace("'", "").replaceAll("\\s+", " ").strip();
    if (words.length() > 31) {
      int cut = words.lastIndexOf(' ', 31);
      words = (cut > 10 ? words.substring(0, cut) : words.substring(0, 31)).strip();
    }
    return words.isEmpty() ? "Tabel" : words;
  }

  static String cellRef(int row, int col) {
    StringBuilder letters = new StringBuilder();
    int c = col + 1;
    while (c > 0) {
      int r = (c - 1) % 26;
      letters.insert(0, (char) ('A' + r));
      c = (c - 1) / 26;
    }
    return letters.toString() + (row + 1);
  }

  /**
   * The values of the formula cells as they calculate, per sheet (in the order the sheets are made)
   * and cell: written into the file with each formula, so that a viewer that does not calculate
   * shows the numbers ({@link CachedValues}).
   */
  static final class Cached {
    final List<String> sheets = new ArrayList<>();
    final Map<String, Map<String, String>> values = new HashMap<>();

    Worksheet sheet(Workbook wb, String name) {
      sheets.add(name);
      return wb.newWorksheet(name);
    }

    void formula(Worksheet ws, String sheet, int r, int c, String formula, String value) {
      ws.formula(r, c, formula);
      values.computeIfAbsent(sheet, k -> new HashMap<>()).put(cellRef(r, c), value);
    }
  }

  static void write(Publication pub, OutputStream out) throws IOException {
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(1 << 20);
    Cached cached = new Cached();
    write(pub, raw, cached);
    CachedValues.insert(raw.toByteArray(), cached, out);
  }

  private static void write(Publication pub, OutputStream out, Cached cached) throws IOException {
    List<Table> tables = pub.document().tables();
    Map<String, String> sheets = sheetNames(tables);
    // first pass: where each figure is shown first, per unit (thousands or euros)
    Map<String, String> firstPlace = new HashMap<>();
    for (Table t : tables) {
      for (int r = 0; r < t.rows().size(); r++) {
        List<Table.Cell> cells = t.rows().get(r).cells();
        for (int c = 0; c < cells.size(); c++) {
          String f = cells.get(c).figureId();
          if (f != null) {
            firstPlace.putIfAbsent(t.centsPerUnit() + "|" + f, "'" + sheets.get(t.id()) + "'!" + cellRef(FIRST_BODY_ROW + r, c + 1));
          }
        }
      }
    }
    try (Workbook wb = new Workbook(out, "Begroot", "1.0")) {
      wb.properties().setTitle(pub.budget().version().title() + " " + pub.budget().organisation().name());
      Worksheet contents = cached.sheet(wb, CONTENTS);
      put(contents, 0, 0, pub.budget().version().title() + " – " + pub.budget().organisation().name());
      contents.style(0, 0).bold().set();
      put(contents, 1, 0, "Berekend door Begroot. Elke tabel staat op een eigen blad; totalen zijn formules over de cellen die zij optellen. "
          + "In Bijlage 1 is het deel van elk lid een formule: aandeel (blad " + KEYS + ") × te verdelen bedrag, afgerond, plus het "
          + "afrondingsverschil dat onder de tabel staat; wijzig een aandeel en het deel rekent mee. "
          + "Blad " + EXACT + " geeft elk bedrag exact in euro's; blad " + PROPOSALS + " is het sjabloon voor begrotingsvoorstellen.");
      put(contents, 3, 0, "Blad");
      put(contents, 3, 1, "Tabel");
      put(contents, 3, 2, "Eenheid");
      contents.style(3, 0).bold().set();
      contents.style(3, 1).bold().set();
      contents.style(3, 2).bold().set();
      int row = 4;
      for (Table t : tables) {
        put(contents, row, 0, sheets.get(t.id()));
        put(contents, row, 1, t.title());
        put(contents, row, 2, t.inThousands() ? "x € 1.000" : "x € 1");
        row++;
      }
      put(contents, row, 0, KEYS);
      put(contents, row++, 1, "De verdeelsleutels: het aandeel van elk lid in procenten");
      put(contents, row, 0, EXACT);
      put(contents, row++, 1, "Elk bedrag exact in euro's");
      put(contents, row, 0, PROPOSALS);
      put(contents, row++, 1, "Sjabloon voor begrotingsvoorstellen");
      put(contents, row, 0, COMPONENTS);
      put(contents, row, 1, "Sjabloon voor de onderdelen van een voorstel");
      contents.width(0, 34);
      contents.width(1, 70);
      for (Table t : tables) {
        tableSheet(cached.sheet(wb, sheets.get(t.id())), pub, t, sheets.get(t.id()), firstPlace, cached);
      }
      keySheet(cached.sheet(wb, KEYS), pub.budget(), cached);
      exactSheet(cached.sheet(wb, EXACT), pub);
      proposalsSheet(cached.sheet(wb, PROPOSALS), pub.budget());
      componentsSheet(cached.sheet(wb, COMPONENTS), pub.budget());
    }
  }

  /** The keys: a row per member, a column per key, shares in percent; the total a formula. */
  private static void keySheet(Worksheet ws, Budget budget, Cached cached) {
    put(ws, 0, 0, "Verdeelsleutels");
    ws.style(0, 0).bold().fontSize(12).set();
    put(ws, 1, 0, "Aandeel van elk lid in procenten. Bijlage 1 deelt elk te verdelen bedrag naar aandeel gedeeld door het totaal "
        + "van de sleutel; wijzig een aandeel en de bijdragen in Bijlage 1 rekenen mee.");
    put(ws, 2, 0, "Lid");
    ws.style(2, 0).bold().set();
    List<nl.begroot.core.model.Member> members = budget.members();
    for (int k = 0; k < budget.keys().size(); k++) {
      var key = budget.keys().get(k);
      put(ws, 2, k + 1, key.title());
      ws.style(2, k + 1).bold().wrapText(true).horizontalAlignment("right").set();
      for (int m = 0; m < members.size(); m++) {
        BigDecimal share = key.sharesPercent().get(members.get(m).id());
        if (share != null) {
          put(ws, KEY_FIRST_ROW + m, k + 1, share);
          ws.style(KEY_FIRST_ROW + m, k + 1).format(SHARE_FORMAT).set();
        }
      }
      int total = KEY_FIRST_ROW + members.size();
      cached.formula(ws, KEYS, total, k + 1, "SUM(" + cellRef(KEY_FIRST_ROW, k + 1) + ":" + cellRef(total - 1, k + 1) + ")",
          key.sumPercent().toPlainString());
      ws.style(total, k + 1).bold().format(SHARE_FORMAT).set();
    }
    for (int m = 0; m < members.size(); m++) {
      put(ws, KEY_FIRST_ROW + m, 0, members.get(m).name());
    }
    put(ws, KEY_FIRST_ROW + members.size(), 0, "Totaal");
    ws.style(KEY_FIRST_ROW + members.size(), 0).bold().set();
    ws.width(0, 24);
    for (int k = 0; k < budget.keys().size(); k++) {
      ws.width(k + 1, 18);
    }
    ws.freezePane(1, KEY_FIRST_ROW);
  }

  /** A key's cell on the key sheet: the member's share, or (member -1) the key's total. */
  static String keyCell(Budget budget, String keyId, int member) {
    int k = 0;
    while (!budget.keys().get(k).id().equals(keyId)) {
      k++;
    }
    int row = member < 0 ? KEY_FIRST_ROW + budget.members().size() : KEY_FIRST_ROW + member;
    String ref = cellRef(row, k + 1);
    int digits = 0;
    while (Character.isLetter(ref.charAt(digits))) {
      digits++;
    }
    return "'" + KEYS + "'!$" + ref.substring(0, digits) + "$" + ref.substring(digits);
  }

  /** The row (0-based) of a member's rounding adjustment under a Bijlage 1 table. */
  static int adjustmentRow(Table t, int member) {
    return FIRST_BODY_ROW + t.rows().size() + 2 + member;
  }

  /**
   * A member's part of a column of Bijlage 1 in thousands, as a live formula: share / key total ×
   * the amount to distribute (printed), rounded half away from zero like Excel's ROUND, plus the
   * adjustment that makes it the printed figure (the controlled rounding, shown under the table).
   * Null when the figure is not a member's share by a key of the budget.
   */
  private static String[] memberFormula(Publication pub, Table t, Figure f, int memberIndex, Map<String, String> firstPlace, String self) {
    if (!(f.origin() instanceof Origin.Share share) || memberIndex < 0 || !t.inThousands()) {
      return null;
    }
    var key = pub.budget().key(share.key()).orElse(null);
    String place = firstPlace.get(t.centsPerUnit() + "|" + share.of());
    if (key == null || place == null) {
      return null;
    }
    long toDistribute = pub.printed().value(true, share.of()).orElseThrow();
    BigDecimal memberShare = key.sharesPercent().getOrDefault(pub.budget().members().get(memberIndex).id(), BigDecimal.ZERO);
    long rounded = memberShare.multiply(BigDecimal.valueOf(toDistribute))
        .divide(key.sumPercent(), 0, java.math.RoundingMode.HALF_UP).longValueExact();
    long printed = pub.printed().value(true, f.id()).orElseThrow();
    long adjustment = printed - rounded;
    return new String[] {keyCell(pub.budget(), key.id(), memberIndex) + "/" + keyCell(pub.budget(), key.id(), -1), local(place, self),
        String.valueOf(adjustment)};
  }

  /**
   * A member's printed key share in Bijlage 1 as a live formula: the share on the key sheet divided
   * by the key's total, rounded to hundredths of a percent (half away from zero, as Excel's ROUND),
   * plus the adjustment that makes it the printed share (the printed shares are rounded by largest
   * remainder so that they add up to 100,00 %; the adjustment is shown under the table). Returns the
   * expression and the adjustment as a fraction; null when the budget has no annex key or the row is
   * not a member's.
   */
  private static String[] keyShareFormula(Publication pub, int memberIndex, BigDecimal printedShare) {
    var annex = pub.budget().annex();
    if (memberIndex < 0 || annex == null || annex.keyId() == null) {
      return null;
    }
    var key = pub.budget().key(annex.keyId()).orElse(null);
    if (key == null || key.sumPercent().signum() == 0) {
      return null;
    }
    BigDecimal share = key.sharesPercent().getOrDefault(pub.budget().members().get(memberIndex).id(), BigDecimal.ZERO);
    BigDecimal rounded = share.divide(key.sumPercent(), 4, java.math.RoundingMode.HALF_UP);
    return new String[] {keyCell(pub.budget(), key.id(), memberIndex) + "/" + keyCell(pub.budget(), key.id(), -1),
        printedShare.subtract(rounded).stripTrailingZeros().toPlainString()};
  }

  private static void tableSheet(Worksheet ws, Publication pub, Table t, String sheet, Map<String, String> firstPlace, Cached cached) {
    put(ws, 0, 0, t.title());
    ws.style(0, 0).bold().fontSize(12).set();
    put(ws, 1, 0, t.inThousands() ? "x € 1.000" : "x € 1");
    put(ws, 2, 0, "");
    for (int c = 0; c < t.columns().size(); c++) {
      put(ws, 2, c + 1, t.columns().get(c).label());
      ws.style(2, c + 1).bold().wrapText(true).horizontalAlignment("right").set();
    }
    put(ws, 2, t.columns().size() + 1, "Technische id (regel)");
    ws.style(2, t.columns().size() + 1).bold().set();
    String self = "'" + sheet + "'!";
    List<nl.begroot.core.model.Member> members = pub.budget().members();
    Map<String, String> adjustments = new LinkedHashMap<>(); // cell of an adjustment -> its value
    java.util.Set<String> shareAdjustments = new java.util.HashSet<>(); // the adjustments of key shares (fractions)
    for (int r = 0; r < t.rows().size(); r++) {
      Table.Row row = t.rows().get(r);
      int y = FIRST_BODY_ROW + r;
      put(ws, y, 0, row.style() == Table.Style.LINE ? "  " + CsvText.inert(row.label()) : row.label());
      put(ws, y, t.columns().size() + 1, row.id());
      boolean bold = row.style() != Table.Style.LINE;
      if (bold) {
        ws.style(y, 0).bold().set();
      }
      int memberIndex = -1;
      for (int m = 0; m < members.size(); m++) {
        if (members.get(m).id().equals(row.id())) {
          memberIndex = m;
        }
      }
      for (int c = 0; c < row.cells().size(); c++) {
        Table.Cell cell = row.cells().get(c);
        int x = c + 1;
        if (cell.percent() != null) {
          BigDecimal printedShare = cell.percent().movePointLeft(2); // a fraction: 6,80 % is 0.0680
          String[] keyShare = keyShareFormula(pub, memberIndex, printedShare);
          if (keyShare != null) { // a member's key share: its share / the key's total, rounded, plus the adjustment
            String adjustment = cellRef(adjustmentRow(t, memberIndex), x);
            cached.formula(ws, sheet, y, x, "ROUND(" + keyShare[0] + ",4)+" + adjustment, printedShare.toPlainString());
            adjustments.put(adjustment, keyShare[1]);
            shareAdjustments.add(adjustment);
          } else if (row.id().equals("totaal")) {
            int firstMember = -1;
            int lastMember = -1;
            for (int rr = 0; rr < t.rows().size(); rr++) {
              if (pub.budget().member(t.rows().get(rr).id()).isPresent()) {
                firstMember = firstMember < 0 ? rr : firstMember;
                lastMember = rr;
              }
            }
            if (firstMember >= 0) {
              cached.formula(ws, sheet, y, x, "SUM(" + cellRef(FIRST_BODY_ROW + firstMember, x) + ":" + cellRef(FIRST_BODY_ROW + lastMember, x) + ")",
                  printedShare.toPlainString());
            } else {
              put(ws, y, x, printedShare);
            }
          } else {
            put(ws, y, x, printedShare);
          }
          ws.style(y, x).format("0.00%").set();
          continue;
        }
        if (cell.figureId() == null) {
          continue;
        }
        Figure f = pub.figure(cell.figureId());
        if (f.display() == Figure.Display.PM) {
          put(ws, y, x, "pm");
          ws.style(y, x).horizontalAlignment("right").set();
          continue;
        }
        if (f.display() == Figure.Display.BLANK) {
          continue;
        }
        long value = pub.printed().value(t.inThousands(), f.id()).orElseThrow();
        String here = self + cellRef(y, x);
        String first = firstPlace.get(t.centsPerUnit() + "|" + f.id());
        String formula = null;
        if (first != null && !first.equals(here)) {
          formula = local(first, self);
        } else if (!f.isLeaf()) {
          formula = sumFormula(f, t.centsPerUnit(), firstPlace, self);
        } else {
          String[] share = memberFormula(pub, t, f, memberIndex, firstPlace, self);
          if (share != null) {
            String adjustment = cellRef(adjustmentRow(t, memberIndex), x);
            formula = "ROUND(" + share[0] + "*" + share[1] + ",0)+" + adjustment;
            adjustments.put(adjustment, share[2]);
          }
        }
        if (formula != null) {
          cached.formula(ws, sheet, y, x, formula, String.valueOf(value));
        } else {
          put(ws, y, x, value);
        }
        var style = ws.style(y, x).format(THOUSANDS_FORMAT);
        if (bold) {
          style.bold();
        }
        style.set();
      }
    }
    if (!adjustments.isEmpty()) {
      int head = adjustmentRow(t, 0) - 1;
      put(ws, head, 0, "Afrondingsverschil: afgedrukt bedrag min aandeel × te verdelen bedrag (afgerond); onder Proc. aandeel: afgedrukt aandeel min aandeel / totaal van de sleutel (afgerond)");
      ws.style(head, 0).bold().set();
      for (int m = 0; m < members.size(); m++) {
        put(ws, adjustmentRow(t, m), 0, "  " + members.get(m).name());
      }
      for (Map.Entry<String, String> a : adjustments.entrySet()) {
        String ref = a.getKey();
        int digits = 0;
        while (Character.isLetter(ref.charAt(digits))) {
          digits++;
        }
        int col = 0;
        for (int i = 0; i < digits; i++) {
          col = col * 26 + (ref.charAt(i) - 'A' + 1);
        }
        int r = Integer.parseInt(ref.substring(digits)) - 1;
        if (shareAdjustments.contains(ref)) {
          put(ws, r, col - 1, new BigDecimal(a.getValue()));
          ws.style(r, col - 1).format("0.00%").fontColor("666666").set();
        } else {
          put(ws, r, col - 1, Long.parseLong(a.getValue()));
          ws.style(r, col - 1).format(THOUSANDS_FORMAT).fontColor("666666").set();
        }
      }
    }
    ws.width(0, 58);
    for (int c = 1; c <= t.columns().size(); c++) {
      ws.width(c, t.columns().size() > 6 ? 14 : 11);
    }
    ws.width(t.columns().size() + 1, 22);
    ws.freezePane(1, FIRST_BODY_ROW);
  }

  /** A total as SUM(plus terms) - SUM(minus terms); SUM ignores the text "pm". Null if a term has no cell. */
  private static String sumFormula(Figure f, long unit, Map<String, String> firstPlace, String self) {
    List<String> plus = new ArrayList<>();
    List<String> minus = new ArrayList<>();
    for (Figure.Term term : f.terms()) {
      String place = firstPlace.get(unit + "|" + term.figureId());
      if (place == null) {
        return null;
      }
      (term.sign() > 0 ? plus : minus).add(local(place, self));
    }
    StringBuilder s = new StringBuilder();
    s.append(plus.isEmpty() ? "0" : "SUM(" + String.join(",", plus) + ")");
    if (!minus.isEmpty()) {
      s.append("-SUM(").append(String.join(",", minus)).append(')');
    }
    return s.toString();
  }

  private static String local(String place, String self) {
    return place.startsWith(self) ? place.substring(self.length()) : place;
  }

  private static void exactSheet(Worksheet ws, Publication pub) {
    String[] header = {"Figuur (technische id)", "Omschrijving", "Euro (exact)", "Cent", "Weergave"};
    for (int c = 0; c < header.length; c++) {
      put(ws, 0, c, header[c]);
      ws.style(0, c).bold().set();
    }
    int r = 1;
    for (Figure f : pub.document().graph().all()) {
      put(ws, r, 0, f.id());
      put(ws, r, 1, f.label());
      put(ws, r, 2, BigDecimal.valueOf(f.cents(), 2));
      ws.style(r, 2).format(EUROS_FORMAT).set();
      put(ws, r, 3, f.cents());
      put(ws, r, 4, switch (f.display()) {
        case AMOUNT -> "bedrag";
        case PM -> "pm";
        case BLANK -> "leeg";
      });
      r++;
    }
    ws.width(0, 44);
    ws.width(1, 60);
    ws.width(2, 18);
    ws.width(3, 16);
    ws.freezePane(1, 1);
  }

  /** The columns of the proposals template, in the budget file's own words (docs/format.md). */
  static List<String> proposalColumns(Budget budget) {
    List<String> columns = new ArrayList<>(List.of("id", "unit", "title", "side", "nature", "rule", "category", "products",
        "third_party", "group", "pass_through_items"));
    budget.version().years().forEach(y -> columns.add(String.valueOf(y)));
    columns.add("explanation");
    return columns;
  }

  static List<String> componentColumns(Budget budget) {
    List<String> columns = new ArrayList<>(List.of("proposal", "breakdown_title", "show_negated", "in_euros", "component", "title", "nature"));
    budget.version().years().forEach(y -> columns.add(String.valueOf(y)));
    return columns;
  }

  /**
   * The template's column headers in words for people (the file format's own names, in
   * {@link #proposalColumns}, stay the keys; the import reads either). Years head their own column.
   */
  private static final java.util.Map<String, String> HEADER_WORDS = java.util.Map.ofEntries(
      java.util.Map.entry("id", "Kenmerk"), java.util.Map.entry("unit", "Eenheid"), java.util.Map.entry("title", "Titel"),
      java.util.Map.entry("side", "Lasten of baten"), java.util.Map.entry("nature", "Structureel of incidenteel"),
      java.util.Map.entry("rule", "Rekenregel"), java.util.Map.entry("category", "Categorie"),
      java.util.Map.entry("products", "Producten"), java.util.Map.entry("third_party", "Derde partij"),
      java.util.Map.entry("group", "Groep"), java.util.Map.entry("pass_through_items", "Posten kassiersfunctie"),
      java.util.Map.entry("explanation", "Toelichting"), java.util.Map.entry("proposal", "Voorstel"),
      java.util.Map.entry("breakdown_title", "Titel uitsplitsing"), java.util.Map.entry("show_negated", "Negatief tonen"),
      java.util.Map.entry("in_euros", "In euro's"), java.util.Map.entry("component", "Onderdeel"));

  /** A column's header as the template prints it: a word for people ({@link #HEADER_WORDS}), or the year. */
  static String headerWord(String column) {
    return HEADER_WORDS.getOrDefault(column, column);
  }

  /** A nature as the template writes it. The import also reads the file format's recurring and one-off. */
  static String natureWord(nl.begroot.core.model.Nature nature) {
    return nature == nl.begroot.core.model.Nature.ONE_OFF ? "incidenteel" : "structureel";
  }

  private static void header(Worksheet ws, List<String> columns) {
    for (int c = 0; c < columns.size(); c++) {
      put(ws, 0, c, headerWord(columns.get(c)));
      ws.style(0, c).bold().fillColor("DDEBF7").set();
    }
    ws.freezePane(1, 1);
  }

  private static void proposalsSheet(Worksheet ws, Budget budget) {
    List<String> columns = proposalColumns(budget);
    header(ws, columns);
    int r = 1;
    int years = budget.version().years().size();
    for (Proposal p : budget.proposals()) {
      int c = 0;
      put(ws, r, c++, p.id());
      put(ws, r, c++, String.join("; ", p.units()));
      put(ws, r, c++, p.title());
      put(ws, r, c++, p.side().name().toLowerCase(Locale.ROOT));
      put(ws, r, c++, natureWord(p.nature()));
      put(ws, r, c++, p.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      text(ws, r, c++, p.category());
      text(ws, r, c++, String.join("; ", p.products()));
      text(ws, r, c++, p.thirdParty());
      text(ws, r, c++, p.group());
      text(ws, r, c++, p.passThrough() ? String.join("; ", p.passThroughItems()) : null);
      if (p.rule() == Proposal.Rule.ENTERED) {
        amounts(ws, r, c, p.amounts());
      }
      c += years;
      text(ws, r, c, p.explanation());
      r++;
    }
    ws.width(0, 30);
    ws.width(2, 50);
  }

  private static void componentsSheet(Worksheet ws, Budget budget) {
    header(ws, componentColumns(budget));
    int r = 1;
    for (Proposal p : budget.proposals()) {
      Breakdown b = p.breakdown();
      if (b == null) {
        continue;
      }
      for (Breakdown.Component comp : b.components()) {
        put(ws, r, 0, p.id());
        put(ws, r, 1, b.title());
        put(ws, r, 2, b.showNegated() ? "true" : "false");
        put(ws, r, 3, b.inEuros() ? "true" : "false");
        put(ws, r, 4, comp.id());
        put(ws, r, 5, comp.title());
        put(ws, r, 6, natureWord(comp.nature()));
        amounts(ws, r, 7, comp.amounts());
        r++;
      }
    }
    ws.width(0, 30);
    ws.width(5, 50);
  }

  private static void text(Worksheet ws, int r, int c, String value) {
    if (value != null && !value.isEmpty()) {
      put(ws, r, c, value);
    }
  }

  /**
   * A text cell: text that a spreadsheet would take for a formula gets a leading apostrophe, as in
   * the open data's CSV ({@link CsvText#inert}); {@link ProposalImport} takes it off again. The cell
   * is a text cell either way, but a person who edits it in Excel would turn it into a live formula.
   */
  private static void put(Worksheet ws, int r, int c, String value) {
    ws.value(r, c, CsvText.inert(value));
  }

  private static void put(Worksheet ws, int r, int c, Number value) {
    ws.value(r, c, value);
  }

  /** Euros with cents as exact decimals (written as the decimal text), "pm", or an empty cell. */
  private static void amounts(Worksheet ws, int r, int c, Amounts amounts) {
    for (int y = 0; y < amounts.size(); y++) {
      switch (amounts.kind(y)) {
        case PM -> put(ws, r, c + y, "pm");
        case AMOUNT -> {
          put(ws, r, c + y, BigDecimal.valueOf(amounts.cents(y), 2));
          ws.style(r, c + y).format(EUROS_FORMAT).set();
        }
        default -> { }
      }
    }
  }
}
