/** Figure 5: deposit of an N1 CDA through ITI-65, time and allocation. */
package fr.opendmp.bench.deposit;
