/** Figure 1: searchset parsing, SDK against HAPI FHIR. */
package fr.opendmp.bench.parse;
