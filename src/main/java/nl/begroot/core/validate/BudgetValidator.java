package nl.begroot.core.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.model.Unit;
import nl.begroot.core.money.Money;

/**
 * The rules a {@link Budget} must keep before it can be computed: ids unique and well formed,
 * references to things that exist, keys and spreads that add up to 100 %, transfers that net to
 * zero, one balancing line, every proposal in an annex column, amounts within range. Every broken rule
 * is returned (not only the first), each with the {@link ModelPath} of what breaks it; a rule that
 * follows from another broken rule is not reported again (a programme without a title still owns its
 * units; a share that is missing is not also counted as a wrong sum).
 *
 * <p>Null fields (a reader that could not read them) are reported as missing, never a crash. The
 * checks of the printed document against the computed tables need a computation and live beside the
 * document ({@code nl.begroot.core.figures.PrintedTablesCheck}).
 */
public final class BudgetValidator {
  /** Largest amount accepted in one cell: a thousand billion euros, in cents. */
  public static final long MAX_CENTS = 100_000_000_000_000L;
  /**
   * Largest sum of the absolute amounts of one year over every line of the budget: an eighth of what
   * a {@code long} holds, so that every total the engine adds up, and its double check, fits exactly.
   */
  public static final long MAX_YEAR_TOTAL_CENTS = Long.MAX_VALUE / 8;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Budget budget;
  private final List<Violation> violations = new ArrayList<>();
  private final List<Integer> years;
  private final Map<String, Integer> unitProgramme = new HashMap<>();
  private final Map<String, Integer> programmeIndex = new HashMap<>();
  private final Map<String, Integer> proposalIndex = new HashMap<>();
  private final Set<Integer> duplicateProposals = new HashSet<>();
  /** Whether the version's years are sound; amounts per year are only checked against sound years. */
  private boolean yearsSound = true;
  /** Per year, the sum of the absolute amounts seen so far (saturating at Long.MAX_VALUE). */
  private long[] absoluteTotals;

  private BudgetValidator(Budget budget) {
    this.budget = budget;
    this.years = budget.version() == null || budget.version().years() == null ? List.of() : budget.version().years();
  }

  /** Every rule the budget breaks; empty when it is valid. */
  public static List<Violation> validate(Budget budget) {
    BudgetValidator v = new BudgetValidator(budget);
    v.run();
    return List.copyOf(v.violations);
  }

  /** Throws {@link InvalidBudgetException} listing what is wrong, unless the budget is valid. */
  public static void requireValid(Budget budget) {
    List<Violation> found = validate(budget);
    if (!found.isEmpty()) {
      throw new InvalidBudgetException(found);
    }
  }

  private void add(ModelPath path, String message) {
    violations.add(new Violation(path, message));
  }

  private void run() {
    header();
    simpleList("products", budget.products(), x -> x.id(), x -> x.title(), "title");
    Set<String> members = simpleList("members", budget.members(), Member::id, Member::name, "name");
    simpleList("categories", budget.categories(), x -> x.id(), x -> x.title(), "title");
    simpleList("third_parties", budget.thirdParties(), x -> x.id(), x -> x.title(), "title");
    keys(members);
    programmes();
    proposals();
    transfers();
    annex();
    glossary();
    printed();
    for (int y = 0; absoluteTotals != null && y < absoluteTotals.length; y++) {
      if (absoluteTotals[y] > MAX_YEAR_TOTAL_CENTS) {
        add(ModelPath.ROOT, "the amounts are too large to add up exactly in cents: in " + years.get(y)
            + " the lines of the budget add up to more than " + Money.ofCents(MAX_YEAR_TOTAL_CENTS) + " euros, counted without sign");
        break;
      }
    }
  }

  // ---- header -----------------------------------------------------------------------------------

