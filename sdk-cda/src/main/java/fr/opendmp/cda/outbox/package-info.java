/**
 * The outbox's CDA renderers: a CDA queued for a patient whose identity is not yet QUALIFIEE is
 * built when it is, from its {@link fr.opendmp.cda.build.DocumentHeader} model and the qualified
 * identity (never by patching the XML as text), then checked against the patient like any CDA
 * deposit.
 */
package fr.opendmp.cda.outbox;
