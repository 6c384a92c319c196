package nl.begroot.core.validate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/** The rules of Bijlage 1: columns and what they gather, the third-party column, spread columns, and that every proposal falls in a column. */
final class AnnexRules extends Rules {
  AnnexRules(Checks c) {
    super(c);
  }

  // ---- annex ----------------------------------------------------------------------------------

  void annex() {
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
      references(cat.field("proposals"), column.proposals(), proposalIndex.ids(), what + " names an unknown proposal '%s'");
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
    Claims claims = new Claims(claimedProgrammes, claimedUnits, claimedProposals);
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      inColumn(i, proposals.get(i), claims);
    }
  }

  /** What the annex's gathering columns claim: programmes, units and proposals by id. */
  record Claims(Set<String> programmes, Set<String> units, Set<String> proposals) {}

  /**
   * The claims of the annex's columns as {@link #annex} gathers them (a column whose id was given
   * before is skipped, a sum of columns claims nothing), without checking the columns: for {@link
   * BudgetValidator#validateEdit}, whose budget's annex was found valid.
   */
  Claims claims() {
    Set<String> seen = new HashSet<>();
    Claims claims = new Claims(new HashSet<>(), new HashSet<>(), new HashSet<>());
    for (Annex.Column column : budget.annex().columns()) {
      if (column.id() != null && !column.id().isBlank() && seen.contains(column.id())) {
        continue; // as annex(): a duplicate id (a blank one is reported as missing, and its column still gathers)
      }
      if (column.id() != null) {
        seen.add(column.id());
      }
      if (!column.isSum()) {
        claims.programmes().addAll(column.programmes());
        claims.units().addAll(column.units());
        claims.proposals().addAll(column.proposals());
      }
    }
    return claims;
  }

  /** The rule that the line at {@code i} falls in a column (not asked of a duplicate, a balancing line, the overhead view's lines). */
  void inColumn(int i, Proposal p, Claims claims) {
    if (duplicateProposals.contains(i) || p.units().isEmpty() || p.rule() == Proposal.Rule.BALANCING) {
      return;
    }
    Integer programme = unitProgramme.get(p.units().get(0));
    if (programme == null || budget.programmes().get(programme).overheadView()) {
      return;
    }
    if (!claims.proposals().contains(p.id()) && !claims.units().contains(p.units().get(0))
        && !claims.programmes().contains(budget.programmes().get(programme).id())) {
      add(ModelPath.of("proposals").index(i), "proposal '" + p.id() + "' falls in no annex column: add its programme, unit or id to a column");
    }
  }

  void references(ModelPath at, List<String> refs, Set<String> known, String message) {
    for (int k = 0; k < refs.size(); k++) {
      if (!known.contains(refs.get(k))) {
        add(at.index(k), String.format(message, refs.get(k)));
      }
    }
  }
}
