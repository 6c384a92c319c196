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

/** The API over distribution keys: read one, change its shares. */
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
}
