/** DMPi benchmarks: an ITI-18 answer of 1,000 entries parsed, and a 1 MiB ITI-41 deposit. */
package fr.opendmp.bench.xds;
