/** Figure 4: the fake DMP's capacity and heap per document. */
package fr.opendmp.bench.capacity;
