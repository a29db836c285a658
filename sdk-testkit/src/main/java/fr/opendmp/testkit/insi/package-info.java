/**
 * The fake INSi: an in-process SOAP 1.2 server speaking the INSi protocol (ins.md §7), seeded with
 * a realistic fictitious population, with fault injection. Written from the specification, not
 * from the client, so the two check each other.
 */
package fr.opendmp.testkit.insi;
