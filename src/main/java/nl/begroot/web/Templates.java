package nl.begroot.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The precompiled jte templates (src/main/jte, compiled by the build). */
final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(name, params, out);
    return out.toString();
  }
}
