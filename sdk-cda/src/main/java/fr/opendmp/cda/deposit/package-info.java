/**
 * CDA documents to a DMP deposit, done once: each document read once, its metadata derived from
 * the header in memory, the custodian named, and the CDA's patient checked against the deposit's
 * qualified identity before anything is built or sent ({@link fr.opendmp.cda.deposit.CdaDeposits}).
 */
package fr.opendmp.cda.deposit;
