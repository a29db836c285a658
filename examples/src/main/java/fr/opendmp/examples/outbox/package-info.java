/** Journey: a document for an unidentified emergency patient, kept by the outbox until the identity is qualified. */
package fr.opendmp.examples.outbox;
