/**
 * FHIR R4 JSON ⇄ domain mapping of the DMP interface (Jackson, no HAPI). Not API: these types may
 * change; use {@link fr.opendmp.core.client.DmpClient}.
 */
package fr.opendmp.core.transport.internal.fhir;
