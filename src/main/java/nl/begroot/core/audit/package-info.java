/** The audit (rekenkundige controle): a published document checked against its own arithmetic. */
package nl.begroot.core.audit;
