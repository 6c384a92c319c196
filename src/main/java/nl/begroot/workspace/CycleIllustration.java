package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.access.Actor;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.store.StoredVersion;

/**
 * The shipped illustration of the cycle after the concept (docs/cycle.md): on first start, beside the
 * built-in concept (which stays a draft, for anyone to edit), a copy of it titled as an illustration is
 * adopted, its definitive budget started and adopted, and one budget amendment of that made and adopted,
 * each through the same use cases a controller and the board use (by the system, with decisions that
 * say they are an illustration). The Tussenrapportage and the Jaarrekening of the illustration start
 * from the result. Nothing here is the association's: the dates are the day of seeding and the
 * amendment's line is made up.
 */
final class CycleIllustration {
  /** The illustration's concept; its definitive budget and amendment take their slugs from it. */
  static final String CONCEPT = "illustratie-conceptbegroting-2027";
  static final String BODY = "Algemene Vergadering (illustratie)";
  /** The amendment's made-up line: an extra amount for one unit in the budget year and after. */
  static final String LINE = "illustratie-wijziging-1";

  private final Workspace workspace;

  CycleIllustration(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The adopted definitive budget of the illustration, or empty when it is not (yet) there. */
  Optional<StoredVersion> definitive() {
    return workspace.store().version(CONCEPT).flatMap(c -> workspace.store().definitives(c.id()).stream().findFirst())
        .filter(d -> d.status().adopted());
  }

  /**
   * When the illustration's concept is not there and the built-in concept is: makes the illustration's
   * concept, definitive budget and amendment, all adopted. Returns what it made, in words; a step the
   * cycle refuses (never, for the shipped data) is said and ends it.
   */
  List<String> seedIfNone(Actor system) {
    List<String> done = new ArrayList<>();
    Optional<Snapshot> built = workspace.snapshot(Workspace.CONCEPT);
    if (built.isEmpty() || workspace.store().version(CONCEPT).isPresent()) {
      return done;
    }
    Budget b = built.get().budget();
    int year = b.version().budgetYear();
    String name = b.version().title() + " (illustratie)";
    StoredVersion frame = workspace.store().version(Workspace.FRAME).orElse(null);
    workspace.create(built.get().version().organisation(), CONCEPT, name, "concept", frame == null ? null : frame.id(), Workspace.renamed(b, CONCEPT, name),
        Workspace.actor(system), "version.seed");
    workspace.store().seedDecisions(CONCEPT, Workspace.SEED_APPROVAL, null, Workspace.actor(system));
    if (!adopt(CONCEPT, "Illustratie: de conceptbegroting vastgesteld", system, done)) {
      return done;
    }
    done.add(name);
    if (!(workspace.createDefinitive(CONCEPT, system) instanceof EditResult.Saved definitive)) {
      done.add("definitieve begroting: niet begonnen");
      return done;
    }
    if (!adopt(definitive.id(), "Illustratie: de definitieve begroting vastgesteld", system, done)) {
      return done;
    }
    done.add(workspace.version(definitive.id()).map(StoredVersion::name).orElse(definitive.id()));
    if (!(workspace.createAmendment(definitive.id(), system) instanceof EditResult.Saved amendment)) {
      done.add("begrotingswijziging: niet begonnen");
      return done;
    }
    Snapshot basis = workspace.snapshot(amendment.id()).orElseThrow();
    Proposal model = basis.budget().proposals().stream().filter(p -> p.rule() == Proposal.Rule.ENTERED && !p.passThrough()
        && p.side() == nl.begroot.core.model.Side.LASTEN && p.thirdParty() == null).findFirst().orElseThrow();
    Map<Integer, String> amounts = new LinkedHashMap<>();
    for (int y : basis.budget().version().years()) {
      amounts.put(y, y < year ? "0" : "50.000");
    }
    EditResult line = workspace.createProposal(amendment.id(), new ProposalDraft(LINE, model.unit(),
        "Illustratie: extra inzet (verzonnen)", "lasten", "recurring", model.category(), model.products(), amounts,
        null), system);
    if (!(line instanceof EditResult.Saved)
        || !(workspace.moveProposal(amendment.id(), LINE, ProposalMove.SUBMIT, null, system) instanceof EditResult.Saved)
        || !(workspace.moveProposal(amendment.id(), LINE, ProposalMove.APPROVE, null, system) instanceof EditResult.Saved)) {
      done.add("begrotingswijziging: de regel niet opgenomen (" + line + ")");
      return done;
    }
    if (adopt(amendment.id(), "Illustratie: begrotingswijziging 1 vastgesteld", system, done)) {
      done.add(workspace.version(amendment.id()).map(StoredVersion::name).orElse(amendment.id()));
    }
    return done;
  }

  private boolean adopt(String slug, String reference, Actor system, List<String> done) {
    EditResult submitted = workspace.moveVersion(slug, VersionMove.SUBMIT, null, null, null, system);
    EditResult adopted = submitted instanceof EditResult.Saved
        ? workspace.moveVersion(slug, VersionMove.ADOPT, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(), BODY,
            reference, system)
        : submitted;
    if (!(adopted instanceof EditResult.Saved)) {
      done.add(slug + ": niet vastgesteld (" + adopted + ")");
      return false;
    }
    return true;
  }
}
