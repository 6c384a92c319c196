package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.compare.Comparison;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Workspace;

/** The pages over versions: the list, copy into a scenario, import (budget file or workbook), delete, export and compare. */
final class VersionPages extends Pages {
  VersionPages(Shared shared) {
    super(shared);
  }

  void versions(Context ctx) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    render(ctx, "versions.jte", v, new VersionsData(List.of(), List.of(), "", ""));
  }

  void copyVersion(Context ctx) {
    String from = Optional.ofNullable(ctx.formParam("from")).orElse("");
    String name = ctx.formParam("name");
    EditResult r = workspace.copy(from, name, actor(ctx));
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect("/v/" + View.enc(saved.id()), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(inv.errors(), List.of(), name == null ? "" : name, ""));
    } else if (r instanceof EditResult.NotFound nf) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("from", "Versie '" + nf.what() + "' bestaat niet.",
          "Version '" + nf.what() + "' does not exist.")), List.of(), name == null ? "" : name, ""));
    } else if (r instanceof EditResult.Conflict c) {
      throw new IllegalStateException("copy cannot conflict");
    }
  }

  void importVersion(Context ctx) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    String name = ctx.formParam("name");
    var file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      ctx.status(422);
      FieldError error = file == null || file.filename() == null || file.filename().isBlank()
          ? new FieldError("file", "Kies een begrotingsbestand.", "Choose a budget file.")
          : new FieldError("file", "Het bestand " + file.filename() + " is leeg.", "The file " + file.filename() + " is empty.");
      render(ctx, "versions.jte", v, new VersionsData(List.of(error),
          List.of(), "", name == null ? "" : name));
      return;
    }
    String text;
    try (var in = file.content()) {
      byte[] bytes = in.readNBytes((int) nl.begroot.format.BudgetFiles.MAX_BYTES + 1);
      if (bytes.length > nl.begroot.format.BudgetFiles.MAX_BYTES) {
        ctx.status(413);
        render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("file", "Het bestand is groter dan "
            + nl.begroot.core.model.BudgetSize.limit().replace("characters", "tekens") + " (de grens).",
            "The file is larger than " + nl.begroot.core.model.BudgetSize.limit() + " (the limit).")),
            List.of(), "", name == null ? "" : name));
        return;
      }
      text = Api.utf8(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (text == null) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("file", "Het bestand is geen UTF-8-tekst.", "The file is not UTF-8 text.")),
          List.of(), "", name == null ? "" : name));
      return;
    }
    Workspace.ImportResult r = workspace.importFile(organisation(ctx, null), name, file.filename(), text, actor(ctx));
    if (r.slug() != null && !r.warnings().isEmpty()) {
      // imported, but the reader has something worth a look: show it here, with the way to the new version
      ctx.status(201);
      ctx.header("Location", "/v/" + View.enc(r.slug()));
      render(ctx, "versions.jte", view(ctx, null, I18n.of(lang(ctx)).t("versions.title")),
          new VersionsData(List.of(), List.of(), "", "", r.slug(), r.warnings()));
      return;
    }
    if (r.slug() != null) {
      ctx.redirect("/v/" + View.enc(r.slug()), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(422);
    render(ctx, "versions.jte", v, new VersionsData(r.error() == null ? List.of() : List.of(r.error()), r.problems(), "", name == null ? "" : name));
  }

  void importWorkbook(Context ctx, Downloads downloads) {
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    Downloads.Result r = downloads.importWorkbook(ctx);
    if (r.slug() != null && !r.warnings().isEmpty()) {
      ctx.status(201);
      ctx.header("Location", "/v/" + View.enc(r.slug()));
      render(ctx, "versions.jte", v, new VersionsData(List.of(), List.of(), "", "", r.slug(), r.warnings()));
      return;
    }
    if (r.slug() != null) {
      ctx.redirect("/v/" + View.enc(r.slug()), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(r.status());
    List<FieldError> errors = new ArrayList<>(r.errors());
    r.problems().forEach(p -> errors.add(new FieldError("xlsx", p, p)));
    render(ctx, "versions.jte", v, new VersionsData(errors, List.of(), "", ""));
  }

  void deleteVersion(Context ctx) {
    String slug = ctx.pathParam("version");
    View v = view(ctx, null, I18n.of(lang(ctx)).t("versions.title"));
    if (!"ja".equals(ctx.formParam("bevestigd"))) {
      // a destructive step asks for confirmation: the page again, with the box to tick (nothing changed)
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(List.of(new FieldError("bevestigd", I18n.NL.t("confirm.needed"),
          I18n.EN.t("confirm.needed"))), List.of(), "", ""));
      return;
    }
    EditResult r = workspace.delete(slug, actor(ctx));
    if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      render(ctx, "versions.jte", v, new VersionsData(inv.errors(), List.of(), "", ""));
      return;
    }
    if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
    ctx.redirect("/versies", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void export(Context ctx) {
    String slug = ctx.pathParam("version");
    String text = workspace.export(slug).orElseThrow(() -> new NotFound("versie " + slug));
    ctx.header("Content-Disposition", "attachment; filename=\"" + slug + ".yaml\"");
    ctx.contentType("application/yaml; charset=utf-8");
    ctx.result(text);
  }

  void compare(Context ctx) {
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    View v = view(ctx, null, I18n.of(lang(ctx)).t("compare.title"));
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      render(ctx, "compare.jte", v, new CompareData(a == null ? Workspace.FRAME : a, b == null ? Workspace.CONCEPT : b, null, null));
      return;
    }
    Optional<Comparison> c = workspace.compare(a, b);
    if (c.isEmpty()) {
      ctx.status(404);
      render(ctx, "compare.jte", v, new CompareData(a, b, null, null));
      return;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", v);
    params.put("c", c.get());
    params.put("proposals", true);
    params.put("labelA", workspace.version(a).map(x -> x.name()).orElse(a));
    params.put("labelB", workspace.version(b).map(x -> x.name()).orElse(b));
    render(ctx, "compare.jte", v, new CompareData(a, b, c.get(), templates.render("comparisonTables.jte", params)));
  }
}
