package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The API over a version's own data beside its proposals: a distribution key (read one, change its shares) and the ledger mapping. */
final class KeysApi extends Api {
  KeysApi(Workspace workspace) {
    super(workspace);
  }

  void key(Context ctx) {
    Snapshot s = snapshot(ctx);
    DistributionKey k = s.budget().key(ctx.pathParam("key")).orElseThrow(() -> new Problems.Failure(404, "not-found", "No such key",
        "There is no key '" + ctx.pathParam("key") + "'.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", k.id());
    n.put("title", k.title());
    n.put("revision", s.version().revision());
    ObjectNode shares = n.putObject("shares_percent");
    k.sharesPercent().forEach((m, v) -> shares.put(m, v.toPlainString()));
    json(ctx, n);
  }

  void changeKey(Context ctx) {
    Snapshot s = snapshot(ctx);
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    int rev = revision(ctx, body, errors);
    Map<String, String> shares = new LinkedHashMap<>();
    JsonNode sn = body.get("shares_percent");
    if (sn == null || !sn.isObject()) {
      errors.add(new FieldError("shares_percent", "shares_percent moet een object zijn: {\"GE\": \"10.66\"}", "shares_percent must be an object: {\"GE\": \"10.66\"}"));
    } else {
      for (Map.Entry<String, JsonNode> e : sn.properties()) {
        if (e.getValue().isString() || e.getValue().isNumber()) {
          shares.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().decimalValue().toPlainString());
        } else {
          errors.add(new FieldError("share." + e.getKey(), "percentage als tekst of getal", "a percentage as a string or number"));
        }
      }
    }
    invalid(errors);
    String keyId = ctx.pathParam("key");
    EditResult r = workspace.changeKey(s.slug(), keyId, shares, rev, actor(ctx, body));
    edited(ctx, r, 200, () -> {
      Snapshot after = workspace.snapshot(s.slug()).orElseThrow();
      DistributionKey k = after.budget().key(keyId).orElseThrow();
      ObjectNode n = JSON.createObjectNode();
      n.put("id", k.id());
      n.put("revision", after.version().revision());
      ObjectNode out = n.putObject("shares_percent");
      k.sharesPercent().forEach((m, v) -> out.put(m, v.toPlainString()));
      json(ctx, n);
    });
  }

  /** The ledger mapping of the version, with the revision to send back with a change. */
  void mapping(Context ctx) {
    mappingJson(ctx, snapshot(ctx));
  }

  private void mappingJson(Context ctx, Snapshot s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("revision", s.version().revision());
    var rows = n.putArray("ledger_mapping");
    for (Workspace.MappingRow r : EditingPages.rows(s.budget())) {
      ObjectNode o = rows.addObject();
      o.put("account", r.account());
      if (r.costCentre() != null) {
        o.put("cost_centre", r.costCentre());
      }
      o.put("unit", r.unit());
      o.put("side", r.side());
      o.put("money", r.money());
      if (r.thirdParty() != null) {
        o.put("third_party", r.thirdParty());
      }
    }
    json(ctx, n);
  }

  /** Replaces the whole ledger mapping: {@code {"revision": 7, "ledger_mapping": [{"account": "4300", ...}]}}; rows as in the budget file. */
  void changeMapping(Context ctx) {
    Snapshot s = snapshot(ctx);
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    int rev = revision(ctx, body, errors);
    List<Workspace.MappingRow> rows = new ArrayList<>();
    JsonNode list = body.get("ledger_mapping");
    if (list == null || !list.isArray()) {
      errors.add(new FieldError("ledger_mapping", "ledger_mapping moet een lijst van regels zijn: [{\"account\": \"4300\", \"unit\": \"2.3\", ...}]",
          "ledger_mapping must be a list of rows: [{\"account\": \"4300\", \"unit\": \"2.3\", ...}]"));
    } else if (list.size() > Workspace.MAX_MAPPING_ROWS) {
      errors.add(new FieldError("ledger_mapping", "ten hoogste " + Workspace.MAX_MAPPING_ROWS + " regels", "at most " + Workspace.MAX_MAPPING_ROWS + " rows"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode r = list.get(i);
        if (!r.isObject()) {
          errors.add(new FieldError("row." + (i + 1), "regel " + (i + 1) + " moet een object zijn", "row " + (i + 1) + " must be an object"));
          continue;
        }
        rows.add(new Workspace.MappingRow(text(r, "account"), text(r, "cost_centre"), text(r, "unit"), text(r, "side"), text(r, "money"),
            text(r, "third_party")));
      }
    }
    invalid(errors);
    EditResult r = workspace.changeMapping(s.slug(), rows, rev, actor(ctx, body));
    edited(ctx, r, 200, () -> mappingJson(ctx, workspace.snapshot(s.slug()).orElseThrow()));
  }

  /** A field of a row as text (a number as its digits); absent or null is null. */
  private static String text(JsonNode row, String field) {
    JsonNode v = row.get(field);
    return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
  }
}
