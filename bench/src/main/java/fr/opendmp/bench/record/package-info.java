/** Figure 7: opening a patient's record with the SDK's record view against the calls a vendor chains by hand. */
package fr.opendmp.bench.record;
