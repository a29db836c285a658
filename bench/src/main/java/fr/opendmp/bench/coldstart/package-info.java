/** Figure 3: cold start in fresh JVMs, SDK against the HAPI generic client. */
package fr.opendmp.bench.coldstart;
