/**
 * An in-memory fake of the DMP FHIR interface (the PDSM4DMP implementation guide,
 * https://interop.esante.gouv.fr/ig/fhir/pdsm4dmp), written
 * from the specification: start one with {@link fr.opendmp.testkit.dmp.FakeDmp#builder()}, seed
 * patients and professionals, act as a professional with {@link fr.opendmp.testkit.dmp.TestCredentials}.
 */
package fr.opendmp.testkit.dmp;
