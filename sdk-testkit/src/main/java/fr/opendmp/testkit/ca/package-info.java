/**
 * A test certification authority imitating IGC Santé: issues structure (ORG AUTH_CLI, ORG SIGN),
 * server (SERV) and professional (PP) certificates on the fly, valid or broken in chosen ways
 * (expired, not yet valid, revoked, wrong usage), as key stores and PEM.
 */
package fr.opendmp.testkit.ca;
