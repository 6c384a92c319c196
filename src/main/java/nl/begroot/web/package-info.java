/**
 * The web application: server-rendered pages (jte templates, NL Design System CSS, htmx for partial
 * updates; every page works without JavaScript) and a JSON API with an OpenAPI 3.1 description and
 * RFC 9457 problem details. Both call {@link nl.begroot.workspace.Workspace}; tables are rendered
 * by the same renderer as the published document.
 */
package nl.begroot.web;
