/** The suite runner: JMH runs, fresh JVMs, the results table. */
package fr.opendmp.bench.run;