  private void header() {
    ModelPath org = ModelPath.of("organisation");
    if (budget.organisation() == null) {
      add(org, "the budget has no organisation");
    } else {
      id(org.field("id"), budget.organisation().id(), "organisation.id");
      text(org.field("name"), budget.organisation().name(), "organisation.name");
    }
    ModelPath ver = ModelPath.of("version");
    if (budget.version() == null) {
      add(ver, "the budget has no version");
      yearsSound = false;
      return;
    }
    id(ver.field("id"), budget.version().id(), "version.id");
    text(ver.field("title"), budget.version().title(), "version.title");
    if (budget.version().phase() == null) {
      add(ver.field("phase"), "version.phase must be one of concept, adopted, mid-year, accounts");
    }
    if (years.isEmpty()) {
      add(ver.field("years"), "version.years must list at least one year");
      yearsSound = false;
      return;
    }
    int before = violations.size();
    for (int i = 0; i < years.size(); i++) {
      int year = years.get(i);
      if (year < 1000 || year > 9999) {
        add(ver.field("years").index(i), "version.years: " + year + " is not a year of four digits");
      } else if (i > 0 && year != years.get(i - 1) + 1) {
        add(ver.field("years").index(i),
            "version.years must be consecutive years in ascending order; " + year + " follows " + years.get(i - 1));
      }
    }
    yearsSound = violations.size() == before;
    if (!years.contains(budget.version().budgetYear())) {
      add(ver.field("budget_year"), "version.budget_year " + budget.version().budgetYear() + " is not one of the version's years " + years);
    }
  }

  // ---- small helpers --------------------------------------------------------------------------

  private boolean text(ModelPath path, String value, String what) {
    if (value == null || value.isBlank()) {
      add(path, what + " must be a non-empty text");
      return false;
    }
    return true;
  }

  /** An id: a non-empty text without slashes or spaces (ids make up figure ids like table/row/column). */
  private boolean id(ModelPath path, String value, String what) {
    if (!text(path, value, what)) {
      return false;
    }
    if (!isId(value)) {
      add(path, what + " '" + value + "' must not contain a slash or spaces");
      return false;
    }
    return true;
  }

