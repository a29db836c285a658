/** XDS / FHIR document metadata derived from a CDA header, so that a deposit needs no hand-filled metadata. */
package fr.opendmp.cda.metadata;
