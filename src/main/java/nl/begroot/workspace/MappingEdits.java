package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/**
 * Changing a version's ledger mapping (grootboekindeling, docs/actuals.md) as a whole: the rows a form
 * or request sent replace the mapping, checked by the core as a whole budget before it is stored, in
 * one transaction with the revision check and the change log, like a distribution key.
 */
final class MappingEdits {
  /** At most this many rows in one mapping: a chart of accounts of a large organisation fits, a flood does not. */
  static final int MAX_ROWS = Workspace.MAX_MAPPING_ROWS;

  private final Workspace workspace;

  MappingEdits(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Replaces the mapping of {@code slug} by {@code rows} (in order; a row whose fields are all empty is
   * no row) when the version is still at {@code expectedRevision}.
   */
  EditResult change(String slug, List<Workspace.MappingRow> rows, int expectedRevision, Actor actor) {
    return workspace.write(slug, actor, w -> {
      Access.require(actor, Permission.EDIT_MAPPING, Workspace.scope(w.version()));
      return change(w, rows, expectedRevision);
    }).orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  private EditResult change(VersionStore.Write w, List<Workspace.MappingRow> rows, int expectedRevision) {
    Budget b = workspace.state(w).budget();
    List<FieldError> errors = new ArrayList<>();
    List<LedgerRule> rules = new ArrayList<>();
    List<Integer> lines = new ArrayList<>(); // each rule's row number as the form shows it (1-based)
    if (rows.size() > MAX_ROWS) {
      return new EditResult.Invalid(List.of(new FieldError("form", "Een grootboekindeling heeft ten hoogste " + MAX_ROWS + " regels, niet " + rows.size() + ".",
          "A ledger mapping has at most " + MAX_ROWS + " rows, not " + rows.size() + ".")));
    }
    for (int i = 0; i < rows.size(); i++) {
      Workspace.MappingRow r = rows.get(i);
      if (r == null || r.blank()) {
        continue;
      }
      int line = i + 1;
      Side side = switch (trim(r.side()) == null ? "" : trim(r.side())) {
        case "lasten" -> Side.LASTEN;
        case "baten" -> Side.BATEN;
        default -> null;
      };
      if (side == null) {
        errors.add(new FieldError(field(line, "side"), "Regel " + line + ": kies lasten of baten, niet '" + Drafts.shorten(String.valueOf(r.side())) + "'.",
            "Row " + line + ": choose lasten or baten, not '" + Drafts.shorten(String.valueOf(r.side())) + "'."));
      }
      MoneyKind money = trim(r.money()) == null ? null : MoneyKind.ofCode(trim(r.money())).orElse(null);
      if (money == null) {
        errors.add(new FieldError(field(line, "money"), "Regel " + line + ": kies eigen geld, kassiersfunctie of geld van derden, niet '"
            + Drafts.shorten(String.valueOf(r.money())) + "'.", "Row " + line + ": choose own, pass-through or third-party money, not '"
            + Drafts.shorten(String.valueOf(r.money())) + "'."));
      }
      rules.add(new LedgerRule(trim(r.account()), trim(r.costCentre()), trim(r.unit()), side, money, trim(r.thirdParty())));
      lines.add(line);
    }
    if (errors.isEmpty()) {
      errors = EditCheck.mapping(b.withLedgerMapping(rules), lines);
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    Budget candidate = b.withLedgerMapping(rules);
    StoredVersion now = w.version();
    if (now.revision() != expectedRevision) {
      return new EditResult.Conflict("ledger_mapping", now.revision(), now.updatedBy(), text(b.ledgerMapping()), text(rules));
    }
    w.replaceBase(BudgetCodec.base(candidate, w.proposals()), "mapping.change", "ledger_mapping");
    return new EditResult.Saved("ledger_mapping");
  }

  static String field(int line, String name) {
    return "row." + line + "." + name;
  }

  /** The mapping as lines of text, for the conflict page: {@code 4300 KP2.3 → 2.3 lasten own}. */
  static String text(List<LedgerRule> rules) {
    StringBuilder sb = new StringBuilder();
    for (LedgerRule r : rules) {
      sb.append(r.account()).append(r.costCentre() == null ? "" : " " + r.costCentre()).append(" → ").append(r.unit()).append(' ')
          .append(r.side() == null ? "?" : r.side().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
          .append(r.money() == null ? "?" : r.money().code()).append(r.thirdParty() == null ? "" : " " + r.thirdParty()).append('\n');
    }
    return sb.toString();
  }

  /** A field as typed without its surrounding spaces; empty is absent. */
  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
