package nl.begroot.core.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.money.Money;

/** The rules of the lines: proposals and their breakdowns, transfers and their legs. */
final class ProposalRules extends Rules {
  ProposalRules(Checks c) {
    super(c);
  }

  // ---- proposals --------------------------------------------------------------------------------

  static String ruleWord(Proposal.Rule rule) {
    return switch (rule) {
      case ENTERED -> "entered";
      case TRANSFER -> "transfer";
      case BALANCING -> "balancing";
      case PASS_THROUGH_CONTRIBUTION -> "pass-through-contribution";
    };
  }

  private Set<String> categories;
  private Set<String> products;
  private Set<String> thirdParties;
  /** The whole-budget state of the lines seen so far: the balancing line, the contribution line, whether any line has pass_through. */
  private int balancing = -1;
  private int contribution = -1;
  private boolean anyPassThrough;

  void proposals() {
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      line(i, proposals.get(i));
    }
    if (contribution >= 0 && !anyPassThrough) {
      add(ModelPath.of("proposals").index(contribution), "proposal '" + proposals.get(contribution).id()
          + "' is the contribution for items moved to the pass-through budget, but no line has pass_through");
    }
  }

  /**
   * The rules of the line at {@code i}: its own (id, units, title, side, nature, rule, references,
   * amounts, breakdown) and those it shares with the lines seen before it (a duplicate id, one
   * balancing line, one contribution line). {@link BudgetValidator#validateEdit} calls it for the one
   * edited line.
   */
  void line(int i, Proposal p) {
    if (categories == null) {
      categories = ids(budget.categories(), c -> c.id());
      products = ids(budget.products(), c -> c.id());
      thirdParties = ids(budget.thirdParties(), c -> c.id());
    }
    List<Proposal> proposals = budget.proposals();
    {
      ModelPath at = ModelPath.of("proposals").index(i);
      String what = "proposal '" + p.id() + "'";
      if (id(at.field("id"), p.id(), "proposal id")) {
        int first = proposalIndex.addIfAbsent(i);
        if (first >= 0) {
          violations.add(new Violation(at.field("id"), "duplicate proposal id '" + p.id() + "'", ModelPath.of("proposals").index(first)));
          duplicateProposals.add(i);
          return;
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
        return;
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
  }

  void breakdown(ModelPath at, Breakdown b, String what, Amounts line) {
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

  void transfers() {
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
        int target = proposalIndex.indexOf(leg.line());
        Proposal line = target < 0 ? null : budget.proposals().get(target);
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
}
