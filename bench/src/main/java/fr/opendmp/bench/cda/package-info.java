/** Figure 6: N1 building, metadata derivation and full validation, first and warm. */
package fr.opendmp.bench.cda;
