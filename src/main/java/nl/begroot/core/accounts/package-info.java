/**
 * The annual accounts (jaarverslag en jaarrekening, docs/accounts.md): the realised figures of a year
 * set against the budget after amendments per programme and unit, the deviations the organisation's
 * threshold asks to explain, the result and its appropriation (resultaatbestemming: reserves, and what
 * is settled with the members by the key of each annex column), the pass-through budget settled on its
 * own. Pure: figures in, figures out; printed in thousands through the pipeline's controlled rounding.
 */
package nl.begroot.core.accounts;
