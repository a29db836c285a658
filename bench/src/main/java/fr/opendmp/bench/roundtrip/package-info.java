/** Figure 2: search round trip, DmpClient against the raw JDK client. */
package fr.opendmp.bench.roundtrip;
