/**
 * The fake INSi: an in-process SOAP 1.2 server speaking the INSi protocol (CNAM INSi teleservice), seeded with
 * a realistic fictitious population, with fault injection. Written from the specification, not
 * from the client, so the two check each other.
 */
package fr.opendmp.testkit.insi;
