package nl.begroot.workspace;

import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Scope;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Version;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.BudgetWriter;
import nl.begroot.format.LoadResult;
import nl.begroot.store.NewProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/** The use cases over whole versions: copy into a scenario, delete, import a budget file or proposals, export, compare. */
final class VersionEdits {
  private final Workspace workspace;
  private final VersionStore store;

  VersionEdits(Workspace workspace) {
    this.workspace = workspace;
    this.store = workspace.store();
  }

  /** Copies a version into a new scenario; the original is untouched. */
  EditResult copy(String fromSlug, String name, Actor actor) {
    Optional<Snapshot> s = workspace.current(fromSlug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + fromSlug);
    }
    Access.require(actor, Permission.CREATE_SCENARIO, Workspace.scope(s.get().version()));
    Optional<FieldError> bad = Workspace.checkName(name);
    if (bad.isPresent()) {
      return new EditResult.Invalid(List.of(bad.get()));
    }
    String slug = Workspace.slug(name);
    List<NewProposal> proposals = s.get().rows().stream()
        .map(r -> new NewProposal(r.proposalId(), r.unitId(), r.title(), r.bodyYaml(), r.withdrawn())).toList();
    // the copy carries its own name, so that what it prints or exports is never taken for the original
    String base = BudgetCodec.base(Workspace.renamed(s.get().budget(), slug, name.strip()), s.get().rows());
    Optional<StoredVersion> created = store.create(s.get().version().organisation(), slug, name.strip(), "scenario", s.get().version().id(),
        base, proposals, Workspace.actor(actor), "version.copy");
    return created.<EditResult>map(v -> new EditResult.Saved(v.slug()))
        .orElseGet(() -> new EditResult.Invalid(List.of(new FieldError("name", "Er is al een versie met de naam '" + slug + "'.",
            "There already is a version named '" + slug + "'."))));
  }

  /** Deletes a scenario (the shipped versions and versions others are based on stay). */
  EditResult delete(String slug, Actor actor) {
    Optional<StoredVersion> v = store.version(slug);
    if (v.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Access.require(actor, Permission.DELETE_SCENARIO, Workspace.scope(v.get()));
    if (!"scenario".equals(v.get().kind()) && !"import".equals(v.get().kind())) {
      return new EditResult.Invalid(List.of(new FieldError("form", "Alleen scenario's en ingelezen versies kunnen worden verwijderd.",
          "Only scenarios and imported versions can be deleted.")));
    }
    if (!store.delete(v.get().id(), Workspace.actor(actor))) {
      return new EditResult.Invalid(List.of(new FieldError("form", "Andere versies zijn op deze versie gebaseerd; verwijder die eerst.",
          "Other versions are based on this version; delete those first.")));
    }
    workspace.forget(slug);
    workspace.written(slug);
    return new EditResult.Saved(slug);
  }

  /** Imports a whole budget file as a new version; a file with any problem changes nothing. */
  Workspace.ImportResult importFile(String organisation, String name, String fileName, String text, Actor actor) {
    Access.require(actor, Permission.CREATE_SCENARIO, Scope.NONE);
    Optional<FieldError> bad = Workspace.checkName(name);
    if (bad.isPresent()) {
      return new Workspace.ImportResult(null, List.of(), bad.get());
    }
    LoadResult result = BudgetReader.read(fileName == null || fileName.isBlank() ? "upload" : fileName, text);
    if (result instanceof LoadResult.Rejected r) {
      return new Workspace.ImportResult(null, r.problems(), null);
    }
    Budget budget = ((LoadResult.Loaded) result).budget();
    List<nl.begroot.format.Problem> warnings = ((LoadResult.Loaded) result).warnings();
    String slug = Workspace.slug(name);
    // the version belongs to the organisation its file names when the installation has it, else to the one asked for
    String org = workspace.organisationOf(budget, organisation);
    Access.require(actor, Permission.CREATE_SCENARIO, Scope.NONE.organisation(org));
    Optional<StoredVersion> created = workspace.create(org, slug, name.strip(), "import", null, budget, Workspace.actor(actor), "version.import");
    if (created.isEmpty()) {
      return new Workspace.ImportResult(null, List.of(), new FieldError("name", "Er is al een versie met de naam '" + slug + "'.",
          "There already is a version named '" + slug + "'."));
    }
    return new Workspace.ImportResult(slug, List.of(), null, warnings);
  }

  /**
   * Makes a new version from {@code fromSlug}'s base with {@code proposals} (e.g. read from an
   * Excel template) instead of its own; refused with every problem when the result is not valid.
   */
  Workspace.ImportResult importProposals(String fromSlug, String name, List<Proposal> proposals, Actor actor) {
    Access.require(actor, Permission.CREATE_SCENARIO, Scope.NONE);
    Optional<FieldError> bad = Workspace.checkName(name);
    if (bad.isPresent()) {
      return new Workspace.ImportResult(null, List.of(), bad.get());
    }
    Optional<Snapshot> s = workspace.current(fromSlug);
    if (s.isEmpty()) {
      return new Workspace.ImportResult(null, List.of(), new FieldError("from", "Versie '" + fromSlug + "' bestaat niet.", "Version '" + fromSlug + "' does not exist."));
    }
    Access.require(actor, Permission.CREATE_SCENARIO, Workspace.scope(s.get().version()));
    Budget candidate = Workspace.renamed(s.get().budget(), Workspace.slug(name), name.strip()).withProposals(proposals);
    // the core validates the budget as it is, in one pass (no detour through the file format): the
    // same checks as every edit, each problem named by its proposal and field
    EditCheck.Imported check = EditCheck.imported(candidate, "werkmap");
    if (!check.problems().isEmpty()) {
      return new Workspace.ImportResult(null, check.problems(), null);
    }
    Optional<StoredVersion> created = workspace.create(s.get().version().organisation(), Workspace.slug(name), name.strip(), "import",
        s.get().version().id(),
        candidate, Workspace.actor(actor), "version.import-proposals");
    if (created.isEmpty()) {
      return new Workspace.ImportResult(null, List.of(), new FieldError("name", "Er is al een versie met de naam '" + Workspace.slug(name) + "'.",
          "There already is a version named '" + Workspace.slug(name) + "'."));
    }
    return new Workspace.ImportResult(created.get().slug(), List.of(), null, check.warnings());
  }

  /** The version as a budget file (the core's format); withdrawn proposals are not part of it. */
  Optional<String> export(String slug) {
    return workspace.snapshot(slug).map(s -> BudgetWriter.write(s.budget()));
  }

  /** Compares two versions; empty when either does not exist. */
  Optional<Comparison> compare(String a, String b) {
    Optional<Snapshot> sa = workspace.snapshot(a);
    Optional<Snapshot> sb = workspace.snapshot(b);
    if (sa.isEmpty() || sb.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Comparison.of(sa.get().document(), sb.get().document()));
  }
}
