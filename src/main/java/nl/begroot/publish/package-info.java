/**
 * Publishing: the budget document as one self-contained HTML file and as a tagged PDF (PDF/UA-1),
 * the Excel workbook (and reading proposals back from it), open data as a Fiscal Data Package, and
 * a one-page statement per member. Everything is generated from a {@link nl.begroot.publish.Publication}
 * (the budget as the core's pipeline computed it: document, printed figures and the views derived
 * from them), so every publication prints the core's figures.
 *
 * <p>Entry points, for the command line ({@code begroot publish}, {@code begroot import-proposals})
 * and the web application's download buttons:
 *
 * <ul>
 *   <li>{@link nl.begroot.publish.Publication#of(nl.begroot.core.model.Budget)}: the budget through
 *       {@link nl.begroot.core.pipeline.Pipeline#compute}, computed once per budget state;
 *   <li>{@link nl.begroot.publish.Publisher}: {@code html}, {@code pdf}, {@code xlsx},
 *       {@code fiscalDataPackage} (a zip), {@code statementHtml} and {@code statementPdf} write to an
 *       {@code OutputStream}; {@code importProposals} reads a workbook's template sheet and returns
 *       {@link nl.begroot.publish.ProposalImport.Imported} or {@link nl.begroot.publish.ProposalImport.Refused}
 *       (every bad cell with sheet and reference; a refusal is a value, not an exception);
 *   <li>{@link nl.begroot.publish.Outputs#write}: several {@link nl.begroot.publish.Format}s as files in a
 *       directory, with a progress callback.
 * </ul>
 *
 * <p>Tables go through {@link nl.begroot.render.HtmlTableRenderer}, so web pages and documents print
 * the same cells. The PDF is made by openhtmltopdf from the same XHTML with a print stylesheet of
 * resolved values, in DejaVu Sans (bundled under {@code nl/begroot/publish/fonts}, embedded).
 * Depends on core, format and render; nothing there depends on this package.
 */
package nl.begroot.publish;