  /** No slash and no white space (a loop, not a regular expression: it runs for every line of the engine's input). */
  private static boolean isId(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Ids and titles of a plain list; returns the ids. */
  private <T> Set<String> simpleList(String field, List<T> items, Function<T, String> idOf, Function<T, String> titleOf, String titleKey) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = ModelPath.of(field).index(i);
      String id = idOf.apply(items.get(i));
      if (id(at.field("id"), id, field + " id") && !ids.add(id)) {
        add(at.field("id"), "duplicate id '" + id + "' in " + field);
      }
      text(at.field(titleKey), titleOf.apply(items.get(i)), field + " " + titleKey);
    }
    return ids;
  }

  /**
   * Checks one line's amounts: as many years as the version, within range, pm only where allowed and
   * never mixed with amounts, and (with {@code allYears}) an amount in every year.
   */
  private void amounts(ModelPath at, Amounts a, String what, boolean allYears, boolean pmAllowed) {
    if (!yearsSound) {
      return; // reported at the version's years
    }
    if (a == null) {
      add(at, what + " are missing");
      return;
    }
    if (a.size() != years.size()) {
      add(at, what + " have " + a.size() + " years; the version has " + years.size());
      return;
    }
    int firstPm = -1;
    boolean anyAmount = false;
    for (int y = 0; y < a.size(); y++) {
      switch (a.kind(y)) {
        case PM -> {
          if (!pmAllowed) {
            add(at.key(years.get(y)), what + " " + years.get(y) + ": pm is not allowed here; give an amount");
          } else if (firstPm < 0) {
            firstPm = y;
          }
        }
        case AMOUNT -> {
          anyAmount = true;
          if (absoluteTotals == null) {
            absoluteTotals = new long[years.size()];
          }
          long abs = a.cents(y) == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a.cents(y));
          absoluteTotals[y] = abs > Long.MAX_VALUE - absoluteTotals[y] ? Long.MAX_VALUE : absoluteTotals[y] + abs;
          if (Math.abs(a.cents(y)) > MAX_CENTS || a.cents(y) == Long.MIN_VALUE) {
            add(at.key(years.get(y)), what + " " + years.get(y) + ": " + Money.ofCents(a.cents(y))
                + " is larger than Begroot accepts (1.000.000.000.000 euros)");
          }
        }
        case BLANK -> {
          if (allYears) {
            add(at, what + " lacks the year " + years.get(y));
          }
        }
      }
    }
    if (firstPm >= 0 && anyAmount) {
      add(at.key(years.get(firstPm)), what + " mixes pm with amounts: a line is either pm (amount not known yet) or has amounts in euros");
    }
  }

  // ---- keys -------------------------------------------------------------------------------------

  private void keys(Set<String> memberIds) {
    Set<String> ids = new HashSet<>();
    List<DistributionKey> keys = budget.keys();
    for (int i = 0; i < keys.size(); i++) {
      DistributionKey key = keys.get(i);
      ModelPath at = ModelPath.of("keys").index(i);
      String id = key.id();
      if (id(at.field("id"), id, "key id") && !ids.add(id)) {
        add(at.field("id"), "duplicate key id '" + id + "'");
        continue;
      }
      text(at.field("title"), key.title(), "key title");
      ModelPath shares = at.field("shares");
      boolean unknownNamed = false;
      for (var e : key.sharesPercent().entrySet()) {
        if (!memberIds.contains(e.getKey())) {
          unknownNamed = true;
          add(shares.key(e.getKey()), "key '" + id + "' names an unknown member '" + e.getKey() + "'");
        } else if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(HUNDRED) > 0) {
          add(shares.key(e.getKey()), "the share of " + e.getKey() + " in key '" + id
              + "' must be a percentage such as 6.80 (a number from 0 to 100, a dot for decimals)");
        }
      }
      boolean complete = !unknownNamed;
      for (Member member : budget.members()) {
        if (!key.sharesPercent().containsKey(member.id())) {
          complete = false;
          if (!unknownNamed) {
            add(shares.key(member.id()), "member '" + member.id() + "' (" + member.name() + ") is missing from key '" + id + "'");
          }
        }
      }
      if (complete && key.sharesPercent().values().stream().allMatch(v -> v != null)) {
        BigDecimal sum = key.sumPercent();
        if (sum.compareTo(HUNDRED) != 0 && !(key.roundedForPrint() && key.normalise())) {
          add(shares, "key '" + id + "' adds up to " + sum.toPlainString()
              + " %, not 100 %; if its shares were rounded for print, set rounded_for_print: true and normalise: true");
        }
        if (sum.signum() == 0) {
          add(shares, "key '" + id + "' has only zero shares");
        }
      }
      if (key.roundedForPrint() && !key.normalise()) {
        add(at.field("rounded_for_print"), "key '" + id + "' is rounded_for_print but does not ask to normalise: set normalise: true");
      }
    }
  }

  // ---- programmes -------------------------------------------------------------------------------

  private void programmes() {
    Set<String> unitIds = new HashSet<>();
    boolean overheadSeen = false;
    List<Programme> programmes = budget.programmes();
    for (int i = 0; i < programmes.size(); i++) {
      Programme p = programmes.get(i);
      ModelPath at = ModelPath.of("programmes").index(i);
      String what = "programme '" + p.id() + "'";
      if (id(at.field("id"), p.id(), "programme id") && programmeIndex.putIfAbsent(p.id(), i) != null) {
        add(at.field("id"), "duplicate programme id '" + p.id() + "'");
      }
      text(at.field("title"), p.title(), what + " title");
      if (p.overheadView() && overheadSeen) {
        add(at.field("overhead_view"), "only one programme can be the overhead view");
      }
      overheadSeen |= p.overheadView();
      spread(p, at, what);
      ModelPath frame = at.field("frame");
      amounts(frame.field("lasten"), p.frameLasten(), what + " frame lasten", true, false);
      if (p.overheadView()) {
        if (p.frameBaten() != null && anyNonBlank(p.frameBaten())) {
          add(frame.field("baten"), what + " is the overhead view: its frame has lasten only");
        }
      } else {
        amounts(frame.field("baten"), p.frameBaten(), what + " frame baten", true, false);
      }
      List<Unit> units = p.units();
      if (units.isEmpty()) {
        add(at.field("units"), what + " needs at least one unit");
      }
      for (int u = 0; u < units.size(); u++) {
        ModelPath uat = at.field("units").index(u);
        Unit unit = units.get(u);
        if (id(uat.field("id"), unit.id(), "unit id")) {
          if (!unitIds.add(unit.id())) {
            add(uat.field("id"), "duplicate unit id '" + unit.id() + "'");
          } else {
            unitProgramme.put(unit.id(), i);
          }
        }
        text(uat.field("title"), unit.title(), "unit title");
      }
    }
  }

  private void spread(Programme p, ModelPath at, String what) {
    ModelPath spreadAt = at.field("spread");
    if (p.spread().isEmpty()) {
      if (p.overheadView()) {
        add(at, what + " is the overhead view and needs a spread over the annex columns");
      }
      return;
    }
    if (!p.overheadView()) {
      add(spreadAt, what + " has a spread but is not the overhead view");
    }
    BigDecimal sum = BigDecimal.ZERO;
    List<String> outOfRange = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (var e : p.spread().entrySet()) {
      BigDecimal share = e.getValue() == null ? BigDecimal.ZERO : e.getValue();
      sum = sum.add(share);
      written.add(e.getKey() + " " + share.toPlainString() + " %");
      if (share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
        outOfRange.add(e.getKey() + " " + share.toPlainString() + " %");
      }
    }
    if (!outOfRange.isEmpty()) {
      add(spreadAt, what + " spread gives column " + String.join(", column ", outOfRange)
          + "; each share must be from 0 to 100 % (the shares as written, " + String.join(", ", written) + ", add up to "
          + sum.toPlainString() + " %)");
    } else if (sum.compareTo(HUNDRED) != 0) {
      add(spreadAt, what + " spread adds up to " + sum.toPlainString() + " %, not 100 % (as written: " + String.join(", ", written) + ")");
    }
  }

  private static boolean anyNonBlank(Amounts a) {
    for (int y = 0; y < a.size(); y++) {
      if (a.kind(y) != Amounts.Kind.BLANK) {
        return true;
      }
    }
    return false;
  }

  // ---- proposals --------------------------------------------------------------------------------

  private static String ruleWord(Proposal.Rule rule) {
    return switch (rule) {
      case ENTERED -> "entered";
      case TRANSFER -> "transfer";
      case BALANCING -> "balancing";
      case PASS_THROUGH_CONTRIBUTION -> "pass-through-contribution";
    };
  }

  private void proposals() {
    List<Proposal> proposals = budget.proposals();
    Set<String> categories = ids(budget.categories(), c -> c.id());
    Set<String> products = ids(budget.products(), c -> c.id());
    Set<String> thirdParties = ids(budget.thirdParties(), c -> c.id());
    int balancing = -1;
    int contribution = -1;
    boolean anyPassThrough = false;
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      ModelPath at = ModelPath.of("proposals").index(i);
      String what = "proposal '" + p.id() + "'";
      if (id(at.field("id"), p.id(), "proposal id")) {
        Integer first = proposalIndex.putIfAbsent(p.id(), i);
        if (first != null) {
          violations.add(new Violation(at.field("id"), "duplicate proposal id '" + p.id() + "'", ModelPath.of("proposals").index(first)));
          duplicateProposals.add(i);
          continue;
        }
      }
      if (p.units().isEmpty()) {
        add(at.field("unit"), what + " must name its unit");
      } else if (p.units().size() > 1 && p.units().size() != new HashSet<>(p.units()).size()) {
        add(at.field("unit"), what + " names the same unit twice");
      }
      Integer firstProgramme = null;
      boolean severalProgrammes = false;
      for (int u = 0; u < p.units().size(); u++) {
        String unit = p.units().get(u);
        Integer programme = unitProgramme.get(unit);
        if (programme == null) {
          add(at.field("unit").index(u), what + " names an unknown unit '" + unit + "'");
        } else if (firstProgramme == null) {
          firstProgramme = programme;
        } else {
          severalProgrammes |= !programme.equals(firstProgramme);
        }
      }
      if (severalProgrammes) {
        add(at.field("unit"), what + " names units of different programmes");
      }
      text(at.field("title"), p.title(), what + " title");
      if (p.side() == null) {
        add(at.field("side"), what + " side must be lasten or baten");
      }
      if (p.nature() == null) {
        add(at.field("nature"), what + " nature must be one-off or recurring");
      }
      if (p.rule() == null) {
        add(at.field("rule"), what + " rule must be one of entered, transfer, balancing, pass-through-contribution");
        continue;
      }
      if (p.category() != null && !categories.contains(p.category())) {
        add(at.field("category"), what + " names an unknown category '" + p.category() + "'");
      }
      for (int k = 0; k < p.products().size(); k++) {
        if (!products.contains(p.products().get(k))) {
          add(at.field("products").index(k), what + " names an unknown product '" + p.products().get(k) + "'");
        }
      }
      if (p.thirdParty() != null && !thirdParties.contains(p.thirdParty())) {
        add(at.field("third_party"), what + " names an unknown third party '" + p.thirdParty() + "'");
      }
      if (p.rule() == Proposal.Rule.ENTERED) {
        amounts(at.field("amounts"), p.amounts(), what + " amounts", false, true);
      } else if (p.amounts() != null && anyNonBlank(p.amounts())) {
        add(at.field("amounts"), what + " is computed (rule " + ruleWord(p.rule()) + ") and must not have amounts of its own");
      }
      if (p.rule() == Proposal.Rule.BALANCING) {
        if (balancing >= 0) {
          violations.add(new Violation(at.field("rule"), "only one line can balance the budget", ModelPath.of("proposals").index(balancing)));
        } else {
          balancing = i;
        }
        if (p.side() == Side.LASTEN) {
          add(at.field("side"), what + " balances the budget and must be a baten line (the members' contribution)");
        }
      }
      if (p.passThrough()) {
        anyPassThrough = true;
        if (p.rule() != Proposal.Rule.ENTERED) {
          add(at.field("pass_through"), what + " moves items to the pass-through budget and must have entered amounts");
        }
      }
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        if (contribution >= 0) {
          add(at, "only one line can be the contribution for items moved to the pass-through budget; the first is '"
              + proposals.get(contribution).id() + "'");
        } else {
          contribution = i;
        }
        if (p.side() == Side.LASTEN) {
          add(at, what + " is the members' contribution and must be a baten line");
        }
      }
      Integer programme = p.units().isEmpty() ? null : unitProgramme.get(p.units().get(0));
      if (programme != null && budget.programmes().get(programme).overheadView()) {
        if (p.rule() != Proposal.Rule.ENTERED) {
          add(at, what + " belongs to the overhead view, whose lines are entered amounts only");
        }
        if (p.side() == Side.BATEN) {
          add(at, what + " is a baten line of the overhead view, which has lasten only");
        }
      }
      if (p.breakdown() != null) {
        breakdown(at.field("breakdown"), p.breakdown(), what, p.amounts());
      }
    }
    if (contribution >= 0 && !anyPassThrough) {
      add(ModelPath.of("proposals").index(contribution), "proposal '" + proposals.get(contribution).id()
          + "' is the contribution for items moved to the pass-through budget, but no line has pass_through");
    }
  }

  private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    Set<String> ids = new HashSet<>();
    for (T item : items) {
      ids.add(id.apply(item));
    }
    return ids;
  }

  private void breakdown(ModelPath at, Breakdown b, String what, Amounts line) {
    text(at.field("title"), b.title(), what + " breakdown title");
    ModelPath components = at.field("components");
    Set<String> ids = new HashSet<>();
    long[] sums = new long[years.size()];
    boolean[] any = new boolean[years.size()];
    for (int c = 0; c < b.components().size(); c++) {
      Breakdown.Component component = b.components().get(c);
      ModelPath cat = components.index(c);
      if (id(cat.field("id"), component.id(), "component id") && !ids.add(component.id())) {
        add(cat.field("id"), "duplicate component id '" + component.id() + "' in " + what);
      }
      text(cat.field("title"), component.title(), "component title");
      Amounts a = component.amounts();
      amounts(cat.field("amounts"), a, what + " component '" + component.id() + "' amounts", false, false);
      if (a != null && a.size() == years.size()) {
        for (int y = 0; y < years.size(); y++) {
          if (a.kind(y) == Amounts.Kind.AMOUNT) {
            sums[y] += a.cents(y);
            any[y] = true;
          }
        }
      }
    }
    if (line == null || line.size() != years.size()) {
      return;
    }
    for (int y = 0; y < years.size(); y++) {
      if (any[y] && sums[y] != line.cents(y)) {
        add(components, what + " breakdown components add up to " + Money.ofCents(sums[y]) + " in " + years.get(y)
            + ", but the proposal has " + Money.ofCents(line.cents(y)));
      }
    }
  }

  // ---- transfers ------------------------------------------------------------------------------

  private void transfers() {
    Set<String> referenced = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<Transfer> transfers = budget.transfers();
    for (int i = 0; i < transfers.size(); i++) {
      Transfer t = transfers.get(i);
      ModelPath at = ModelPath.of("transfers").index(i);
      if (id(at.field("id"), t.id(), "transfer id") && !ids.add(t.id())) {
        add(at.field("id"), "duplicate transfer id '" + t.id() + "'");
      }
      String what = "transfer '" + t.id() + "'";
      text(at.field("title"), t.title(), what + " title");
      ModelPath legs = at.field("legs");
      if (t.legs().size() < 2) {
        add(legs, what + " needs at least two legs");
      }
      long[] net = new long[years.size()];
      boolean sized = true;
      for (int l = 0; l < t.legs().size(); l++) {
        Transfer.Leg leg = t.legs().get(l);
        ModelPath lat = legs.index(l);
        Integer target = leg.line() == null ? null : proposalIndex.get(leg.line());
        Proposal line = target == null ? null : budget.proposals().get(target);
        if (leg.line() == null || leg.line().isBlank()) {
          add(lat.field("line"), "leg line must be a non-empty text");
        } else if (line == null) {
          add(lat.field("line"), what + " names an unknown proposal line '" + leg.line() + "'");
        } else if (line.rule() != Proposal.Rule.TRANSFER) {
          add(lat.field("line"), what + " names line '" + leg.line() + "', which is not a transfer line (give it rule: transfer)");
        }
        if (leg.line() != null) {
          referenced.add(leg.line());
        }
        Amounts a = leg.amounts();
        amounts(lat.field("amounts"), a, what + " leg " + leg.line(), false, false);
        if (a == null || a.size() != years.size()) {
          sized = false;
          continue;
        }
        int sign = line == null || line.side() != Side.BATEN ? 1 : -1;
        for (int y = 0; y < years.size(); y++) {
          net[y] += a.cents(y) * sign;
        }
      }
      for (int y = 0; sized && y < years.size(); y++) {
        if (net[y] != 0) {
          add(legs, what + " does not net to zero in " + years.get(y) + ": its legs add up to " + Money.ofCents(net[y]) + " euros");
        }
      }
    }
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() == Proposal.Rule.TRANSFER && !duplicateProposals.contains(i) && !referenced.contains(p.id())) {
        add(ModelPath.of("proposals").index(i), "proposal '" + p.id() + "' is a transfer line but no transfer leg names it");
      }
    }
  }

  // ---- annex ----------------------------------------------------------------------------------

  private void annex() {
    ModelPath at = ModelPath.of("annex");
    Annex annex = budget.annex();
    if (annex == null) {
      add(at, "the budget has no annex");
      return;
    }
    Set<String> keyIds = ids(budget.keys(), k -> k.id());
    text(at.field("title"), annex.title(), "annex title");
    if (text(at.field("key"), annex.keyId(), "annex key") && !keyIds.contains(annex.keyId())) {
      add(at.field("key"), "annex names an unknown key '" + annex.keyId() + "'");
    }
    Map<String, Annex.Column> columns = new LinkedHashMap<>();
    Set<String> claimedProgrammes = new HashSet<>();
    Set<String> claimedUnits = new HashSet<>();
    Set<String> claimedProposals = new HashSet<>();
    List<Annex.Column> list = annex.columns();
    for (int c = 0; c < list.size(); c++) {
      Annex.Column column = list.get(c);
      ModelPath cat = at.field("columns").index(c);
      if (id(cat.field("id"), column.id(), "column id") && columns.containsKey(column.id())) {
        add(cat.field("id"), "duplicate annex column id '" + column.id() + "'");
        continue;
      }
      String what = "annex column '" + column.id() + "'";
      text(cat.field("title"), column.title(), what + " title");
      references(cat.field("programmes"), column.programmes(), programmeIndex.keySet(), what + " names an unknown programme '%s'");
      references(cat.field("units"), column.units(), unitProgramme.keySet(), what + " names an unknown unit '%s'");
      references(cat.field("proposals"), column.proposals(), proposalIndex.keySet(), what + " names an unknown proposal '%s'");
      if (column.keyId() != null && !keyIds.contains(column.keyId())) {
        add(cat.field("key"), what + " names an unknown key '" + column.keyId() + "'");
      }
      for (int s = 0; s < column.sumOf().size(); s++) {
        if (!columns.containsKey(column.sumOf().get(s))) {
          add(cat.field("sum_of").index(s), what + " totals column '" + column.sumOf().get(s) + "', which is not a column listed before it");
        }
      }
      if (column.isSum() && (!column.programmes().isEmpty() || !column.units().isEmpty() || !column.proposals().isEmpty()
          || column.keyId() != null)) {
        add(cat, what + " is a sum of columns and cannot also gather programmes, units, proposals or have a key");
      }
      if (column.id() != null) {
        columns.put(column.id(), column);
      }
      if (!column.isSum()) {
        claimedProgrammes.addAll(column.programmes());
        claimedUnits.addAll(column.units());
        claimedProposals.addAll(column.proposals());
      }
    }
    Annex.ThirdPartyColumn third = annex.thirdPartyColumn();
    if (third != null) {
      ModelPath tat = at.field("third_party_column");
      if (id(tat.field("id"), third.id(), "third_party_column id") && columns.containsKey(third.id())) {
        add(tat.field("id"), "annex third_party_column id '" + third.id() + "' is also a column id");
      }
      text(tat.field("title"), third.title(), "third_party_column title");
      if (text(tat.field("third_party"), third.thirdParty(), "third_party_column third_party")
          && budget.thirdParties().stream().noneMatch(t -> t.id().equals(third.thirdParty()))) {
        add(tat.field("third_party"), "annex third_party_column names an unknown third party '" + third.thirdParty() + "'");
      }
    }
    for (int i = 0; i < budget.programmes().size(); i++) {
      Programme programme = budget.programmes().get(i);
      for (String col : programme.spread().keySet()) {
        ModelPath sat = ModelPath.of("programmes").index(i).field("spread").key(col);
        Annex.Column column = columns.get(col);
        if (column == null) {
          add(sat, "programme '" + programme.id() + "' spreads over column '" + col + "', which the annex does not have");
        } else if (column.isSum()) {
          add(sat, "programme '" + programme.id() + "' spreads over column '" + col + "', which is a sum of columns; spread over the columns it totals");
        }
      }
    }
    if (columns.values().stream().noneMatch(c -> !c.isSum())) {
      add(at.field("columns"), "the annex needs at least one column that gathers proposals");
      return;
    }
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (duplicateProposals.contains(i) || p.units().isEmpty() || p.rule() == Proposal.Rule.BALANCING) {
        continue;
      }
      Integer programme = unitProgramme.get(p.units().get(0));
      if (programme == null || budget.programmes().get(programme).overheadView()) {
        continue;
      }
      if (!claimedProposals.contains(p.id()) && !claimedUnits.contains(p.units().get(0))
          && !claimedProgrammes.contains(budget.programmes().get(programme).id())) {
        add(ModelPath.of("proposals").index(i), "proposal '" + p.id() + "' falls in no annex column: add its programme, unit or id to a column");
      }
    }
  }

  private void references(ModelPath at, List<String> refs, Set<String> known, String message) {
    for (int k = 0; k < refs.size(); k++) {
      if (!known.contains(refs.get(k))) {
        add(at.index(k), String.format(message, refs.get(k)));
      }
    }
  }

  // ---- glossary and printed document --------------------------------------------------------------

  private void glossary() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < budget.glossary().size(); i++) {
      var entry = budget.glossary().get(i);
      ModelPath at = ModelPath.of("glossary").index(i);
      if (text(at.field("abbreviation"), entry.abbreviation(), "abbreviation") && !seen.add(entry.abbreviation())) {
        add(at.field("abbreviation"), "duplicate abbreviation '" + entry.abbreviation() + "'");
      }
      text(at.field("meaning"), entry.meaning(), "meaning");
    }
  }

  private void printed() {
    if (budget.printed() == null) {
      return;
    }
    if (budget.printed().amountsRoundedToEuros() < 0) {
      add(ModelPath.of("printed").field("amounts_rounded_to"), "printed.amounts_rounded_to must not be negative");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < budget.printed().tables().size(); i++) {
      String table = budget.printed().tables().get(i).table();
      ModelPath at = ModelPath.of("printed").field("tables").index(i).field("table");
      if (text(at, table, "printed table id") && !seen.add(table)) {
        add(at, "printed table '" + table + "' is given twice");
      }
    }
  }
}
