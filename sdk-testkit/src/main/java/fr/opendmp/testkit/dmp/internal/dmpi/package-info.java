/**
 * The fake's DMPi side (SOAP 1.2, HL7v3, IHE XDS.b): not an API. It serves the same {@code DmpStore}
 * and access rules as the FHIR side.
 */
package fr.opendmp.testkit.dmp.internal.dmpi;
