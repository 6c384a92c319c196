package nl.begroot.publish;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads budget proposals from the workbook's template sheets ({@value WorkbookExport#PROPOSALS} and
 * {@value WorkbookExport#COMPONENTS}, columns in the budget file's own words), checked against the
 * budget they go into. All or nothing: the result is either every proposal, or every bad cell with
 * its sheet, cell reference and what is wrong. A refusal is a value, not an exception.
 */
public final class ProposalImport {
  /** Amounts may not exceed this many cents either way (the budget file's limit). */
  static final long MAX_CENTS = 100_000_000_000_000L;

  /** The outcome of an import. */
  public sealed interface Result {}

  /** Every proposal of the sheet, in sheet order. */
  public record Imported(List<Proposal> proposals) implements Result {
    public Imported {
      proposals = List.copyOf(proposals);
    }
  }

  /**
   * Nothing was imported; every problem found, in sheet and row order. {@code tooLarge}: the
   * workbook exceeds one of the limits (its one problem names it), which a web server answers with
   * 413 rather than 422.
   */
  public record Refused(List<CellProblem> problems, boolean tooLarge) implements Result {
    public Refused {
      problems = List.copyOf(problems);
    }

    public Refused(List<CellProblem> problems) {
      this(problems, false);
    }
  }

  /** What is wrong and where: a sheet, a cell reference such as {@code L5} (empty for the whole sheet). */
  public record CellProblem(String sheet, String cell, String message) {
    @Override
    public String toString() {
      return sheet + (cell.isEmpty() ? "" : "!" + cell) + ": " + message;
    }
  }

  private final Budget into;
  private final List<CellProblem> problems = new ArrayList<>();
  private final List<Integer> years;
  private final java.util.Set<String> idsOnSheet = new java.util.HashSet<>();

  private ProposalImport(Budget into) {
    this.into = into;
    this.years = into.version().years();
  }

  /**
   * Reads the proposals of a workbook for the budget {@code into} (its other sections stay as they
   * are), within the limits of {@link WorkbookLimits}: the file, its unpacked parts, rows and cells.
   * Nothing in the workbook can make this read more than those limits.
   */
  public static Result read(InputStream xlsx, Budget into) {
    Path file = null;
    try {
      byte[] bytes = xlsx.readNBytes(WorkbookLimits.MAX_FILE_BYTES + 1);
      if (bytes.length > WorkbookLimits.MAX_FILE_BYTES) {
        return WorkbookLimits.tooLarge("", "the workbook is larger than " + WorkbookLimits.MAX_FILE_BYTES / 1024 / 1024 + " MB (the limit)");
      }
      file = Files.createTempFile("begroot-import-", ".xlsx");
      Files.write(file, bytes);
      Optional<Refused> refused = WorkbookLimits.check(file);
      if (refused.isPresent()) {
        return refused.get();
      }
      return new ProposalImport(into).readAll(file);
    } catch (IOException e) {
      return WorkbookLimits.unreadable();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          file.toFile().deleteOnExit();
        }
      }
    }
  }

  /** The budget with its proposals replaced by {@code proposals}. */
  public static Budget withProposals(Budget budget, List<Proposal> proposals) {
    return budget.withProposals(proposals);
  }

  private void problem(String sheet, String cell, String message) {
    problems.add(new CellProblem(sheet, cell, message));
  }

  private Result readAll(Path xlsx) {
    List<Row> proposalRows;
    List<Row> componentRows;
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
      Optional<Sheet> sheet = wb.findSheet(WorkbookExport.PROPOSALS);
      if (sheet.isEmpty()) {
        return new Refused(List.of(new CellProblem(WorkbookExport.PROPOSALS, "", "the workbook has no sheet '" + WorkbookExport.PROPOSALS
            + "' (export a workbook with begroot publish --format xlsx and fill in its template)")));
      }
      proposalRows = rows(WorkbookExport.PROPOSALS, sheet.get());
      Optional<Sheet> components = wb.findSheet(WorkbookExport.COMPONENTS);
      componentRows = components.isPresent() ? rows(WorkbookExport.COMPONENTS, components.get()) : List.of();
    } catch (WorkbookLimits.Exceeded e) {
      return e.refused();
    } catch (IOException | RuntimeException e) {
      // the parser's own message names its classes and internals; the reader gets what to do instead
      return WorkbookLimits.unreadable();
    }
    List<Proposal> proposals = proposals(proposalRows);
    Map<String, Breakdown> breakdowns = components(componentRows, proposals);
    List<Proposal> result = new ArrayList<>();
    for (Proposal p : proposals) {
      Breakdown b = breakdowns.get(p.id());
      result.add(b == null ? p : new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(),
          p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), b, p.explanation()));
    }
    if (problems.isEmpty()) {
      whole(result);
    }
    if (!problems.isEmpty()) {
      return new Refused(problems);
    }
    return new Imported(result);
  }

  /**
   * The sheet's rows, read one at a time: the first row (the header) and every row that is not
   * blank, at most {@link WorkbookLimits#MAX_ROWS} of them and at most
   * {@link WorkbookLimits#MAX_COLUMNS} cells a row, no cell's text longer than a budget's text may be
   * ({@link nl.begroot.core.model.BudgetSize#MAX_TEXT_CHARS}); a sheet over a limit stops the read there.
   */
  private static List<Row> rows(String name, Sheet sheet) throws IOException {
    List<Row> result = new ArrayList<>();
    try (Stream<Row> rows = sheet.openStream()) {
      Iterator<Row> it = rows.iterator();
      boolean first = true;
      while (it.hasNext()) {
        Row row = it.next();
        if (row.getCellCount() > WorkbookLimits.MAX_COLUMNS) {
          throw new WorkbookLimits.Exceeded(name, "row " + row.getRowNum() + " has more than " + WorkbookLimits.MAX_COLUMNS
              + " cells (the limit); the template has " + WorkbookLimits.MAX_COLUMNS + " columns at most");
        }
        for (int c = 0; c < row.getCellCount(); c++) {
          Cell cell = row.getCell(c);
          String raw = cell == null ? null : cell.getText();
          if (raw != null && raw.length() > nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS) {
            throw new WorkbookLimits.Exceeded(name, "cell " + WorkbookExport.cellRef(row.getRowNum() - 1, c) + " holds a text of "
                + raw.length() + " characters; a text in a budget has at most " + nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS
                + " characters (the limit)");
          }
        }
        if (first || !blankRow(row)) {
          if (result.size() > WorkbookLimits.MAX_ROWS) {
            throw new WorkbookLimits.Exceeded(name, "the sheet has more than " + WorkbookLimits.MAX_ROWS
                + " filled rows (the limit); the read stopped at row " + row.getRowNum());
          }
          result.add(row);
        }
        first = false;
      }
    }
    return result;
  }

  /** Maps the header row's names to column indexes; reports missing and unknown columns. */
  private Map<String, Integer> header(String sheet, List<Row> rows, List<String> expected) {
    Map<String, Integer> index = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      problem(sheet, "A1", "the sheet is empty: the first row must name the columns " + String.join(", ", expected));
      return index;
    }
    Row head = rows.get(0);
    for (int c = 0; c < head.getCellCount(); c++) {
      String written = text(head, c);
      if (written.isEmpty()) {
        continue;
      }
      // the header's word for people (as the template writes it) or the file format's name
      String name = expected.stream().filter(e -> e.equals(written) || WorkbookExport.headerWord(e).equalsIgnoreCase(written))
          .findFirst().orElse(null);
      if (name == null) {
        problem(sheet, WorkbookExport.cellRef(head.getRowNum() - 1, c), "unknown column '" + written + "'; the columns are "
            + String.join(", ", expected.stream().map(WorkbookExport::headerWord).toList()));
      } else {
        index.put(name, c);
      }
    }
    for (String e : expected) {
      if (!index.containsKey(e)) {
        problem(sheet, "", "the column '" + WorkbookExport.headerWord(e) + "' is missing from the first row");
      }
    }
    return index;
  }

  private static String text(Row row, int c) {
    if (c < 0 || c >= row.getCellCount() || row.getCell(c) == null) {
      return "";
    }
    Cell cell = row.getCell(c);
    return switch (cell.getType()) {
      // the workbook writes formula-like text with an apostrophe (WorkbookExport.put): taken off here
      case STRING -> cell.getRawValue() == null ? "" : nl.begroot.render.CsvText.restore(cell.getText().trim());
      case NUMBER, BOOLEAN -> cell.getRawValue() == null ? "" : cell.getText().trim();
      default -> "";
    };
  }

  private static boolean blankRow(Row row) {
    for (int c = 0; c < row.getCellCount(); c++) {
      Cell cell = row.getCell(c);
      if (cell != null && cell.getType() != CellType.EMPTY && cell.getRawValue() != null && !cell.getRawValue().isBlank()) {
        return false;
      }
    }
    return true;
  }

  private List<String> list(String text) {
    List<String> items = new ArrayList<>();
    for (String part : text.split(";")) {
      if (!part.isBlank()) {
        items.add(part.trim());
      }
    }
    return items;
  }

  private List<Proposal> proposals(List<Row> rows) {
    String sheet = WorkbookExport.PROPOSALS;
    List<String> columns = WorkbookExport.proposalColumns(into);
    Map<String, Integer> col = header(sheet, rows, columns);
    List<Proposal> result = new ArrayList<>();
    if (col.size() != columns.size()) {
      return result;
    }
    Map<String, String> seen = new HashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (blankRow(row)) {
        continue;
      }
      int r = row.getRowNum() - 1;
      int before = problems.size();
      String id = text(row, col.get("id"));
      idsOnSheet.add(id);
      String idRef = WorkbookExport.cellRef(r, col.get("id"));
      if (id.isEmpty()) {
        problem(sheet, idRef, "the proposal has no id");
      } else if (id.contains("/")) {
        problem(sheet, idRef, "id '" + id + "' contains '/', which figure ids use as separator");
      } else if (seen.containsKey(id)) {
        problem(sheet, idRef, "duplicate proposal id '" + id + "' (first in " + seen.get(id) + ")");
      } else {
        seen.put(id, idRef);
      }
      String what = "proposal '" + id + "'";
      String unitRef = WorkbookExport.cellRef(r, col.get("unit"));
      List<String> units = list(text(row, col.get("unit")));
      if (units.isEmpty()) {
        problem(sheet, unitRef, what + " must name its unit");
      }
      for (String u : units) {
        if (into.unit(u).isEmpty()) {
          problem(sheet, unitRef, what + " names an unknown unit '" + u + "'");
        }
      }
      if (units.stream().map(u -> into.programmeOfUnit(u).map(Programme::id).orElse("?")).distinct().count() > 1) {
        problem(sheet, unitRef, what + " names units of different programmes");
      }
      String title = text(row, col.get("title"));
      if (title.isEmpty()) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("title")), what + " has no title");
      }
      String sideText = text(row, col.get("side"));
      Side side = switch (sideText) {
        case "lasten" -> Side.LASTEN;
        case "baten" -> Side.BATEN;
        default -> {
          problem(sheet, WorkbookExport.cellRef(r, col.get("side")), what + " side must be lasten or baten, not '" + sideText + "'");
          yield null;
        }
      };
      String natureText = text(row, col.get("nature"));
      Nature nature = switch (natureText) {
        case "", "recurring", "structureel" -> Nature.RECURRING;
        case "one-off", "incidenteel" -> Nature.ONE_OFF;
        default -> {
          problem(sheet, WorkbookExport.cellRef(r, col.get("nature")), what + " nature must be structureel (recurring) or incidenteel (one-off), not '" + natureText + "'");
          yield Nature.RECURRING;
        }
      };
      String ruleText = text(row, col.get("rule"));
      Proposal.Rule rule = switch (ruleText) {
        case "", "entered" -> Proposal.Rule.ENTERED;
        case "transfer" -> Proposal.Rule.TRANSFER;
        case "balancing" -> Proposal.Rule.BALANCING;
        case "pass-through-contribution" -> Proposal.Rule.PASS_THROUGH_CONTRIBUTION;
        default -> {
          problem(sheet, WorkbookExport.cellRef(r, col.get("rule")), what
              + " rule must be one of entered, transfer, balancing, pass-through-contribution, not '" + ruleText + "'");
          yield Proposal.Rule.ENTERED;
        }
      };
      String category = emptyToNull(text(row, col.get("category")));
      if (category != null && into.categories().stream().noneMatch(c -> c.id().equals(category))) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("category")), what + " names an unknown category '" + category + "'");
      }
      List<String> products = list(text(row, col.get("products")));
      for (String product : products) {
        if (into.products().stream().noneMatch(p -> p.id().equals(product))) {
          problem(sheet, WorkbookExport.cellRef(r, col.get("products")), what + " names an unknown product '" + product + "'");
        }
      }
      String thirdParty = emptyToNull(text(row, col.get("third_party")));
      if (thirdParty != null && into.thirdParties().stream().noneMatch(t -> t.id().equals(thirdParty))) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("third_party")), what + " names an unknown third party '" + thirdParty + "'");
      }
      String group = emptyToNull(text(row, col.get("group")));
      List<String> items = list(text(row, col.get("pass_through_items")));
      if (!items.isEmpty() && rule != Proposal.Rule.ENTERED) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("pass_through_items")), what
            + " moves items to the pass-through budget and must have entered amounts (rule entered)");
      }
      Amounts amounts = amounts(sheet, row, col.get(String.valueOf(years.get(0))), what, rule == Proposal.Rule.ENTERED, true);
      String explanation = text(row, col.get("explanation"));
      if (problems.size() == before) {
        result.add(new Proposal(id, units, title, side, nature, category, products, amounts, rule, !items.isEmpty(), items, thirdParty,
            group, null, explanation));
      }
    }
    return result;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /** Reads the year cells from {@code first} on: euros with at most two decimals, pm, or empty. */
  private Amounts amounts(String sheet, Row row, int first, String what, boolean allowed, boolean pmAllowed) {
    Amounts.Builder b = Amounts.builder(years.size());
    boolean anyPm = false;
    boolean anyAmount = false;
    int r = row.getRowNum() - 1;
    for (int y = 0; y < years.size(); y++) {
      int c = first + y;
      String ref = WorkbookExport.cellRef(r, c);
      Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
      if (cell == null || cell.getType() == CellType.EMPTY || cell.getRawValue() == null || cell.getRawValue().isBlank()) {
        continue;
      }
      if (!allowed) {
        problem(sheet, ref, what + " is computed (its rule) and must not have amounts of its own; leave " + years.get(y) + " empty");
        continue;
      }
      switch (cell.getType()) {
        case NUMBER -> {
          Optional<Long> cents = cents(cell.asNumber());
          if (cents.isEmpty()) {
            problem(sheet, ref, what + " " + years.get(y) + ": '" + cell.getRawValue()
                + "' is not an amount in euros with at most two decimals (at most 1.000.000.000.000)");
          } else {
            b.amount(y, cents.get());
            anyAmount = true;
          }
        }
        case STRING -> {
          String t = cell.getText().trim();
          if (t.equalsIgnoreCase("pm") && pmAllowed) {
            b.pm(y);
            anyPm = true;
          } else {
            Optional<Long> cents = Optional.empty();
            if (t.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
              cents = cents(new BigDecimal(t));
            }
            if (cents.isEmpty()) {
              problem(sheet, ref, what + " " + years.get(y) + ": '" + t + "' is not an amount; write euros as digits with at most two "
                  + "decimals after a dot" + (pmAllowed ? ", or pm" : ""));
            } else {
              b.amount(y, cents.get());
              anyAmount = true;
            }
          }
        }
        case FORMULA -> problem(sheet, ref, what + " " + years.get(y) + ": a formula; enter the amount itself");
        default -> problem(sheet, ref, what + " " + years.get(y) + ": '" + cell.getRawValue() + "' is not an amount");
      }
    }
    if (anyPm && anyAmount) {
      problem(sheet, WorkbookExport.cellRef(r, first), what + " mixes pm with amounts; a line is either pm or has amounts");
    }
    return b.build();
  }

  private static Optional<Long> cents(BigDecimal euros) {
    BigDecimal c = euros.movePointRight(2);
    if (c.stripTrailingZeros().scale() > 0) {
      return Optional.empty();
    }
    try {
      long v = c.longValueExact();
      return Math.abs(v) > MAX_CENTS ? Optional.empty() : Optional.of(v);
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private Map<String, Breakdown> components(List<Row> rows, List<Proposal> proposals) {
    Map<String, Breakdown> result = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return result;
    }
    String sheet = WorkbookExport.COMPONENTS;
    List<String> columns = WorkbookExport.componentColumns(into);
    Map<String, Integer> col = header(sheet, rows, columns);
    if (col.size() != columns.size()) {
      return result;
    }
    Map<String, String[]> attributes = new HashMap<>();
    Map<String, List<Breakdown.Component>> byProposal = new LinkedHashMap<>();
    Map<String, Integer> firstRow = new HashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (blankRow(row)) {
        continue;
      }
      int r = row.getRowNum() - 1;
      String proposalId = text(row, col.get("proposal"));
      String ref = WorkbookExport.cellRef(r, col.get("proposal"));
      Proposal p = proposals.stream().filter(x -> x.hasId(proposalId)).findFirst().orElse(null);
      if (p == null && idsOnSheet.contains(proposalId)) {
        continue; // the proposal itself was refused; that problem is reported on its own row
      }
      if (p == null) {
        problem(sheet, ref, "component of an unknown proposal '" + proposalId + "' (not on sheet " + WorkbookExport.PROPOSALS + ")");
        continue;
      }
      String[] attrs = {text(row, col.get("breakdown_title")), text(row, col.get("show_negated")), text(row, col.get("in_euros"))};
      for (int i = 1; i <= 2; i++) {
        if (!attrs[i].isEmpty() && !attrs[i].equals("true") && !attrs[i].equals("false")) {
          problem(sheet, WorkbookExport.cellRef(r, col.get(i == 1 ? "show_negated" : "in_euros")), "must be true or false, not '" + attrs[i] + "'");
        }
      }
      if (attrs[0].isEmpty()) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("breakdown_title")), "the breakdown of '" + proposalId + "' has no title");
      }
      String[] first = attributes.putIfAbsent(proposalId, attrs);
      if (first != null && !java.util.Arrays.equals(first, attrs)) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("breakdown_title")), "breakdown_title, show_negated and in_euros of '" + proposalId
            + "' differ from its first component (row " + firstRow.get(proposalId) + ")");
      }
      firstRow.putIfAbsent(proposalId, r + 1);
      String id = text(row, col.get("component"));
      String title = text(row, col.get("title"));
      if (id.isEmpty()) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("component")), "the component has no id");
      }
      if (title.isEmpty()) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("title")), "the component has no title");
      }
      String natureText = text(row, col.get("nature"));
      Nature nature = "one-off".equals(natureText) || "incidenteel".equals(natureText) ? Nature.ONE_OFF : Nature.RECURRING;
      if (!java.util.List.of("", "one-off", "incidenteel", "recurring", "structureel").contains(natureText)) {
        problem(sheet, WorkbookExport.cellRef(r, col.get("nature")), "nature must be structureel (recurring) or incidenteel (one-off), not '" + natureText + "'");
      }
      Amounts amounts = amounts(sheet, row, col.get(String.valueOf(years.get(0))), "component '" + id + "'", true, false);
      byProposal.computeIfAbsent(proposalId, k -> new ArrayList<>()).add(new Breakdown.Component(id, title, nature, amounts));
    }
    for (var e : byProposal.entrySet()) {
      String[] attrs = attributes.get(e.getKey());
      Proposal p = proposals.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElseThrow();
      for (int y = 0; y < years.size(); y++) {
        long sum = 0;
        boolean any = false;
        for (Breakdown.Component c : e.getValue()) {
          if (c.amounts().kind(y) == Amounts.Kind.AMOUNT) {
            any = true;
            sum += c.amounts().cents(y);
          }
        }
        if (any && sum != p.amounts().cents(y)) {
          problem(sheet, WorkbookExport.cellRef(firstRow.get(e.getKey()) - 1, col.get(String.valueOf(years.get(y)))), "the components of '"
              + e.getKey() + "' add up to " + Html.euros(sum) + " in " + years.get(y) + ", but the proposal has " + Html.euros(p.amounts().cents(y)));
        }
      }
      result.put(e.getKey(), new Breakdown(attrs[0], "true".equals(attrs[1]), "true".equals(attrs[2]), e.getValue()));
    }
    return result;
  }

  /** The checks on all proposals together, as the budget file reader makes them. */
  private void whole(List<Proposal> proposals) {
    String sheet = WorkbookExport.PROPOSALS;
    long balancing = proposals.stream().filter(p -> p.rule() == Proposal.Rule.BALANCING).count();
    if (balancing > 1) {
      problem(sheet, "", "only one line can balance the budget (rule balancing); the sheet has " + balancing);
    }
    boolean anyPassThrough = proposals.stream().anyMatch(Proposal::passThrough);
    for (Proposal p : proposals) {
      if ((p.rule() == Proposal.Rule.BALANCING || p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION) && p.side() != Side.BATEN) {
        problem(sheet, "", "proposal '" + p.id() + "' is the members' contribution (rule " + p.rule().name().toLowerCase(Locale.ROOT)
            .replace('_', '-') + ") and must be a baten line");
      }
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION && !anyPassThrough) {
        problem(sheet, "", "proposal '" + p.id() + "' is the contribution for items moved to the pass-through budget, but no line has pass_through_items");
      }
      boolean overhead = into.programmeOfUnit(p.unit()).map(Programme::overheadView).orElse(false);
      if (overhead && (p.rule() != Proposal.Rule.ENTERED || p.side() == Side.BATEN)) {
        problem(sheet, "", "proposal '" + p.id() + "' belongs to the overhead view, whose lines are entered lasten only");
      }
    }
    for (Transfer t : into.transfers()) {
      for (Transfer.Leg leg : t.legs()) {
        if (proposals.stream().noneMatch(p -> p.hasId(leg.line()) && p.rule() == Proposal.Rule.TRANSFER)) {
          problem(sheet, "", "transfer '" + t.id() + "' of the budget is shown on line '" + leg.line()
              + "', which the sheet lacks (or has without rule transfer)");
        }
      }
    }
    for (Proposal p : proposals) {
      if (p.rule() == Proposal.Rule.TRANSFER
          && into.transfers().stream().flatMap(t -> t.legs().stream()).noneMatch(l -> l.line().equals(p.id()))) {
        problem(sheet, "", "proposal '" + p.id() + "' is a transfer line but no transfer of the budget names it");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    Budget budget = withProposals(into, proposals);
    AnnexLayout.Resolver resolver = new AnnexLayout.Resolver(budget);
    for (Proposal p : proposals) {
      if (resolver.column(p, resolver.unit(p)) == AnnexLayout.NONE) {
        problem(sheet, "", "proposal '" + p.id() + "' falls in no column of Bijlage 1: use a unit whose programme has a column");
      }
    }
    if (problems.isEmpty()) {
      try {
        Pipeline.compute(budget);
      } catch (RuntimeException e) {
        problem(sheet, "", "the budget with these proposals cannot be computed: " + e.getMessage());
      }
    }
  }
}
