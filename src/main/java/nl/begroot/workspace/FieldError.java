package nl.begroot.workspace;

/**
 * A problem with one field of a form or request, in Dutch and English.
 *
 * @param field the field's name as the form and the API use it, e.g. {@code amount.2027}; {@code
 *     form} for a problem with the whole
 */
public record FieldError(String field, String nl, String en) {
  public String message(String lang) {
    return "en".equals(lang) ? en : nl;
  }
}
